package io.jvirt.esx.stats;

import io.jvirt.spi.InterfaceStats;
import io.jvirt.spi.stats.StatsParams;
import io.jvirt.spi.xml.DiskDef;

import java.util.List;

/**
 * vSphere's real-time counters turned into libvirt's cumulative statistics. vSphere keeps
 * per-interval values only (20-second samples for the last hour); libvirt's counters are totals
 * since the domain started. The samples are read from the VM's {@code runtime.bootTime} on, so
 * for a VM running for less than the real-time window (one hour) the totals are exact up to the
 * last completed sample; for a VM running longer they cover the last hour only (a lower bound).
 *
 * <table>
 * <caption>Mapping (sums over the samples; {@code s} = sample interval in seconds)</caption>
 * <tr><th>libvirt</th><th>vSphere counter (instance)</th><th>conversion</th></tr>
 * <tr><td>cpu.time (ns)</td><td>cpu.used.summation ("")</td><td>ms x 10^6</td></tr>
 * <tr><td>cpu.system (ns)</td><td>cpu.system.summation ("")</td><td>ms x 10^6</td></tr>
 * <tr><td>cpu.user (ns)</td><td>cpu.time - cpu.system</td><td></td></tr>
 * <tr><td>net.N.rx.bytes / tx.bytes</td><td>net.bytesRx.average / net.bytesTx.average (device key)</td><td>KBps x s x 1024</td></tr>
 * <tr><td>net.N.rx.pkts / tx.pkts</td><td>net.packetsRx.summation / net.packetsTx.summation</td><td>sum</td></tr>
 * <tr><td>net.N.rx.drop / tx.drop</td><td>net.droppedRx.summation / net.droppedTx.summation</td><td>sum</td></tr>
 * <tr><td>net.N.rx.errs / tx.errs</td><td>net.errorsRx.summation / net.errorsTx.summation (hosts only on real servers)</td><td>sum</td></tr>
 * <tr><td>block.N.rd.reqs / wr.reqs</td><td>virtualDisk.numberReadAveraged.average / numberWriteAveraged (scsiC:U)</td><td>per s x s</td></tr>
 * <tr><td>block.N.rd.bytes / wr.bytes</td><td>virtualDisk.read.average / write.average</td><td>KBps x s x 1024</td></tr>
 * <tr><td>block.N.rd.times / wr.times (ns)</td><td>virtualDisk.totalReadLatency.average / totalWriteLatency x requests of the sample</td><td>ms x 10^6</td></tr>
 * </table>
 */
final class IoCounters {
    static final String CPU_USED = "cpu.used.summation";
    static final String CPU_SYSTEM = "cpu.system.summation";
    static final String NET_BYTES_RX = "net.bytesRx.average";
    static final String NET_BYTES_TX = "net.bytesTx.average";
    static final String NET_PACKETS_RX = "net.packetsRx.summation";
    static final String NET_PACKETS_TX = "net.packetsTx.summation";
    static final String NET_DROPPED_RX = "net.droppedRx.summation";
    static final String NET_DROPPED_TX = "net.droppedTx.summation";
    static final String NET_ERRORS_RX = "net.errorsRx.summation";
    static final String NET_ERRORS_TX = "net.errorsTx.summation";
    static final String DISK_READS = "virtualDisk.numberReadAveraged.average";
    static final String DISK_WRITES = "virtualDisk.numberWriteAveraged.average";
    static final String DISK_READ_KBPS = "virtualDisk.read.average";
    static final String DISK_WRITE_KBPS = "virtualDisk.write.average";
    static final String DISK_READ_LATENCY = "virtualDisk.totalReadLatency.average";
    static final String DISK_WRITE_LATENCY = "virtualDisk.totalWriteLatency.average";

