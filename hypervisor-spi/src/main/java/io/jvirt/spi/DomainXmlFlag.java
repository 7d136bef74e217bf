package io.jvirt.spi;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Flags for {@link Domain#xmlDesc(java.util.Set)}, after {@code VIR_DOMAIN_XML_*}; also for
 * {@link DomainSnapshot#xmlDesc(java.util.Set)} and
 * {@link Connection#domainXmlFromNative(String, String, java.util.Set)}, which accept only
 * {@link #SECURE}. Without {@code SECURE} no secure field (VNC password) is ever formatted; on a
 * read-only connection asking for it is {@link ErrorCode#OPERATION_DENIED}, as in libvirt.
 */
public enum DomainXmlFlag {
    /** Include security-sensitive data such as VNC passwords. */
    SECURE,
    /** Describe the persistent configuration, not the running state (no {@code id}). */
    INACTIVE,
    /** Only what a migration destination needs. */
    MIGRATABLE,
    /** Update guest CPU from host capabilities (not supported by the ESX driver). */
    UPDATE_CPU;

    /**
     * Fails with {@link ErrorCode#INVALID_ARG} naming the flags of {@code flags} that are not
     * {@code allowed}, in libvirt's words ({@code unsupported flags (INACTIVE) in function ...}).
     */
    public static void requireOnly(ErrorDomain domain, String function, Set<DomainXmlFlag> flags,
                                   DomainXmlFlag... allowed) {
        Set<DomainXmlFlag> rest = flags.isEmpty() ? EnumSet.noneOf(DomainXmlFlag.class) : EnumSet.copyOf(flags);
        rest.removeAll(List.of(allowed));
        if (!rest.isEmpty()) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, domain, "unsupported flags ("
                    + rest.stream().map(Enum::name).collect(Collectors.joining(", ")) + ") in function " + function);
        }
    }
}
