package io.jvirt.spi.stats;

import io.jvirt.spi.DomainState;
import io.jvirt.spi.InterfaceStats;
import io.jvirt.spi.TypedParameter;
import io.jvirt.spi.xml.DiskDef;
import io.jvirt.spi.xml.DomainDef;
import io.jvirt.spi.xml.InterfaceDef;

import java.util.List;
import java.util.function.Function;

/**
 * Builders for the parameters of the statistics groups, named and typed as libvirt's
 * {@code virConnectGetAllDomainStats} documents them, for drivers to share.
 */
public final class StatsParams {
    private StatsParams() {
    }

    /** {@code state.state}, {@code state.reason} (0: the driver does not know the reason). */
    public static void state(List<TypedParameter> out, DomainState state) {
        out.add(TypedParameter.ofInt("state.state", state.code()));
        out.add(TypedParameter.ofInt("state.reason", 0));
    }

    /** {@code vcpu.current}, {@code vcpu.maximum}. */
    public static void vcpu(List<TypedParameter> out, int current, int maximum) {
        out.add(new TypedParameter("vcpu.current", TypedParameter.Type.UINT, current));
        out.add(new TypedParameter("vcpu.maximum", TypedParameter.Type.UINT, maximum));
    }

    /** {@code balloon.current}, {@code balloon.maximum} in KiB. */
    public static void balloon(List<TypedParameter> out, long currentKiB, long maximumKiB) {
        out.add(TypedParameter.ofUnsignedLong("balloon.current", currentKiB));
        out.add(TypedParameter.ofUnsignedLong("balloon.maximum", maximumKiB));
    }

    /**
     * {@code block.count}, {@code block.<n>.name} (the target), {@code block.<n>.path} (the
     * source, when there is one) for every disk of the domain definition.
     */
    public static void block(List<TypedParameter> out, DomainDef def) {
        block(out, def, d -> null);
    }

    /**
     * I/O counters of one disk (libvirt's {@code block.<n>.rd.reqs}, {@code rd.bytes},
     * {@code rd.times} (ns), {@code wr.reqs}, {@code wr.bytes}, {@code wr.times} (ns)); -1 for a
     * value the driver cannot read, which is then left out.
     */
    public record BlockIo(long rdReqs, long rdBytes, long rdTimes, long wrReqs, long wrBytes, long wrTimes) {
    }

    /**
     * The block group with I/O counters: for every disk {@code name}, {@code path}, then the
     * counters {@code io} gives for it (null: none), in libvirt's order.
     */
    public static void block(List<TypedParameter> out, DomainDef def, Function<DiskDef, BlockIo> io) {
        List<DiskDef> disks = def.devices().disks();
        out.add(new TypedParameter("block.count", TypedParameter.Type.UINT, disks.size()));
        for (int i = 0; i < disks.size(); i++) {
            DiskDef d = disks.get(i);
            String p = "block." + i + ".";
            out.add(new TypedParameter(p + "name", TypedParameter.Type.STRING, d.targetDev()));
            if (d.source() != null) {
                out.add(new TypedParameter(p + "path", TypedParameter.Type.STRING, d.source()));
            }
            BlockIo b = io.apply(d);
            if (b != null) {
                counter(out, p + "rd.reqs", b.rdReqs());
                counter(out, p + "rd.bytes", b.rdBytes());
                counter(out, p + "rd.times", b.rdTimes());
                counter(out, p + "wr.reqs", b.wrReqs());
                counter(out, p + "wr.bytes", b.wrBytes());
                counter(out, p + "wr.times", b.wrTimes());
            }
        }
    }

    /** {@code cpu.time}, {@code cpu.user}, {@code cpu.system} in ns (a negative value is left out). */
    public static void cpuTotal(List<TypedParameter> out, long timeNs, long userNs, long systemNs) {
        counter(out, "cpu.time", timeNs);
        counter(out, "cpu.user", userNs);
        counter(out, "cpu.system", systemNs);
    }

    /**
     * The interface group: {@code net.count}, and for every interface of the definition
     * {@code net.<n>.name} (the target device, else the MAC address) and the counters
     * {@code io} gives for it (null: none): {@code rx.bytes}, {@code rx.pkts}, {@code rx.errs},
     * {@code rx.drop}, {@code tx.bytes}, {@code tx.pkts}, {@code tx.errs}, {@code tx.drop}.
     */
    public static void interfaces(List<TypedParameter> out, DomainDef def, Function<InterfaceDef, InterfaceStats> io) {
        List<InterfaceDef> nics = def.devices().interfaces();
        out.add(new TypedParameter("net.count", TypedParameter.Type.UINT, nics.size()));
        for (int i = 0; i < nics.size(); i++) {
            InterfaceDef n = nics.get(i);
            String p = "net." + i + ".";
            String name = n.targetDev() != null ? n.targetDev() : n.mac() == null ? null : n.mac().toString();
            if (name != null) {
                out.add(new TypedParameter(p + "name", TypedParameter.Type.STRING, name));
            }
            InterfaceStats s = io.apply(n);
            if (s != null) {
                netCounters(out, i, s);
            }
        }
    }

    /** {@code net.<index>.rx.bytes} ... {@code tx.drop} (negative values left out). */
    public static void netCounters(List<TypedParameter> out, int index, InterfaceStats s) {
        String p = "net." + index + ".";
        counter(out, p + "rx.bytes", s.rxBytes());
        counter(out, p + "rx.pkts", s.rxPackets());
        counter(out, p + "rx.errs", s.rxErrs());
        counter(out, p + "rx.drop", s.rxDrop());
        counter(out, p + "tx.bytes", s.txBytes());
        counter(out, p + "tx.pkts", s.txPackets());
        counter(out, p + "tx.errs", s.txErrs());
        counter(out, p + "tx.drop", s.txDrop());
    }

    private static void counter(List<TypedParameter> out, String name, long value) {
        if (value >= 0) {
            out.add(TypedParameter.ofUnsignedLong(name, value));
        }
    }
}
