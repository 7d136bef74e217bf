package io.jvirt.vmx.convert;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

/** Errors of the domain XML to VMX direction (libvirt reports them without error domain). */
final class Errors {
    private Errors() {
    }

    static HypervisorException internal(String format, Object... args) {
        return new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE, String.format(format, args));
    }

    /** libvirt's post-parse check: the guest must be offered by the capabilities, if any are given. */
    static void checkCapabilities(io.jvirt.spi.xml.CapabilitiesDef caps, io.jvirt.spi.xml.DomainDef def) {
        if (caps != null && !caps.offers(def.os().type(), def.os().arch(), def.type())) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, String.format(
                    "could not find capabilities for ostype=%s arch=%s domaintype=%s", def.os().type(),
                    def.os().arch(), def.type()));
        }
    }

    static HypervisorException unsupported(String format, Object... args) {
        return new HypervisorException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NONE, String.format(format, args));
    }
}
