package io.jvirt.conformance.corpus;

/**
 * Compares a conversion's output with the expected file byte for byte, as libvirt's own tests do
 * ({@code virTestCompareToFile}): the same text, line order, case, whitespace and final newline.
 */
public final class CorpusComparator {
    private CorpusComparator() {
    }

    /** null when equal, else a description of the first difference. */
    public static String compareXml(String expected, String actual) {
        return compareExactly(expected, actual);
    }

    /** null when equal, else a description of the first difference. */
    public static String compareVmx(String expected, String actual) {
        return compareExactly(expected, actual);
    }

    /** null when both texts are identical, else the first line that differs (1-based) and both versions of it. */
    public static String compareExactly(String expected, String actual) {
        if (expected.equals(actual)) {
            return null;
        }
        String[] want = expected.split("\n", -1);
        String[] got = actual.split("\n", -1);
        for (int i = 0; i < Math.max(want.length, got.length); i++) {
            String w = i < want.length ? want[i] : null;
            String g = i < got.length ? got[i] : null;
            if (w == null) {
                return "line " + (i + 1) + ": unexpected " + show(g) + " after the expected end";
            }
            if (g == null) {
                return "line " + (i + 1) + ": missing " + show(w);
            }
            if (!w.equals(g)) {
                return "line " + (i + 1) + ": expected " + show(w) + " but got " + show(g);
            }
        }
        throw new AssertionError("texts differ but no line does");
    }

    /** A line quoted, with carriage returns and tabs made visible. */
    private static String show(String line) {
        return "'" + line.replace("\r", "\\r").replace("\t", "\\t") + "'";
    }
}
