package io.jvirt.esx.network;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.xml.NetworkDef;
import io.jvirt.spi.xml.NetworkDef.Bandwidth;
import io.jvirt.spi.xml.NetworkDef.Rate;
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
        Rate r = new Rate(average, peak, null, burst);
        return new Bandwidth(r, r);
    }

    private static Rate rate(Long average, Long peak, Long burst) {
        return new Rate(average, peak, null, burst);
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
        for (Bandwidth b : List.of(new Bandwidth(rate(1L, 0L, 0L), null),
                new Bandwidth(null, rate(1L, 0L, 0L)),
                new Bandwidth(rate(1L, 0L, 0L), rate(1L, 0L, 1L)))) {
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
    void aValueNotGivenEqualsZeroWhenInboundIsComparedWithOutbound() {
        // <inbound average='3'/> and <outbound average='3' peak='0'/> shape alike
        assertEquals(24_000L, ShapingPolicies.toPolicy(new Bandwidth(rate(3L, null, null), rate(3L, 0L, null)))
                .orElseThrow().getAverageBandwidth());
    }

    @Test
    void parsesForwardBandwidthAndPortGroups() {
        NetworkDef d = NetworkRules.parse("<network><name>n</name><forward mode='bridge' dev='vmnic0'>"
                + "<interface dev='vmnic0'/><interface dev='vmnic1'/></forward>"
                + "<bandwidth><inbound average='1' peak='2' burst='3'/><outbound average='1' peak='2' burst='3'/></bandwidth>"
                + "<portgroup name='p1'/><portgroup name='p2'><bandwidth><inbound average='4'/><outbound average='4'/></bandwidth>"
                + "</portgroup></network>");
        assertEquals("bridge", d.forwardMode());
        assertEquals(List.of("vmnic0", "vmnic1"), d.forwardInterfaces());
        assertEquals(List.of(), d.forwardAddresses());
        assertEquals(new Bandwidth(rate(1L, 2L, 3L), rate(1L, 2L, 3L)), d.bandwidth());
        assertEquals(List.of(new NetworkDef.PortGroup("p1", false, null), new NetworkDef.PortGroup("p2", false,
                new Bandwidth(rate(4L, null, null), rate(4L, null, null)))), d.portgroups());
        assertNull(d.uuid());
        assertEquals("nat", NetworkRules.parse("<network><name>n</name><forward/></network>").forwardMode());
        assertEquals(new Bandwidth(null, null),
                NetworkRules.parse("<network><name>n</name><bandwidth/></network>").bandwidth());
        assertTrue(ShapingPolicies.toPolicy(new Bandwidth(null, null)).isEmpty(), "an empty <bandwidth/> shapes nothing");
    }

    @Test
    void thePciForwardPoolIsNotAVswitch() {
        NetworkDef d = NetworkRules.parse("<network><name>n</name><forward mode='hostdev'>"
                + "<address type='pci' domain='0x0000' bus='0x03' slot='0x00' function='0x1'/></forward></network>");
        assertEquals(List.of("0x0000:0x03:0x00.0x1"), d.forwardAddresses());
        HypervisorException e = assertThrows(HypervisorException.class, () -> NetworkDriver.switchSpec(d, null));
        assertEquals(ErrorCode.NO_SUPPORT, e.code());
        assertEquals("unsupported device type in network n interface pool", e.getMessage());
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
            assertEquals(ErrorCode.XML_ERROR, assertThrows(HypervisorException.class, () -> NetworkRules.parse(xml), xml).code(), xml);
        }
    }

    /** The rules the driver adds to the API's parser keep their messages. */
    @Test
    void theDriversOwnRulesName() {
        assertEquals("name a/b cannot contain '/'", message("<network><name>a/b</name></network>"));
        assertEquals("portgroup name 'a' is used twice in network 'n'",
                message("<network><name>n</name><portgroup name='a'/><portgroup name='a'/></network>"));
        assertEquals("Missing mandatory average or floor attributes in <inbound> of network 'n'",
                message("<network><name>n</name><bandwidth><inbound peak='1'/></bandwidth></network>"));
        assertEquals("Missing mandatory average or floor attributes in <outbound> of network 'n'", message(
                "<network><name>n</name><portgroup name='p'><bandwidth><outbound burst='1'/></bandwidth></portgroup></network>"));
        assertEquals("only one child <inbound> and <outbound> element allowed in bandwidth of network 'n'", message(
                "<network><name>n</name><bandwidth><inbound average='1'/><inbound average='1'/></bandwidth></network>"));
        assertEquals(ErrorCode.XML_ERROR, assertThrows(HypervisorException.class, () ->
                NetworkRules.parse("<network><name>n</name><forward><interface dev=''/></forward></network>")).code());
    }

    private static String message(String xml) {
        HypervisorException e = assertThrows(HypervisorException.class, () -> NetworkRules.parse(xml), xml);
        assertEquals(ErrorCode.XML_ERROR, e.code(), xml);
        return e.getMessage();
    }

    @Test
    void networkXmlLayout() {
        UUID u = UUID.fromString("2f467347-8b4e-8655-e7d6-c4c3fb968009");
        assertEquals("<network>\n  <name>n</name>\n  <uuid>" + u + "</uuid>\n</network>\n",
                new NetworkDef("n", u, null, List.of(), List.of(), null, List.of()).format());
        String xml = new NetworkDef("n", u, "bridge", List.of("vmnic0"), List.of(), both(1, 0, 2),
                List.of(new NetworkDef.PortGroup("p", false, both(0, 5, 0)))).format();
        assertEquals("<network>\n  <name>n</name>\n  <uuid>" + u + "</uuid>\n"
                + "  <forward dev='vmnic0' mode='bridge'>\n    <interface dev='vmnic0'/>\n  </forward>\n"
                + "  <bandwidth>\n    <inbound average='1' burst='2'/>\n    <outbound average='1' burst='2'/>\n  </bandwidth>\n"
                + "  <portgroup name='p'>\n  </portgroup>\n</network>\n", xml);
        assertFalse(xml.contains("peak"));
    }
}
