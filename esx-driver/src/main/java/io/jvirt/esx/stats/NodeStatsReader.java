package io.jvirt.esx.stats;

import io.jvirt.esx.node.HostProperties;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.esx.vi.PropertyReader;
import io.jvirt.esx.vi.Specs;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.TypedParameter;
import io.jvirt.spi.stats.StatsFields;
import io.jvirt.vim25.ManagedObjectReference;

import java.util.List;
import java.util.Map;

/**
 * {@code nodecpustats} and {@code nodememstats} of the connection's host. CPU: the host's
 * real-time {@code cpu.used.summation} (libvirt's {@code user}) and {@code cpu.idle.summation}
 * ({@code idle}), in ms per sample, summed over the samples the host keeps (the last hour)
 * and given in ns; instance {@code ""} for all CPUs, {@code "N"} for CPU N. vSphere does not
 * split kernel and I/O-wait time: those fields are absent (virsh prints 0). One
 * {@code QueryPerf} (plus the cached counter and refresh-rate reads). Memory: {@code total} =
 * {@code hardware.memorySize}, {@code free} = total minus {@code summary.quickStats.overallMemoryUsage}:
 * one {@code RetrievePropertiesEx}; vSphere gives no per-NUMA-cell figures.
 */
public final class NodeStatsReader {
    static final String HOST_CPU_USED = "cpu.used.summation";
    static final String HOST_CPU_IDLE = "cpu.idle.summation";

    private final VimSession session;
    private final PerfServer server;
    private final ManagedObjectReference host;

    public NodeStatsReader(VimSession session, PerfServer server, ManagedObjectReference host) {
        this.session = session;
        this.server = server;
        this.host = host;
    }

    public List<TypedParameter> cpu(int cpu) {
        if (cpu < StatsFields.ALL_CPUS) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                    "cpuNum in virNodeGetCPUStats only accepts -1 as a negative value");
        }
        requireHost();
        String instance = cpu == StatsFields.ALL_CPUS ? "" : String.valueOf(cpu);
        Map<String, PerfReader.Samples> all = new PerfReader(session, server).read(
                List.of(new PerfReader.Target(host, null)),
                List.of(new PerfReader.Metric(HOST_CPU_USED, instance), new PerfReader.Metric(HOST_CPU_IDLE, instance)));
        PerfReader.Samples s = all.getOrDefault(host.getValue(), PerfReader.Samples.NONE);
        long[] used = s.of(HOST_CPU_USED, instance);
        long[] idle = s.of(HOST_CPU_IDLE, instance);
        if (used == null && idle == null) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                    cpu == StatsFields.ALL_CPUS ? "Server '" + session.host() + "' has no CPU statistics for its host"
                            : "Invalid cpuNum " + cpu + ": the host has no statistics for that CPU");
        }
        return List.of(TypedParameter.ofUnsignedLong(StatsFields.CPU_USER, ms(used)),
                TypedParameter.ofUnsignedLong(StatsFields.CPU_IDLE, ms(idle)));
    }

    private static long ms(long[] v) {
        long sum = 0;
        if (v != null) {
            for (long x : v) {
                sum += Math.max(0, x);
            }
        }
        return sum * 1_000_000L;
    }

    public List<TypedParameter> memory(int cell) {
        if (cell < StatsFields.ALL_CELLS) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                    "cellNum in virNodeGetMemoryStats only accepts -1 as a negative value");
        }
        if (cell != StatsFields.ALL_CELLS) {
            throw new HypervisorException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.ESX,
                    "vSphere reports no memory statistics per NUMA cell; omit the cell for the whole host");
        }
        requireHost();
        ObjectProps h = PropertyReader.retrieve(session, Specs.filter(Specs.from(host, false),
                Specs.props("HostSystem", HostProperties.MEMORY_USAGE, HostProperties.MEMORY_SIZE))).get(0);
        long totalKiB = h.require(HostProperties.MEMORY_SIZE, Number.class).longValue() / 1024;
        long usedKiB = h.require(HostProperties.MEMORY_USAGE, Number.class).longValue() * 1024;
        return List.of(TypedParameter.ofUnsignedLong(StatsFields.MEMORY_TOTAL, totalKiB),
                TypedParameter.ofUnsignedLong(StatsFields.MEMORY_FREE, Math.max(0, totalKiB - usedKiB)));
    }

    private void requireHost() {
        if (host == null) {
            throw new HypervisorException(ErrorCode.OPERATION_INVALID, ErrorDomain.ESX,
                    "This connection names no host system (a vCenter datacenter or cluster): node statistics need a host path");
        }
    }
}
