package io.jvirt.cli.commands;

import java.util.Comparator;

/**
 * The order in which virsh lists objects by name: {@code vshStrcasecmp}, i.e. C {@code strcasecmp}
 * (ASCII letters compared without case, everything else by code), so {@code nfs41-ds} comes before
 * {@code PMemDS-esx8} as virsh prints them.
 */
final class NameOrder {
    /** Names compared as virsh's sorters compare them. */
    static final Comparator<String> VIRSH = NameOrder::compare;

    private NameOrder() {
    }

    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            int d = fold(ca) - fold(cb);
            if (d != 0) {
                return d;
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return (a.length() - i) - (b.length() - j);
    }

    private static int fold(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
}
