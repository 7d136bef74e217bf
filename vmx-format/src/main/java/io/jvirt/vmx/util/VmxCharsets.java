package io.jvirt.vmx.util;

import io.jvirt.spi.ErrorCode;
import io.jvirt.spi.ErrorDomain;
import io.jvirt.spi.HypervisorException;
import io.jvirt.vmx.VmxParser;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/** Conversion of VMX text from its declared {@code .encoding} to UTF-8. */
public final class VmxCharsets {
    private VmxCharsets() {
    }

    /** Converts bytes in the named encoding (e.g. {@code Windows-1252}) to UTF-8 bytes. */
    public static byte[] toUtf8(byte[] data, String encoding) {
        Charset cs;
        try {
            cs = Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw HypervisorException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                    "encoding '%s' is not supported", encoding);
        }
        return VmxParser.decode(data, cs).getBytes(StandardCharsets.UTF_8);
    }
}
