package io.jvirt.simulator;

import io.jvirt.vim25.ChoiceOption;
import io.jvirt.vim25.ElementDescription;
import io.jvirt.vim25.VirtualMachineQuestionInfo;
import io.jvirt.vim25.VirtualMachineRuntimeInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** VM questions: raised at once or armed to block the VM's next task, answered by AnswerVM. */
final class Questions {

    private final Inventory inventory;
    private final Map<String, VmQuestion> armed = new HashMap<>();
    private final Map<String, String> lastAnswer = new HashMap<>();
    private final Map<String, Boolean> cancelledByAnswer = new HashMap<>();

    Questions(Inventory inventory) {
        this.inventory = inventory;
    }

    void armForNextTask(ManagedObject vm, VmQuestion question) {
        inventory.write(() -> {
            armed.put(vm.value(), question);
        });
    }

    void raiseNow(ManagedObject vm, VmQuestion question) {
        inventory.write(() -> {
            runtime(vm).setQuestion(info(question));
        });
    }

    /** Called by a task before it does its work: raises the armed question, if any. */
    boolean raiseArmed(ManagedObject vm) {
        return inventory.write(() -> {
            VmQuestion question = armed.remove(vm.value());
            if (question == null) {
                return false;
            }
            runtime(vm).setQuestion(info(question));
            return true;
        });
    }

    boolean pending(ManagedObject vm) {
        return inventory.read(() -> runtime(vm).getQuestion() != null);
    }

    void answer(ManagedObject vm, String questionId, String choice) {
        inventory.write(() -> {
            VirtualMachineQuestionInfo question = runtime(vm).getQuestion();
            if (question == null || !question.getId().equals(questionId)) {
                throw VimFaults.invalidArgument("questionId");
            }
            boolean known = question.getChoice() == null
                    || question.getChoice().getChoiceInfo().stream().anyMatch(c -> c.getKey().equals(choice));
            if (!known) {
                throw VimFaults.invalidArgument("answerChoice");
            }
            boolean cancel = question.getChoice() != null && question.getChoice().getChoiceInfo().stream()
                    .anyMatch(c -> c.getKey().equals(choice) && "Cancel".equalsIgnoreCase(c.getLabel()));
            runtime(vm).setQuestion(null);
            lastAnswer.put(vm.value(), choice);
            cancelledByAnswer.put(vm.value(), cancel);
        });
    }

    /** True once after the VM's question was answered with a choice labelled "Cancel". */
    boolean takeCancelAnswer(ManagedObject vm) {
        return inventory.write(() -> Boolean.TRUE.equals(cancelledByAnswer.remove(vm.value())));
    }

    Optional<String> lastAnswer(ManagedObject vm) {
        return inventory.read(() -> Optional.ofNullable(lastAnswer.get(vm.value())));
    }

    private VirtualMachineQuestionInfo info(VmQuestion question) {
        VirtualMachineQuestionInfo info = new VirtualMachineQuestionInfo();
        info.setId(String.valueOf(inventory.nextNumber()));
        info.setText(question.text());
        ChoiceOption choice = new ChoiceOption();
        for (int i = 0; i < question.choiceLabels().size(); i++) {
            ElementDescription element = new ElementDescription();
            element.setKey(String.valueOf(i));
            element.setLabel(question.choiceLabels().get(i));
            element.setSummary(question.choiceLabels().get(i));
            choice.getChoiceInfo().add(element);
        }
        choice.setDefaultIndex(question.defaultIndex());
        info.setChoice(choice);
        return info;
    }

    private static VirtualMachineRuntimeInfo runtime(ManagedObject vm) {
        return vm.require("runtime", VirtualMachineRuntimeInfo.class);
    }
}
