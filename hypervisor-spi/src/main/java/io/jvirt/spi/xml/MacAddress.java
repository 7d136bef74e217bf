package io.jvirt.spi.xml;

/**
 * A 48-bit Ethernet MAC address, printed as lower-case {@code aa:bb:cc:dd:ee:ff}.
 *
 * @param bits the address in the low 48 bits
 */
public record MacAddress(long bits) {
    public MacAddress {
        if (bits < 0 || bits > 0xFFFF_FFFF_FFFFL) {
            throw new IllegalArgumentException("not a 48-bit MAC address: " + bits);
        }
    }

    /**
     * Parses six hex octets separated by {@code :} (or {@code -}); each octet has one or two hex
     * digits, as libvirt accepts. Returns null when the text is not a MAC address.
     */
    public static MacAddress tryParse(String text) {
        if (text == null) {
            return null;
        }
        long bits = 0;
        int pos = 0;
        int len = text.length();
        for (int octet = 0; octet < 6; octet++) {
            if (octet > 0) {
                if (pos >= len || (text.charAt(pos) != ':' && text.charAt(pos) != '-')) {
                    return null;
                }
                pos++;
            }
            int digits = 0;
            int value = 0;
            while (pos < len && digits < 2 && Character.digit(text.charAt(pos), 16) >= 0
                    && text.charAt(pos) < 128) {
                value = value * 16 + Character.digit(text.charAt(pos), 16);
                pos++;
                digits++;
            }
            if (digits == 0) {
                return null;
            }
            bits = (bits << 8) | value;
        }
        return pos == len ? new MacAddress(bits) : null;
    }

    /** The first three octets (the OUI) as a 24-bit number. */
    public int prefix() {
        return (int) (bits >>> 24);
    }

    /** The last three octets as a 24-bit number. */
    public int suffix() {
        return (int) (bits & 0xFF_FFFF);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            int b = (int) ((bits >>> shift) & 0xFF);
            if (shift != 40) {
                sb.append(':');
            }
            sb.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }
}
