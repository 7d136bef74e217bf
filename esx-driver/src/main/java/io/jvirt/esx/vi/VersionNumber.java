package io.jvirt.esx.vi;

import java.util.OptionalLong;

/**
 * vSphere version strings ({@code about.apiVersion}, {@code about.version}) as libvirt encodes
 * them: {@code major[.minor[.micro]]}, missing parts 0, trailing text ignored, minor and micro at
 * most 999, value {@code 1000000 * major + 1000 * minor + micro}.
 */
final class VersionNumber {
    private VersionNumber() {
    }

    /** The encoded version, or empty when the text does not start with a version. */
    public static OptionalLong parse(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        long[] parts = new long[3];
        int pos = 0;
        for (int i = 0; i < 3; i++) {
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) {
                pos++;
            }
            if (pos == start) {
                if (i == 0) {
                    return OptionalLong.empty();
                }
                break; // "5." followed by text: the rest is ignored
            }
            if (pos - start > 9) {
                return OptionalLong.empty();
            }
            parts[i] = Long.parseLong(text.substring(start, pos));
            if (i > 0 && parts[i] > 999) {
                return OptionalLong.empty();
            }
            if (i < 2 && pos < text.length() && text.charAt(pos) == '.') {
                pos++;
            } else {
                break;
            }
        }
        return OptionalLong.of(parts[0] * 1_000_000L + parts[1] * 1_000L + parts[2]);
    }

    /** The major part of an encoded version. */
    public static int major(long version) {
        return (int) (version / 1_000_000L);
    }

    /** The minor part of an encoded version. */
    public static int minor(long version) {
        return (int) (version / 1_000L % 1_000L);
    }
}
