package io.jvirt.spi;

/**
 * Traffic counters of one domain interface, libvirt's {@code virDomainInterfaceStatsStruct}
 * ({@code virsh domifstat}): bytes, packets, errors and drops received and transmitted. A value
 * the driver cannot read is {@code -1} (virsh then leaves the line out).
 */
public record InterfaceStats(long rxBytes, long rxPackets, long rxErrs, long rxDrop,
                             long txBytes, long txPackets, long txErrs, long txDrop) {
}
