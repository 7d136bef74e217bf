package io.jvirt.esx.iface;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vim25.HostIpConfig;
import io.jvirt.vim25.PhysicalNic;
import io.jvirt.vim25.PhysicalNicSpec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InterfacePureTest {

    @Test
    void prefixFromSubnetMask() {
        assertEquals(24, SubnetMasks.prefix("255.255.255.0"));
        assertEquals(0, SubnetMasks.prefix("0.0.0.0"));
        assertEquals(32, SubnetMasks.prefix("255.255.255.255"));
        assertEquals(17, SubnetMasks.prefix("255.255.128.0"));
        assertEquals(1, SubnetMasks.prefix("128.0.0.0"));
        for (String bad : new String[] {"255.0.255.0", "255.255.255", "255.255.255.256", "a.b.c.d", "", "255.255.255.0.0",
                "0.0.0.1", "255..255.0", null}) {
            HypervisorException e = assertThrows(HypervisorException.class, () -> SubnetMasks.prefix(bad), String.valueOf(bad));
            assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        }
    }

    private static PhysicalNic nic(boolean dhcp, String ip, String mask) {
        PhysicalNic nic = new PhysicalNic();
        nic.setDevice("vmnic3");
        nic.setMac("00:50:56:AA:00:03");
        PhysicalNicSpec spec = new PhysicalNicSpec();
        HostIpConfig c = new HostIpConfig();
        c.setDhcp(dhcp);
        c.setIpAddress(ip);
        c.setSubnetMask(mask);
        spec.setIp(c);
        nic.setSpec(spec);
        return nic;
    }

    @Test
    void dhcpWithAnAddressShowsTheAddressOnlyWhenLive() {
        PhysicalNic n = nic(true, "192.0.2.7", "255.255.0.0");
        String head = "<interface type='ethernet' name='vmnic3'>\n  <start mode='onboot'/>\n  <mac address='00:50:56:AA:00:03'/>\n"
                + "  <protocol family='ipv4'>\n    <dhcp/>\n";
        assertEquals(head + "    <ip address='192.0.2.7' prefix='16'/>\n  </protocol>\n</interface>\n", InterfaceXml.format(n, false));
        assertEquals(head + "  </protocol>\n</interface>\n", InterfaceXml.format(n, true));
    }

    @Test
    void noProtocolWithoutDhcpOrAddress() {
        assertEquals("<interface type='ethernet' name='vmnic3'>\n  <start mode='onboot'/>\n  <mac address='00:50:56:AA:00:03'/>\n"
                + "</interface>\n", InterfaceXml.format(nic(false, "", "255.255.255.0"), false));
        PhysicalNic noSpec = new PhysicalNic();
        noSpec.setDevice("vmnic9");
        assertEquals("<interface type='ethernet' name='vmnic9'>\n  <start mode='onboot'/>\n</interface>\n",
                InterfaceXml.format(noSpec, false));
    }
}
