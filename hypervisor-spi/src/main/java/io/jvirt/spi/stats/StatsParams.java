package io.jvirt.spi.stats;

import io.jvirt.spi.DomainState;
import io.jvirt.spi.TypedParameter;
import io.jvirt.spi.xml.DiskDef;
import io.jvirt.spi.xml.DomainDef;

import java.util.List;

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
        List<DiskDef> disks = def.devices().disks();
        out.add(new TypedParameter("block.count", TypedParameter.Type.UINT, disks.size()));
        for (int i = 0; i < disks.size(); i++) {
            DiskDef d = disks.get(i);
            out.add(new TypedParameter("block." + i + ".name", TypedParameter.Type.STRING, d.targetDev()));
            if (d.source() != null) {
                out.add(new TypedParameter("block." + i + ".path", TypedParameter.Type.STRING, d.source()));
            }
        }
    }
}
