package io.jvirt.esx.vi;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vim25.ChoiceOption;
import io.jvirt.vim25.ElementDescription;
import io.jvirt.vim25.VirtualMachineQuestionInfo;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The question messages of esx-spec 3.4 (the cases that do not reach the server). */
class QuestionsTest {
    private static VirtualMachineQuestionInfo question(Integer defaultIndex, String... labels) {
        VirtualMachineQuestionInfo q = new VirtualMachineQuestionInfo();
        q.setId("7");
        q.setText("Keep going?");
        ChoiceOption c = new ChoiceOption();
        for (int i = 0; i < labels.length; i++) {
            ElementDescription e = new ElementDescription();
            e.setKey(String.valueOf(i));
            e.setLabel(labels[i]);
            c.getChoiceInfo().add(e);
        }
        c.setDefaultIndex(defaultIndex);
        q.setChoice(c);
        return q;
    }

    private static String fail(VirtualMachineQuestionInfo q, boolean autoAnswer) {
        HypervisorException e = assertThrows(HypervisorException.class, () -> Questions.handle(null, null, q, autoAnswer));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        return e.getMessage();
    }

    @Test
    void messages() {
        assertEquals("Pending question blocks virtual machine execution, question is 'Keep going?', possible answers"
                + " are 'Yes', 'No'", fail(question(0, "Yes", "No"), false));
        assertEquals("Pending question blocks virtual machine execution, question is 'Keep going?', possible answers"
                + " are 'Yes', 'No', but no default answer is specified", fail(question(null, "Yes", "No"), true));
        assertEquals("Pending question blocks virtual machine execution, question is 'Keep going?', possible answers"
                + " are 'Yes', but no default answer is specified", fail(question(3, "Yes"), true));
        assertEquals("Pending question blocks virtual machine execution, question is 'Keep going?', no possible answers",
                fail(question(null), true));
        assertEquals("Pending question blocks virtual machine execution, question is 'Keep going?', no possible answers",
                fail(question(null), false));
        VirtualMachineQuestionInfo noChoice = question(null);
        noChoice.setChoice(null);
        assertEquals("Pending question blocks virtual machine execution, question is 'Keep going?', no possible answers",
                fail(noChoice, true));
    }
}
