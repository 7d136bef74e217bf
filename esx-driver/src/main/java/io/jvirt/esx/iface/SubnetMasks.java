package io.jvirt.esx.iface;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

/** The prefix length of a dotted IPv4 subnet mask ({@code 255.255.255.0} is 24). */
final class SubnetMasks {
    private SubnetMasks() {
    }

    /** The number of leading one bits; a mask whose ones are not contiguous is an error. */
    static int prefix(String mask) {
        String[] parts = mask == null ? new String[0] : mask.trim().split("\\.", -1);
        if (parts.length != 4) {
            throw invalid(mask);
        }
        long bits = 0;
        for (String part : parts) {
            int octet;
            try {
                octet = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw invalid(mask);
            }
            if (octet < 0 || octet > 255 || part.isEmpty() || part.length() > 3) {
                throw invalid(mask);
            }
            bits = (bits << 8) | octet;
        }
        int prefix = Long.numberOfLeadingZeros(~bits & 0xffffffffL) - 32;
        long expected = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
        if (bits != expected) {
            throw invalid(mask);
        }
        return prefix;
    }

    private static HypervisorException invalid(String mask) {
        return HypervisorException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, "Invalid subnet mask '%s'", mask);
    }
}
