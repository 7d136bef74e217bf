package io.jvirt.esx.vi;

import io.jvirt.spi.ErrorCode;
import io.jvirt.spi.ErrorDomain;
import io.jvirt.spi.HypervisorException;
import io.jvirt.vim25.ElementDescription;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.VirtualMachineQuestionInfo;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A question blocking a VM ({@code runtime.question}, esx-spec 3.4): with {@code auto_answer=1}
 * it is answered with its default choice; otherwise, or when there is no usable default, it is an
 * error naming the question and its possible answers.
 */
public final class Questions {
    private static final System.Logger LOG = System.getLogger(Questions.class.getName());

    private Questions() {
    }

    /**
     * Answers the question with its default choice (one {@code AnswerVM}) when {@code autoAnswer}
     * is set and there is a default; throws {@code INTERNAL_ERROR} otherwise.
     */
    public static void handle(VimSession session, ManagedObjectReference vm, VirtualMachineQuestionInfo question,
                              boolean autoAnswer) {
        List<ElementDescription> choices = question.getChoice() == null ? List.of()
                : question.getChoice().getChoiceInfo();
        String text = question.getText() == null ? "" : question.getText();
        if (choices.isEmpty()) {
            throw blocked("Pending question blocks virtual machine execution, question is '" + text
                    + "', no possible answers");
        }
        String possible = possibleAnswers(choices);
        if (!autoAnswer) {
            throw blocked("Pending question blocks virtual machine execution, question is '" + text
                    + "', possible answers are " + possible);
        }
        Integer defaultIndex = question.getChoice().getDefaultIndex();
        if (defaultIndex == null || defaultIndex < 0 || defaultIndex >= choices.size()) {
            throw blocked("Pending question blocks virtual machine execution, question is '" + text
                    + "', possible answers are " + possible + ", but no default answer is specified");
        }
        ElementDescription answer = choices.get(defaultIndex);
        LOG.log(System.Logger.Level.INFO, "Pending question blocks virtual machine execution, question is ''{0}'',"
                + " possible answers are {1}, responding with default answer ''{2}''", text, possible, answer.getLabel());
        session.call("AnswerVM", p -> {
            p.answerVM(vm, question.getId(), answer.getKey());
            return null;
        });
    }

    /** The labels, each in single quotes, joined by {@code ", "}. */
    static String possibleAnswers(List<ElementDescription> choices) {
        return choices.stream().map(c -> "'" + c.getLabel() + "'").collect(Collectors.joining(", "));
    }

    private static HypervisorException blocked(String message) {
        return new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, message);
    }
}
