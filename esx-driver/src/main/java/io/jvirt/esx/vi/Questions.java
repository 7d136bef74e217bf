package io.jvirt.esx.vi;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vim25.ElementDescription;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.VirtualMachineQuestionInfo;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A question blocking a VM ({@code runtime.question}, esx-spec 3.4): answered with its default
 * choice when the URI says {@code auto_answer=1}, otherwise reported as an error that quotes
 * the question and its possible answers.
 */
public final class Questions {
    private static final System.Logger LOG = System.getLogger(Questions.class.getName());

    private Questions() {
    }

    /**
     * Handles a pending question: answers it (one {@code AnswerVM} request) or throws.
     *
     * @throws HypervisorException {@code INTERNAL_ERROR} when the question blocks the VM
     */
    public static void handle(VimSession session, ManagedObjectReference vm, VirtualMachineQuestionInfo question,
                              boolean autoAnswer) {
        List<ElementDescription> choices = question.getChoice() == null ? List.of() : question.getChoice().getChoiceInfo();
        String text = question.getText();
        if (choices.isEmpty()) {
            throw blocked("Pending question blocks virtual machine execution, question is '%s', no possible answers", text);
        }
        String possible = choices.stream().map(c -> "'" + c.getLabel() + "'").collect(Collectors.joining(", "));
        Integer defaultIndex = question.getChoice().getDefaultIndex();
        ElementDescription defaultChoice = defaultIndex != null && defaultIndex >= 0 && defaultIndex < choices.size()
                ? choices.get(defaultIndex) : null;
        if (!autoAnswer) {
            throw blocked("Pending question blocks virtual machine execution, question is '%s', possible answers are %s",
                    text, possible);
        }
        if (defaultChoice == null) {
            throw blocked("Pending question blocks virtual machine execution, question is '%s', possible answers are %s,"
                    + " but no default answer is specified", text, possible);
        }
        LOG.log(System.Logger.Level.INFO, "Answering question ''{0}'' of {1} with the default answer ''{2}''",
                text, Mor.text(vm), defaultChoice.getLabel());
        session.call("AnswerVM", p -> {
            p.answerVM(vm, question.getId(), defaultChoice.getKey());
            return null;
        });
    }

    private static HypervisorException blocked(String format, Object... args) {
        return HypervisorException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, format, args);
    }
}
