package io.jvirt.cli.commands;

import io.jvirt.cli.session.CliFailure;

import io.jvirt.cli.output.Sizes;
import java.util.Locale;

/**
 * Sizes typed by a user like virsh's scaled integers: a number with an optional unit
 * ({@code b}, {@code k}/{@code KiB}, {@code KB} (1000), {@code M}/{@code MiB}, {@code MB}, ... up
 * to {@code E}); without a unit the command's default unit applies.
 */
public final class ScaledSize {
    private ScaledSize() {
    }

    /**
     * @param text        what the user typed
     * @param defaultUnit bytes per unit when no suffix is given (1 for bytes, 1024 for KiB)
     * @param option      the option name for error messages, e.g. {@code size}
     * @return the size in bytes
     */
    public static long parse(String text, long defaultUnit, String option) {
        String s = text.strip();
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw malformed(text, option);
        }
        long number;
        try {
            number = Long.parseLong(s.substring(0, i));
        } catch (NumberFormatException e) {
            throw malformed(text, option);
        }
        String suffix = s.substring(i).strip();
        long scale;
        if (suffix.isEmpty()) {
            scale = defaultUnit;
        } else {
            char c = Character.toLowerCase(suffix.charAt(0));
            String rest = suffix.substring(1).toLowerCase(Locale.ROOT);
            int power = "bkmgtpe".indexOf(c);
            if (power < 0) {
                throw malformed(text, option);
            }
            long base;
            if (c == 'b') {
                if (!rest.isEmpty() && !rest.equals("yte") && !rest.equals("ytes")) {
                    throw malformed(text, option);
                }
                base = 1024;
            } else if (rest.isEmpty() || rest.equals("ib")) {
                base = 1024;
            } else if (rest.equals("b")) {
                base = 1000;
            } else {
                throw malformed(text, option);
            }
            scale = 1;
            for (int p = 0; p < power; p++) {
                scale = Math.multiplyExact(scale, base);
            }
        }
        try {
            return Math.multiplyExact(number, scale);
        } catch (ArithmeticException e) {
            throw malformed(text, option);
        }
    }

    private static CliFailure malformed(String text, String option) {
        return new CliFailure("Scaled numeric value '" + text + "' for <" + option + "> option is malformed or out of range");
    }
}
