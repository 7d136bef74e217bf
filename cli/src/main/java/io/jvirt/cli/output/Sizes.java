package io.jvirt.cli.output;

import java.util.Locale;

/** Byte counts as virsh shows them ({@code 100.00 GiB}, {@code 0.00 B}). */
public final class Sizes {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Sizes() {
    }

    public static String pretty(long bytes) {
        double value = bytes;
        int unit = 0;
        while (unit < UNITS.length - 1 && value >= 1024) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.2f %s", value, UNITS[unit]);
    }
}
