package io.jvirt.spi.xml;

import java.util.UUID;

/** libvirt's lenient UUID syntax: 32 hex digits, {@code -} and spaces allowed between digit pairs. */
public final class Uuids {
    /** The all-zero UUID that VMX files without {@code uuid.bios} get. */
    public static final UUID ZERO = new UUID(0, 0);

    private Uuids() {
    }

    /**
     * Parses 16 hex pairs; surrounding whitespace and {@code -} or space separators between the
     * pairs are allowed. Returns null when the text is not such a UUID.
     */
    public static UUID tryParse(String text) {
        if (text == null) {
            return null;
        }
        int pos = 0;
        int len = text.length();
        while (pos < len && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 16; i++) {
            if (i > 0) {
                while (pos < len && (text.charAt(pos) == '-' || text.charAt(pos) == ' ')) {
                    pos++;
                }
            }
            if (pos + 2 > len) {
                return null;
            }
            int a = hex(text.charAt(pos));
            int b = hex(text.charAt(pos + 1));
            if (a < 0 || b < 0) {
                return null;
            }
            pos += 2;
            int v = a * 16 + b;
            if (i < 8) {
                hi = (hi << 8) | v;
            } else {
                lo = (lo << 8) | v;
            }
        }
        while (pos < len && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos == len ? new UUID(hi, lo) : null;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
