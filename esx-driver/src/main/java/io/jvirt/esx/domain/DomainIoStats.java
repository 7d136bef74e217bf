package io.jvirt.esx.domain;

import io.jvirt.spi.TypedParameter;
import io.jvirt.spi.InterfaceStats;

import java.util.List;

/**
 * Per-domain I/O statistics ({@code domblkstat}, {@code domifstat}), provided by the
 * statistics package ({@code io.jvirt.esx.stats}) so that this package does not depend on it.
 */
public interface DomainIoStats {
    /** {@code virDomainBlockStatsFlags} of the disk named by target or source. */
    List<TypedParameter> blockStats(EsxDomain domain, String disk);

    /** {@code virDomainInterfaceStats} of the interface named by MAC address. */
    InterfaceStats interfaceStats(EsxDomain domain, String device);
}
