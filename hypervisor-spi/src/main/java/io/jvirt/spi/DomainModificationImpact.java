package io.jvirt.spi;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which state of a domain a device change affects, libvirt's {@code virDomainModificationImpact}:
 * {@link #LIVE} the running domain, {@link #CONFIG} the persistent definition. No flag at all is
 * libvirt's {@code VIR_DOMAIN_AFFECT_CURRENT}: the running domain if it runs, else its definition.
 */
public enum DomainModificationImpact {
    /** {@code VIR_DOMAIN_AFFECT_LIVE}: the running domain. */
    LIVE,
    /** {@code VIR_DOMAIN_AFFECT_CONFIG}: the persistent definition. */
    CONFIG;

    /**
     * The states a change with {@code flags} affects on a domain that is {@code active} or not:
     * no flag means {@code LIVE} when active, else {@code CONFIG}; {@code LIVE} on an inactive
     * domain is {@link ErrorCode#OPERATION_INVALID} ("domain is not running"), as in libvirt.
     */
    public static Set<DomainModificationImpact> resolve(Set<DomainModificationImpact> flags, boolean active,
                                                        ErrorDomain domain) {
        if (flags.isEmpty()) {
            return EnumSet.of(active ? LIVE : CONFIG);
        }
        if (flags.contains(LIVE) && !active) {
            throw new HypervisorException(ErrorCode.OPERATION_INVALID, domain, "domain is not running");
        }
        return EnumSet.copyOf(flags);
    }
}
