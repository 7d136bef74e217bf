package io.jvirt.simulator;

import java.util.List;

/**
 * A question a simulated VM asks (its {@code runtime.question}), e.g. "moved or copied?".
 * Choice keys are the 0-based positions as strings, as ESX sends them.
 *
 * @param text         the question text
 * @param choiceLabels the labels of the possible answers, may be empty
 * @param defaultIndex the position of the default answer, or null for none
 */
public record VmQuestion(String text, List<String> choiceLabels, Integer defaultIndex) {

    public VmQuestion {
        choiceLabels = List.copyOf(choiceLabels);
    }

    /** The classic question asked after a VM's files were moved or copied. */
    public static VmQuestion movedOrCopied() {
        return new VmQuestion("This virtual machine might have been moved or copied.",
                List.of("Cancel", "I moved it", "I copied it"), 2);
    }
}