    static final List<PerfReader.Metric> CPU = List.of(new PerfReader.Metric(CPU_USED, ""),
            new PerfReader.Metric(CPU_SYSTEM, ""));
    static final List<PerfReader.Metric> NET = List.of(new PerfReader.Metric(NET_BYTES_RX, "*"),
            new PerfReader.Metric(NET_BYTES_TX, "*"), new PerfReader.Metric(NET_PACKETS_RX, "*"),
            new PerfReader.Metric(NET_PACKETS_TX, "*"), new PerfReader.Metric(NET_DROPPED_RX, "*"),
            new PerfReader.Metric(NET_DROPPED_TX, "*"), new PerfReader.Metric(NET_ERRORS_RX, "*"),
            new PerfReader.Metric(NET_ERRORS_TX, "*"));
    static final List<PerfReader.Metric> DISK = List.of(new PerfReader.Metric(DISK_READS, "*"),
            new PerfReader.Metric(DISK_WRITES, "*"), new PerfReader.Metric(DISK_READ_KBPS, "*"),
            new PerfReader.Metric(DISK_WRITE_KBPS, "*"), new PerfReader.Metric(DISK_READ_LATENCY, "*"),
            new PerfReader.Metric(DISK_WRITE_LATENCY, "*"));

    private IoCounters() {
    }

    private static long sum(long[] v) {
        if (v == null) {
            return -1;
        }
        long s = 0;
        for (long x : v) {
            s += Math.max(0, x); // -1 marks a sample the server could not take
        }
        return s;
    }

    private static long scaled(long[] v, long factor) {
        long s = sum(v);
        return s < 0 ? -1 : s * factor;
    }

    /** {cpu.time, cpu.user, cpu.system} in ns, -1 where the server has no counter. */
    static long[] cpu(PerfReader.Samples s) {
        long time = scaled(s.of(CPU_USED, ""), 1_000_000L);
        long system = scaled(s.of(CPU_SYSTEM, ""), 1_000_000L);
        long user = time < 0 || system < 0 ? -1 : Math.max(0, time - system);
        return new long[] {time, user, system};
    }

    /** The counters of the NIC with this device key. */
    static InterfaceStats nic(PerfReader.Samples s, String instance) {
        long kib = (long) s.interval() * 1024;
        return new InterfaceStats(scaled(s.of(NET_BYTES_RX, instance), kib), sum(s.of(NET_PACKETS_RX, instance)),
                sum(s.of(NET_ERRORS_RX, instance)), sum(s.of(NET_DROPPED_RX, instance)),
                scaled(s.of(NET_BYTES_TX, instance), kib), sum(s.of(NET_PACKETS_TX, instance)),
                sum(s.of(NET_ERRORS_TX, instance)), sum(s.of(NET_DROPPED_TX, instance)));
    }

    /** The counters of the virtual disk with this VMX device name ({@code scsi0:0}). */
    static StatsParams.BlockIo disk(PerfReader.Samples s, String instance) {
        int sec = s.interval();
        long[] reads = s.of(DISK_READS, instance);
        long[] writes = s.of(DISK_WRITES, instance);
        return new StatsParams.BlockIo(scaled(reads, sec), scaled(s.of(DISK_READ_KBPS, instance), sec * 1024L),
                times(reads, s.of(DISK_READ_LATENCY, instance), sec),
                scaled(writes, sec), scaled(s.of(DISK_WRITE_KBPS, instance), sec * 1024L),
                times(writes, s.of(DISK_WRITE_LATENCY, instance), sec));
    }

    /** Sum over samples of (requests per second x interval) x average latency (ms), in ns. */
    private static long times(long[] perSecond, long[] latencyMs, int sec) {
        if (perSecond == null || latencyMs == null || perSecond.length != latencyMs.length) {
            return -1;
        }
        long ns = 0;
        for (int i = 0; i < perSecond.length; i++) {
            ns += Math.max(0, perSecond[i]) * sec * Math.max(0, latencyMs[i]) * 1_000_000L;
        }
        return ns;
    }

    /** The VMX device name vSphere names a virtual disk's statistics by ({@code scsi0:1}, {@code ide1:0}), or null. */
    static String diskInstance(DiskDef d) {
        if (d.address() == null || d.targetBus() == null) {
            return null;
        }
        return switch (d.targetBus()) {
            case "scsi" -> "scsi" + d.address().controller() + ":" + d.address().unit();
            case "ide" -> "ide" + d.address().bus() + ":" + d.address().unit();
            case "sata" -> "sata" + d.address().controller() + ":" + d.address().unit();
            default -> null;
        };
    }
}
