package io.jvirt.spi.xml;

import java.util.BitSet;

/**
 * A set of host CPU numbers, libvirt syntax {@code 0-2,5,^1}, printed as ascending ranges
 * ({@code 0,3-5}).
 */
public record CpuSet(BitSet bits) {
    /** The largest CPU number + 1 accepted in a cpuset. */
    public static final int MAX_CPUS = 8192;

    /** Keeps a copy of {@code bits}; a CPU number of {@link #MAX_CPUS} or more is an error. */
    public CpuSet {
        bits = (BitSet) bits.clone();
        if (bits.length() > MAX_CPUS) {
            throw new IllegalArgumentException("CPU number too large: " + (bits.length() - 1));
        }
    }

    public static CpuSet of(BitSet bits) {
        return new CpuSet(bits);
    }

    /** Parses libvirt's syntax; returns null when the text is not a valid cpuset. */
    public static CpuSet tryParse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        BitSet set = new BitSet();
        for (String raw : text.split(",", -1)) {
            String part = raw.strip();
            boolean negate = part.startsWith("^");
            if (negate) {
                part = part.substring(1);
            }
            int dash = part.indexOf('-');
            int from;
            int to;
            if (dash < 0) {
                from = number(part);
                to = from;
            } else {
                from = number(part.substring(0, dash));
                to = number(part.substring(dash + 1));
                if (negate) {
                    return null;
                }
            }
            if (from < 0 || to < from) {
                return null;
            }
            if (negate) {
                set.clear(from);
            } else {
                set.set(from, to + 1);
            }
        }
        return set.isEmpty() ? null : new CpuSet(set);
    }

    private static int number(String s) {
        if (s.isEmpty() || s.length() > 5) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v < MAX_CPUS ? v : -1;
    }

    /** A copy of the CPU numbers. */
    @Override
    public BitSet bits() {
        return (BitSet) bits.clone();
    }

    public int cardinality() {
        return bits.cardinality();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        int i = bits.nextSetBit(0);
        while (i >= 0) {
            int end = bits.nextClearBit(i) - 1;
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(i);
            if (end > i) {
                sb.append('-').append(end);
            }
            i = bits.nextSetBit(end + 1);
        }
        return sb.toString();
    }
}
