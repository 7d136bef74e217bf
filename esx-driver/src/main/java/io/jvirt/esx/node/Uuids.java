package io.jvirt.esx.node;

import java.util.Optional;
import java.util.UUID;

/** Lenient UUID parsing like libvirt's: 32 hex digits, '-' and blanks allowed anywhere. */
public final class Uuids {
    private Uuids() {
    }

    public static Optional<UUID> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        StringBuilder hex = new StringBuilder(32);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '-' || c == ' ') {
                continue;
            }
            if (Character.digit(c, 16) < 0 || hex.length() == 32) {
                return Optional.empty();
            }
            hex.append(c);
        }
        if (hex.length() != 32) {
            return Optional.empty();
        }
        long hi = Long.parseUnsignedLong(hex.substring(0, 16), 16);
        long lo = Long.parseUnsignedLong(hex.substring(16), 16);
        return Optional.of(new UUID(hi, lo));
    }
}
