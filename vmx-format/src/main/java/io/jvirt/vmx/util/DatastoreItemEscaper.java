package io.jvirt.vmx.util;

import java.nio.charset.StandardCharsets;

/**
 * Escapes a name for use as a file or directory name on a datastore: Windows-special characters
 * become {@code _}, then {@code % / \} are percent-encoded, then every run of bytes outside
 * {@code A-Z a-z 0-9 ' ( ) , . space _ -} is written as {@code +} + base64 (alphabet with
 * {@code ,} instead of {@code /}, no padding) + {@code -} (the {@code -} omitted at the end).
 */
public final class DatastoreItemEscaper {
    private static final char[] B64 =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,".toCharArray();

    private DatastoreItemEscaper() {
    }

    public static String escape(String item) {
        StringBuilder step1 = new StringBuilder(item.length());
        for (int i = 0; i < item.length(); i++) {
            char c = item.charAt(i);
            step1.append("\"*<>:|?".indexOf(c) >= 0 ? '_' : c);
        }
        String step2 = VmxEscaping.percentEncode(step1.toString());
        byte[] bytes = step2.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 2);
        int i = 0;
        while (i < bytes.length) {
            if (isNormal(bytes[i])) {
                out.append((char) bytes[i]);
                i++;
                continue;
            }
            int start = i;
            while (i < bytes.length && !isNormal(bytes[i])) {
                i++;
            }
            out.append('+');
            base64(bytes, start, i, out);
            if (i < bytes.length) {
                out.append('-');
            }
        }
        return out.toString();
    }

    private static boolean isNormal(byte b) {
        char c = (char) (b & 0xFF);
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || "'(),. _-".indexOf(c) >= 0;
    }

    private static void base64(byte[] b, int from, int to, StringBuilder out) {
        int i = from;
        while (to - i >= 3) {
            int v = ((b[i] & 0xFF) << 16) | ((b[i + 1] & 0xFF) << 8) | (b[i + 2] & 0xFF);
            out.append(B64[v >> 18]).append(B64[(v >> 12) & 63]).append(B64[(v >> 6) & 63]).append(B64[v & 63]);
            i += 3;
        }
        int left = to - i;
        if (left == 1) {
            int v = (b[i] & 0xFF) << 16;
            out.append(B64[v >> 18]).append(B64[(v >> 12) & 63]);
        } else if (left == 2) {
            int v = ((b[i] & 0xFF) << 16) | ((b[i + 1] & 0xFF) << 8);
            out.append(B64[v >> 18]).append(B64[(v >> 12) & 63]).append(B64[(v >> 6) & 63]);
        }
    }
}
