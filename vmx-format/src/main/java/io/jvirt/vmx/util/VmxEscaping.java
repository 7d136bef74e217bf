package io.jvirt.vmx.util;

/**
 * The two escaping schemes of VMX values: pipe-encoding ({@code |} and {@code "} as {@code |7c},
 * {@code |22}) for {@code displayName} and {@code annotation}, and percent-encoding ({@code %},
 * {@code /}, {@code \} as {@code %25}, {@code %2f}, {@code %5c}) for {@code displayName}. Decoding
 * returns null for a malformed escape so that the caller can report the key.
 */
public final class VmxEscaping {
    private VmxEscaping() {
    }

    public static String pipeEncode(String s) {
        return encode(s, '|', "|\"");
    }

    public static String percentEncode(String s) {
        return encode(s, '%', "%/\\");
    }

    /** Decodes {@code |XX} (any hex case, any character); null if a {@code |} is not followed by 2 hex digits. */
    public static String pipeDecode(String s) {
        return decode(s, '|');
    }

    /** Decodes {@code %XX}; null if malformed. */
    public static String percentDecode(String s) {
        return decode(s, '%');
    }

    private static String encode(String s, char escape, String special) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (special.indexOf(c) >= 0) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                sb.append(escape).append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static String decode(String s, char escape) {
        if (s.indexOf(escape) < 0) {
            return s;
        }
        // escapes encode bytes: collect them and decode the result as UTF-8
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(s.length());
        byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b == escape) {
                if (i + 2 >= utf8.length) {
                    return null;
                }
                int hi = Character.digit(utf8[i + 1], 16);
                int lo = Character.digit(utf8[i + 2], 16);
                if (hi < 0 || lo < 0 || utf8[i + 1] < 0 || utf8[i + 2] < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        return new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
