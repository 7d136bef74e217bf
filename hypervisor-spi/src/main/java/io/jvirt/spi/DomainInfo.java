package io.jvirt.spi;

/**
 * What {@code virsh dominfo} shows about resources.
 *
 * @param state       the current state
 * @param maxMemoryKiB the maximum memory in KiB
 * @param memoryKiB   the memory in use (or its limit) in KiB
 * @param vcpus       the number of virtual CPUs
 * @param cpuTimeNs   CPU time used in nanoseconds, or {@code -1} when the driver cannot tell
 */
public record DomainInfo(DomainState state, long maxMemoryKiB, long memoryKiB, int vcpus, long cpuTimeNs) {
}
