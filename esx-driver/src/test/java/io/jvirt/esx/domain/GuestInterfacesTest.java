package io.jvirt.esx.domain;

import io.jvirt.spi.DomainInterface;
import io.jvirt.vim25.GuestNicInfo;
import io.jvirt.vim25.NetIpConfigInfo;
import io.jvirt.vim25.NetIpConfigInfoIpAddress;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GuestInterfacesTest {

    private static GuestNicInfo nic(String network, boolean connected, String mac) {
        GuestNicInfo n = new GuestNicInfo();
        n.setNetwork(network);
        n.setConnected(connected);
        n.setMacAddress(mac);
        return n;
    }

    @Test
    void configuredAddressesWinOverTheLegacyList() {
        GuestNicInfo a = nic("VM Network", true, "00:50:56:aa:bb:cc");
        NetIpConfigInfo cfg = new NetIpConfigInfo();
        for (String[] ip : new String[][] {{"192.168.1.10", "24"}, {"fe80::250:56ff:feaa:bbcc", "64"}, {"garbage", "8"}}) {
            NetIpConfigInfoIpAddress x = new NetIpConfigInfoIpAddress();
            x.setIpAddress(ip[0]);
            x.setPrefixLength(Integer.parseInt(ip[1]));
            cfg.getIpAddress().add(x);
        }
        a.setIpConfig(cfg);
        a.getIpAddress().add("10.0.0.1");
        GuestNicInfo legacy = nic("Backup", true, null);
        legacy.getIpAddress().addAll(List.of("10.1.1.1", "999.1.1.1"));
        List<DomainInterface> out = GuestInterfaces.of(List.of(a, legacy, nic("Down", false, "x"), nic(null, true, "y")));
        assertEquals(2, out.size());
        assertEquals(new DomainInterface("VM Network", "00:50:56:aa:bb:cc", List.of(
                new DomainInterface.IpAddress(DomainInterface.IpAddress.Type.IPV4, "192.168.1.10", 24),
                new DomainInterface.IpAddress(DomainInterface.IpAddress.Type.IPV6, "fe80::250:56ff:feaa:bbcc", 64))), out.get(0));
        assertEquals(new DomainInterface("Backup", null, List.of(
                new DomainInterface.IpAddress(DomainInterface.IpAddress.Type.IPV4, "10.1.1.1", 0))), out.get(1));
    }

    @Test
    void hostNamesAreNeverResolved() {
        assertEquals(Optional.empty(), GuestInterfaces.address("localhost", 0));
        assertEquals(Optional.empty(), GuestInterfaces.address("", 0));
    }
}
