package io.jvirt.esx.network;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.Network;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.jvirt.esx.testing.Failures.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** vSwitches as networks (esx-spec 2.12) against the simulator's host network system. */
class NetworkDriverTest {
    /** What virsh net-info prints for vcsim's vSwitch0 (same key): MD5 of "key-vim.host.VirtualSwitch-vSwitch0". */
    static final UUID VSWITCH0 = UUID.fromString("2f467347-8b4e-8655-e7d6-c4c3fb968009");

    private static SimulatedConnection esx;
    private static EsxConnection c;

    @BeforeAll
    static void start() {
        esx = SimulatedConnection.start(SimulatorModel.ESX);
        c = esx.connection();
    }

    @AfterAll
    static void stop() {
        esx.close();
    }

    @Test
    void listsAndLooksUpVswitch0() {
        List<Network> all = c.listAllNetworks();
        assertTrue(all.stream().anyMatch(n -> n.name().equals("vSwitch0") && n.uuid().equals(VSWITCH0)), all.toString());
        Network n = c.lookupNetworkByName("vSwitch0");
        assertEquals(VSWITCH0, n.uuid());
        assertEquals("vSwitch0", c.lookupNetworkByUuid(VSWITCH0).name());
        assertTrue(n.isActive() && n.isPersistent() && n.autostart());
        n.setAutostart(true);
        fails(ErrorCode.INTERNAL_ERROR, "Cannot deactivate network autostart", () -> n.setAutostart(false));
    }

    @Test
    void unknownNetworks() {
        fails(ErrorCode.NO_NETWORK, "Could not find HostVirtualSwitch with name 'nope'", () -> c.lookupNetworkByName("nope"));
        UUID u = UUID.fromString("00000000-0000-0000-0000-000000000002");
        fails(ErrorCode.NO_NETWORK, "Could not find HostVirtualSwitch with UUID '" + u + "'", () -> c.lookupNetworkByUuid(u));
    }

    @Test
    void xmlOfVswitch0HidesVmkernelOnlyPortGroups() {
        assertEquals("<network>\n"
                + "  <name>vSwitch0</name>\n"
                + "  <uuid>" + VSWITCH0 + "</uuid>\n"
                + "  <forward mode='bridge'>\n"
                + "    <interface dev='vmnic0'/>\n"
                + "  </forward>\n"
                + "  <portgroup name='VM Network'>\n"
                + "  </portgroup>\n"
                + "</network>\n", c.lookupNetworkByName("vSwitch0").xmlDesc());
    }

    @Test
    void definesASwitchWithBandwidthAndPortGroupsThenUndefinesIt() {
        String xml = "<network>\n"
                + "  <name>vSwitchT</name>\n"
                + "  <forward mode='bridge'>\n"
                + "    <interface dev='vmnic1'/>\n"
                + "  </forward>\n"
                + "  <bandwidth>\n"
                + "    <inbound average='1000' peak='5000' burst='1024'/>\n"
                + "    <outbound average='1000' peak='5000' burst='1024'/>\n"
                + "  </bandwidth>\n"
                + "  <portgroup name='pgT1'>\n"
                + "    <bandwidth>\n"
                + "      <inbound average='500'/>\n"
                + "      <outbound average='500'/>\n"
                + "    </bandwidth>\n"
                + "  </portgroup>\n"
                + "  <portgroup name='pgT2'>\n"
                + "  </portgroup>\n"
                + "</network>\n";
        Network n = c.defineNetwork(xml);
        assertEquals("vSwitchT", n.name());
        assertEquals(io.jvirt.esx.vi.Md5Uuids.of("key-vim.host.VirtualSwitch-vSwitchT"), n.uuid());
        String expected = xml.replace("  <name>vSwitchT</name>\n", "  <name>vSwitchT</name>\n  <uuid>" + n.uuid() + "</uuid>\n");
        assertEquals(expected, n.xmlDesc());
        fails(ErrorCode.INTERNAL_ERROR, "HostVirtualSwitch already exists, editing existing ones is not supported yet",
                () -> c.defineNetwork(xml));
        n.undefine();
        fails(ErrorCode.NO_NETWORK, null, () -> c.lookupNetworkByName("vSwitchT"));
        fails(ErrorCode.NO_NETWORK, null, n::xmlDesc);
        fails(ErrorCode.NO_NETWORK, null, n::undefine);
    }

    @Test
    void definesAPlainSwitch() {
        Network n = c.defineNetwork("<network><name>vSwitchPlain</name></network>");
        assertEquals("<network>\n  <name>vSwitchPlain</name>\n  <uuid>" + n.uuid() + "</uuid>\n</network>\n", n.xmlDesc());
        n.undefine();
    }

