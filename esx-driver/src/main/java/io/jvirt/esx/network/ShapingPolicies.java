package io.jvirt.esx.network;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.xml.NetworkDef.Bandwidth;
import io.jvirt.spi.xml.NetworkDef.Rate;
import io.jvirt.vim25.HostNetworkTrafficShapingPolicy;

import java.util.Optional;

/**
 * Converts between libvirt bandwidth (KB/s, KiB) and a vSwitch or port group traffic shaping
 * policy (bit/s, bytes), which shapes both directions alike (esx-spec 2.12).
 */
final class ShapingPolicies {
    private ShapingPolicies() {
    }

    /**
     * The policy for a {@code <bandwidth>}; empty when there is none or all its values are 0.
     * Inbound and outbound must both be given and be equal.
     */
    static Optional<HostNetworkTrafficShapingPolicy> toPolicy(Bandwidth bandwidth) {
        if (bandwidth == null || (bandwidth.inbound() == null && bandwidth.outbound() == null)) {
            return Optional.empty();
        }
        // a value not given is 0; floor (a guarantee) has no counterpart in a shaping policy
        long[] in = shaping(bandwidth.inbound());
        if (in == null || !java.util.Arrays.equals(in, shaping(bandwidth.outbound()))) {
            throw new HypervisorException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.ESX,
                    "Different inbound and outbound bandwidth is unsupported");
        }
        long average = in[0];
        long peak = in[1];
        long burst = in[2];
        if (average == 0 && peak == 0 && burst == 0) {
            return Optional.empty();
        }
        HostNetworkTrafficShapingPolicy p = new HostNetworkTrafficShapingPolicy();
        p.setEnabled(true);
        if (average > 0) {
            p.setAverageBandwidth(multiply(average, 8 * 1000, "average"));
        }
        if (peak > 0) {
            p.setPeakBandwidth(multiply(peak, 8 * 1000, "peak"));
        }
        if (burst > 0) {
            p.setBurstSize(multiply(burst, 1024, "burst"));
        }
        return Optional.of(p);
    }

    /** The bandwidth a policy describes; empty unless the policy is enabled. */
    static Optional<Bandwidth> fromPolicy(HostNetworkTrafficShapingPolicy p) {
        if (p == null || !Boolean.TRUE.equals(p.isEnabled())) {
            return Optional.empty();
        }
        Rate r = new Rate(value(p.getAverageBandwidth()) / 8 / 1000, value(p.getPeakBandwidth()) / 8 / 1000, null,
                value(p.getBurstSize()) / 1024);
        return Optional.of(new Bandwidth(r, r));
    }

    /** average, peak, burst of a rate, 0 for each not given; null for no rate. */
    private static long[] shaping(Rate r) {
        return r == null ? null : new long[] {value(r.average()), value(r.peak()), value(r.burst())};
    }

    private static long value(Long v) {
        return v == null || v < 0 ? 0 : v;
    }

    private static long multiply(long value, long factor, String what) {
        try {
            return Math.multiplyExact(value, factor);
        } catch (ArithmeticException e) {
            throw new HypervisorException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.ESX,
                    "Bandwidth " + what + " value " + value + " is too large");
        }
    }
}
