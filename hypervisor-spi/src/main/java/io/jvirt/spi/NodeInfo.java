package io.jvirt.spi;

/**
 * The host's hardware, as {@code virsh nodeinfo} prints it.
 *
 * @param cpuModel   the CPU model (at most 31 characters, like libvirt)
 * @param memoryKiB  the memory size in KiB
 * @param cpus       the number of active CPUs
 * @param mhz        the CPU frequency in MHz
 * @param nodes      the number of NUMA cells
 * @param sockets    CPU sockets per node
 * @param cores      cores per socket
 * @param threads    threads per core
 */
public record NodeInfo(String cpuModel, long memoryKiB, int cpus, int mhz, int nodes, int sockets, int cores,
                       int threads) {
}