    @Test
    void defineValidations() {
        long adds = c.requestCounts().getOrDefault("AddVirtualSwitch", 0L);
        fails(ErrorCode.CONFIG_UNSUPPORTED, "Cannot use predefined UUID",
                () -> c.defineNetwork("<network><name>x1</name><uuid>" + UUID.randomUUID() + "</uuid></network>"));
        fails(ErrorCode.CONFIG_UNSUPPORTED, "Unsupported forward mode 'nat'",
                () -> c.defineNetwork("<network><name>x1</name><forward/></network>"));
        fails(ErrorCode.CONFIG_UNSUPPORTED, "Unsupported forward mode 'route'",
                () -> c.defineNetwork("<network><name>x1</name><forward mode='route'/></network>"));
        fails(ErrorCode.XML_ERROR, null, () -> c.defineNetwork("<network><name>x1</name><forward mode='bogus'/></network>"));
        fails(ErrorCode.NETWORK_EXIST, "HostPortGroup with name 'VM Network' exists already",
                () -> c.defineNetwork("<network><name>x1</name><portgroup name='VM Network'/></network>"));
        fails(ErrorCode.NETWORK_EXIST, "HostPortGroup with name 'Management Network' exists already",
                () -> c.defineNetwork("<network><name>x1</name><portgroup name='Management Network'/></network>"));
        fails(ErrorCode.CONFIG_UNSUPPORTED, "Different inbound and outbound bandwidth is unsupported",
                () -> c.defineNetwork("<network><name>x1</name><bandwidth><inbound average='1'/></bandwidth></network>"));
        fails(ErrorCode.CONFIG_UNSUPPORTED, "Different inbound and outbound bandwidth is unsupported",
                () -> c.defineNetwork("<network><name>x1</name><bandwidth><inbound average='1'/><outbound average='1' peak='2'/>"
                        + "</bandwidth></network>"));
        fails(ErrorCode.CONFIG_UNSUPPORTED, "Different inbound and outbound bandwidth is unsupported",
                () -> c.defineNetwork("<network><name>x1</name><portgroup name='p'><bandwidth><outbound average='1'/></bandwidth>"
                        + "</portgroup></network>"));
        fails(ErrorCode.INTERNAL_ERROR, "Could not find PhysicalNic with name 'vmnic9'",
                () -> c.defineNetwork("<network><name>x1</name><forward mode='bridge'><interface dev='vmnic9'/></forward></network>"));
        fails(ErrorCode.NO_SUPPORT, "unsupported device type in network x1 interface pool",
                () -> c.defineNetwork("<network><name>x1</name><forward mode='bridge'><address type='pci' domain='0' bus='1'"
                        + " slot='0' function='0'/></forward></network>"));
        fails(ErrorCode.XML_ERROR, null, () -> c.defineNetwork("<network><uuid/></network>"));
        fails(ErrorCode.XML_ERROR, null, () -> c.defineNetwork("<net/>"));
        assertEquals(adds, c.requestCounts().getOrDefault("AddVirtualSwitch", 0L), "nothing was added");
    }

    @Test
    void failedPortGroupRemovesTheNewSwitchAgain() {
        esx.simulator().faults().soapFault("AddPortGroup", new io.jvirt.vim25.HostConfigFault(), "no more port groups", 1);
        HypervisorException e = assertThrows(HypervisorException.class, () -> c.defineNetwork(
                "<network><name>vSwitchRb</name><portgroup name='pgRb'/></network>"));
        assertTrue(e.getMessage().contains("no more port groups"), e.getMessage());
        fails(ErrorCode.NO_NETWORK, null, () -> c.lookupNetworkByName("vSwitchRb"));
        fails(ErrorCode.XML_ERROR, null, () -> c.defineNetwork(
                "<network><name>vSwitchRb</name><portgroup name='ok'/><portgroup name=''/></network>"));
    }

    @Test
    void undefineRefusesHostPorts() {
        fails(ErrorCode.OPERATION_INVALID, "Cannot undefine HostVirtualSwitch that has a 'host' port",
                () -> c.lookupNetworkByName("vSwitch0").undefine());
        assertEquals("vSwitch0", c.lookupNetworkByName("vSwitch0").name());
    }

    @Test
    void oneRequestPerListingLookupAndXml() {
        long before = c.requestCount();
        c.listAllNetworks();
        Network n = c.lookupNetworkByName("vSwitch0");
        n.xmlDesc();
        c.listAllInterfaces();
        c.lookupInterfaceByName("vmnic0").xmlDesc(false);
        assertEquals(before + 6, c.requestCount(), c.requestCounts().toString());
    }

    @Test
    void defineAndUndefineThroughAVcenter() {
        try (SimulatedConnection vpx = SimulatedConnection.start(SimulatorModel.VPX)) {
            EsxConnection v = vpx.connection();
            Network n = v.defineNetwork("<network><name>vSwitchVc</name><forward mode='bridge'><interface dev='vmnic1'/>"
                    + "</forward><portgroup name='pgVc'/></network>");
            assertTrue(n.xmlDesc().contains("<interface dev='vmnic1'/>"), n.xmlDesc());
            assertTrue(n.xmlDesc().contains("<portgroup name='pgVc'>"), n.xmlDesc());
            n.undefine();
            fails(ErrorCode.NO_NETWORK, null, () -> v.lookupNetworkByUuid(n.uuid()));
        }
    }
}
