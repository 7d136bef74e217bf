package io.jvirt.testdriver;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.TypedParameter;
import io.jvirt.spi.InterfaceStats;
import io.jvirt.spi.stats.StatsFields;
import io.jvirt.spi.stats.StatsParams;
import io.jvirt.spi.xml.DiskDef;
import io.jvirt.spi.xml.DomainDef;
import io.jvirt.spi.xml.InterfaceDef;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Statistics of the test driver, shaped like libvirt's test driver: I/O counters are derived
 * from the wall clock (microseconds and seconds since the epoch, divided by fixed numbers), so
 * they grow like real counters; node CPU times are libvirt's test driver's constants. Every value
 * below was checked against {@code virsh -c test:///default} (domblkstat, domifstat,
 * nodecpustats).
 */
final class TestStats {
    /** libvirt's test driver: user, kernel, idle, iowait of the node, ns. */
    static final long CPU_USER = 9_797_400_000L;
    static final long CPU_KERNEL = 34_678_723_400_000L;
    static final long CPU_IDLE = 87_264_900_000L;
    static final long CPU_IOWAIT = 763_600_000L;

    private TestStats() {
    }

    private static long micros(Instant now) {
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    /** The disk named by target or source path; INVALID_ARG "invalid path" otherwise. */
    static DiskDef disk(DomainDef def, String path) {
        for (DiskDef d : def.devices().disks()) {
            if (path.equals(d.targetDev()) || path.equals(d.source())) {
                return d;
            }
        }
        throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.TEST, "invalid argument: invalid path: " + path);
    }

    /** The interface named by target device or MAC address. */
    static InterfaceDef nic(DomainDef def, String device) {
        for (InterfaceDef n : def.devices().interfaces()) {
            if (device.equals(n.targetDev()) || (n.mac() != null && device.equalsIgnoreCase(n.mac().toString()))) {
                return n;
            }
        }
        throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                "invalid argument: '" + device + "' is not a known interface");
    }

    static StatsParams.BlockIo blockIo(Instant now) {
        long us = micros(now);
        return new StatsParams.BlockIo(us / 10, us / 20, -1, us / 30, us / 40, -1);
    }

    static List<TypedParameter> blockStats(Instant now) {
        StatsParams.BlockIo b = blockIo(now);
        List<TypedParameter> out = new ArrayList<>();
        out.add(TypedParameter.ofLong(StatsFields.BLOCK_READ_REQ, b.rdReqs()));
        out.add(TypedParameter.ofLong(StatsFields.BLOCK_READ_BYTES, b.rdBytes()));
        out.add(TypedParameter.ofLong(StatsFields.BLOCK_WRITE_REQ, b.wrReqs()));
        out.add(TypedParameter.ofLong(StatsFields.BLOCK_WRITE_BYTES, b.wrBytes()));
        out.add(TypedParameter.ofLong(StatsFields.BLOCK_ERRS, now.getEpochSecond() / 2));
        return out;
    }

    static InterfaceStats interfaceStats(Instant now) {
        long us = micros(now);
        long s = now.getEpochSecond();
        return new InterfaceStats(us / 10, us / 100, s, s / 2, us / 20, us / 110, s / 3, s / 4);
    }

    static List<TypedParameter> nodeCpu(int cpu) {
        if (cpu < StatsFields.ALL_CPUS) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                    "cpuNum in virNodeGetCPUStats only accepts -1 as a negative value");
        }
        return List.of(TypedParameter.ofUnsignedLong(StatsFields.CPU_KERNEL, CPU_KERNEL),
                TypedParameter.ofUnsignedLong(StatsFields.CPU_USER, CPU_USER),
                TypedParameter.ofUnsignedLong(StatsFields.CPU_IDLE, CPU_IDLE),
                TypedParameter.ofUnsignedLong(StatsFields.CPU_IOWAIT, CPU_IOWAIT));
    }

    static List<TypedParameter> nodeMemory(int cell, int cells, long totalKiB, long freeKiB) {
        if (cell < StatsFields.ALL_CELLS) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                    "cellNum in virNodeGetMemoryStats only accepts -1 as a negative value");
        }
        if (cell >= cells) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                    "cell number " + cell + " is out of range: the test node has cells 0 to " + (cells - 1));
        }
        int share = cell == StatsFields.ALL_CELLS ? 1 : cells; // the cells share the memory equally
        return List.of(TypedParameter.ofUnsignedLong(StatsFields.MEMORY_TOTAL, totalKiB / share),
                TypedParameter.ofUnsignedLong(StatsFields.MEMORY_FREE, freeKiB / share));
    }
}
