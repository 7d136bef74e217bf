package io.jvirt.cli.output;

import java.io.PrintStream;

/** Prints virsh's "label: value" blocks ({@code dominfo}, {@code nodeinfo}, {@code schedinfo}, ...). */
public final class Fields {
    private final PrintStream out;
    private final String format;

    private Fields(PrintStream out, String format) {
        this.out = out;
        this.format = format;
    }

    /** {@code dominfo}, {@code pool-info}, {@code net-info}, {@code vol-info}: label padded to 15, a space. */
    public static Fields info(PrintStream out) {
        return new Fields(out, "%-15s %s%n");
    }

    /** {@code nodeinfo}: label padded to 20, a space. */
    public static Fields node(PrintStream out) {
        return new Fields(out, "%-20s %s%n");
    }

    /** {@code schedinfo}, {@code memtune}: name padded to 15, then {@code ": "}. */
    public static Fields params(PrintStream out) {
        return new Fields(out, "%-15s: %s%n");
    }

    public Fields add(String label, Object value) {
        out.printf(format, label, value);
        return this;
    }
}
