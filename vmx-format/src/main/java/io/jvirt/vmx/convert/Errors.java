package io.jvirt.vmx.convert;

import io.jvirt.spi.ErrorCode;
import io.jvirt.spi.ErrorDomain;
import io.jvirt.spi.HypervisorException;

/** Errors of the domain XML to VMX direction (libvirt reports them without error domain). */
final class Errors {
    private Errors() {
    }

    static HypervisorException internal(String format, Object... args) {
        return new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE, String.format(format, args));
    }

    static HypervisorException unsupported(String format, Object... args) {
        return new HypervisorException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NONE, String.format(format, args));
    }
}
