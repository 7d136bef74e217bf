package io.jvirt.esx.network;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vim25.HostNetworkTrafficShapingPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bandwidth conversions and network XML without a server. */
class NetworkPureTest {
    private static Bandwidth both(long average, long peak, long burst) {
        Bandwidth.Rate r = new Bandwidth.Rate(average, peak, burst);
        return new Bandwidth(r, r);
    }

    @Test
    void bandwidthToShaping() {
        HostNetworkTrafficShapingPolicy p = ShapingPolicies.toPolicy(both(1000, 5000, 1024)).orElseThrow();
        assertEquals(Boolean.TRUE, p.isEnabled());
        assertEquals(8_000_000L, p.getAverageBandwidth());
        assertEquals(40_000_000L, p.getPeakBandwidth());
        assertEquals(1_048_576L, p.getBurstSize());
        HostNetworkTrafficShapingPolicy averageOnly = ShapingPolicies.toPolicy(both(3, 0, 0)).orElseThrow();
        assertEquals(24_000L, averageOnly.getAverageBandwidth());
        assertNull(averageOnly.getPeakBandwidth());
        assertNull(averageOnly.getBurstSize());
        assertTrue(ShapingPolicies.toPolicy(both(0, 0, 0)).isEmpty());
        assertTrue(ShapingPolicies.toPolicy(null).isEmpty());
    }

    @Test
    void unequalOrOneSidedBandwidthIsRefused() {
        for (Bandwidth b : List.of(new Bandwidth(new Bandwidth.Rate(1, 0, 0), null),
                new Bandwidth(null, new Bandwidth.Rate(1, 0, 0)),
                new Bandwidth(new Bandwidth.Rate(1, 0, 0), new Bandwidth.Rate(1, 0, 1)))) {
            HypervisorException e = assertThrows(HypervisorException.class, () -> ShapingPolicies.toPolicy(b));
            assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code());
            assertEquals("Different inbound and outbound bandwidth is unsupported", e.getMessage());
        }
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, assertThrows(HypervisorException.class,
                () -> ShapingPolicies.toPolicy(both(Long.MAX_VALUE / 10, 0, 0))).code());
    }

    @Test
    void shapingToBandwidthDividesDown() {
        HostNetworkTrafficShapingPolicy p = new HostNetworkTrafficShapingPolicy();
        p.setEnabled(true);
        p.setAverageBandwidth(8_007_999L);
        p.setPeakBandwidth(16_000_000L);
        p.setBurstSize(2047L);
        assertEquals(both(1000, 2000, 1), ShapingPolicies.fromPolicy(p).orElseThrow());
        p.setEnabled(false);
        assertTrue(ShapingPolicies.fromPolicy(p).isEmpty());
        p.setEnabled(null);
        assertTrue(ShapingPolicies.fromPolicy(p).isEmpty());
    }

    @Test
    void parsesForwardBandwidthAndPortGroups() {
        NetworkDef d = NetworkXmlParser.parse("<network><name>n</name><forward mode='bridge' dev='vmnic0'>"
                + "<interface dev='vmnic0'/><interface dev='vmnic1'/></forward>"
                + "<bandwidth><inbound average='1' peak='2' burst='3'/><outbound average='1' peak='2' burst='3'/></bandwidth>"
                + "<portgroup name='p1'/><portgroup name='p2'><bandwidth><inbound average='4'/><outbound average='4'/></bandwidth>"
                + "</portgroup></network>");
        assertEquals("bridge", d.forwardMode());
        assertEquals(List.of(new NetworkDef.ForwardInterface("netdev", "vmnic0"), new NetworkDef.ForwardInterface("netdev", "vmnic1")),
                d.forwardInterfaces());
        assertEquals(both(1, 2, 3), d.bandwidth());
        assertEquals(List.of(new NetworkDef.PortGroupDef("p1", null), new NetworkDef.PortGroupDef("p2", both(4, 0, 0))), d.portGroups());
        assertNull(d.uuid());
        assertEquals("nat", NetworkXmlParser.parse("<network><name>n</name><forward/></network>").forwardMode());
        assertNull(NetworkXmlParser.parse("<network><name>n</name><bandwidth/></network>").bandwidth());
    }

    @Test
    void badNetworkXml() {
        for (String xml : new String[] {"<network/>", "<network><name>a/b</name></network>",
                "<network><name>n</name><forward mode='x'/></network>",
                "<network><name>n</name><forward><interface/></forward></network>",
                "<network><name>n</name><bandwidth><inbound peak='1'/></bandwidth></network>",
                "<network><name>n</name><bandwidth><inbound average='-1'/></bandwidth></network>",
                "<network><name>n</name><bandwidth><inbound average='1'/><inbound average='1'/></bandwidth></network>",
                "<network><name>n</name><portgroup/></network>",
                "<network><name>n</name><portgroup name='a'/><portgroup name='a'/></network>"}) {
            assertEquals(ErrorCode.XML_ERROR, assertThrows(HypervisorException.class, () -> NetworkXmlParser.parse(xml), xml).code(), xml);
        }
    }

    @Test
    void networkXmlLayout() {
        UUID u = UUID.fromString("2f467347-8b4e-8655-e7d6-c4c3fb968009");
        assertEquals("<network>\n  <name>n</name>\n  <uuid>" + u + "</uuid>\n</network>\n",
                NetworkXml.format("n", u, List.of(), null, List.of()));
        String xml = NetworkXml.format("n", u, List.of("vmnic0"), both(1, 0, 2),
                List.of(new NetworkDef.PortGroupDef("p", both(0, 5, 0))));
        assertEquals("<network>\n  <name>n</name>\n  <uuid>" + u + "</uuid>\n"
                + "  <forward mode='bridge'>\n    <interface dev='vmnic0'/>\n  </forward>\n"
                + "  <bandwidth>\n    <inbound average='1' burst='2'/>\n    <outbound average='1' burst='2'/>\n  </bandwidth>\n"
                + "  <portgroup name='p'>\n  </portgroup>\n</network>\n", xml);
        assertFalse(xml.contains("peak"));
    }
}
