package io.jvirt.spi.stats;

/**
 * libvirt's typed-parameter field names for block statistics ({@code virDomainBlockStatsFlags},
 * {@code VIR_DOMAIN_BLOCK_STATS_*}), node CPU statistics ({@code VIR_NODE_CPU_STATS_*}) and node
 * memory statistics ({@code VIR_NODE_MEMORY_STATS_*}).
 */
public final class StatsFields {
    private StatsFields() {
    }

    /** Read requests. */
    public static final String BLOCK_READ_REQ = "rd_operations";
    /** Bytes read. */
    public static final String BLOCK_READ_BYTES = "rd_bytes";
    /** Write requests. */
    public static final String BLOCK_WRITE_REQ = "wr_operations";
    /** Bytes written. */
    public static final String BLOCK_WRITE_BYTES = "wr_bytes";
    /** Errors. */
    public static final String BLOCK_ERRS = "errs";
    /** Flush requests. */
    public static final String BLOCK_FLUSH_REQ = "flush_operations";
    /** Time spent reading, ns. */
    public static final String BLOCK_READ_TOTAL_TIMES = "rd_total_times";
    /** Time spent writing, ns. */
    public static final String BLOCK_WRITE_TOTAL_TIMES = "wr_total_times";
    /** Time spent flushing, ns. */
    public static final String BLOCK_FLUSH_TOTAL_TIMES = "flush_total_times";

    /** Node CPU time in the kernel, ns. */
    public static final String CPU_KERNEL = "kernel";
    /** Node CPU time in user mode, ns. */
    public static final String CPU_USER = "user";
    /** Node CPU idle time, ns. */
    public static final String CPU_IDLE = "idle";
    /** Node CPU time waiting for I/O, ns. */
    public static final String CPU_IOWAIT = "iowait";
    /** Node CPU utilisation, percent. */
    public static final String CPU_UTILIZATION = "utilization";
    /** {@code virNodeGetCPUStats}' cpuNum for the sum of all CPUs. */
    public static final int ALL_CPUS = -1;

    /** Node memory, KiB. */
    public static final String MEMORY_TOTAL = "total";
    /** Free node memory, KiB. */
    public static final String MEMORY_FREE = "free";
    /** Buffer memory, KiB. */
    public static final String MEMORY_BUFFERS = "buffers";
    /** Page cache, KiB. */
    public static final String MEMORY_CACHED = "cached";
    /** {@code virNodeGetMemoryStats}' cellNum for the whole node. */
    public static final int ALL_CELLS = -1;
}
