package io.jvirt.esx.iface;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.HostInterface;
import io.jvirt.spi.error.HypervisorException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Physical NICs as host interfaces (esx-spec 2.13) on the simulator's ESX and vCenter models. */
class InterfaceDriverTest {
    private static SimulatedConnection esx;
    private static SimulatedConnection vpx;

    @BeforeAll
    static void start() {
        esx = SimulatedConnection.start(SimulatorModel.ESX);
        vpx = SimulatedConnection.start(SimulatorModel.VPX);
    }

    @AfterAll
    static void stop() {
        esx.close();
        vpx.close();
    }

    @Test
    void listsPhysicalNics() {
        for (EsxConnection c : List.of(esx.connection(), vpx.connection())) {
            List<HostInterface> all = c.listAllInterfaces();
            assertEquals(List.of("vmnic0", "vmnic1"), all.stream().map(HostInterface::name).toList());
            assertEquals(List.of("00:50:56:01:00:00", "00:50:56:01:00:01"), all.stream().map(HostInterface::mac).toList());
            assertTrue(all.get(0).isActive());
        }
    }

    @Test
    void looksUpByDeviceNameNotByMac() {
        EsxConnection c = esx.connection();
        assertEquals("00:50:56:01:00:01", c.lookupInterfaceByName("vmnic1").mac());
        HypervisorException e = assertThrows(HypervisorException.class, () -> c.lookupInterfaceByName("00:50:56:01:00:01"));
        assertEquals(ErrorCode.NO_INTERFACE, e.code());
        assertEquals("Could not find physical NIC with name '00:50:56:01:00:01'", e.getMessage());
    }

    @Test
    void looksUpByMacIgnoringCase() {
        EsxConnection c = esx.connection();
        assertEquals("vmnic0", c.lookupInterfaceByMac("00:50:56:01:00:00").name());
        assertEquals("vmnic0", c.lookupInterfaceByMac("00:50:56:01:00:00".toUpperCase()).name());
        HypervisorException e = assertThrows(HypervisorException.class, () -> c.lookupInterfaceByMac("00:00:00:00:00:00"));
        assertEquals(ErrorCode.NO_INTERFACE, e.code());
        assertEquals("Could not find physical NIC with MAC address '00:00:00:00:00:00'", e.getMessage());
        assertEquals(ErrorCode.INVALID_ARG, assertThrows(HypervisorException.class, () -> c.lookupInterfaceByMac("")).code());
    }

    @Test
    void xmlWithStaticAddressAndWithDhcp() {
        EsxConnection c = esx.connection();
        String vmnic0 = "<interface type='ethernet' name='vmnic0'>\n"
                + "  <start mode='onboot'/>\n"
                + "  <mac address='00:50:56:01:00:00'/>\n"
                + "  <protocol family='ipv4'>\n"
                + "    <ip address='127.0.0.1' prefix='24'/>\n"
                + "  </protocol>\n"
                + "</interface>\n";
        assertEquals(vmnic0, c.lookupInterfaceByName("vmnic0").xmlDesc(false));
        assertEquals(vmnic0, c.lookupInterfaceByName("vmnic0").xmlDesc(true));
        assertEquals("<interface type='ethernet' name='vmnic1'>\n"
                + "  <start mode='onboot'/>\n"
                + "  <mac address='00:50:56:01:00:01'/>\n"
                + "  <protocol family='ipv4'>\n"
                + "    <dhcp/>\n"
                + "  </protocol>\n"
                + "</interface>\n", c.lookupInterfaceByName("vmnic1").xmlDesc(false));
    }
}
