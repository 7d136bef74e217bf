package io.jvirt.esx.domain.devices;

import io.jvirt.spi.xml.InterfaceDef;
import io.jvirt.vim25.DistributedVirtualSwitchPortConnection;
import io.jvirt.vim25.VirtualDevice;
import io.jvirt.vim25.VirtualE1000E;
import io.jvirt.vim25.VirtualEthernetCard;
import io.jvirt.vim25.VirtualEthernetCardDistributedVirtualPortBackingInfo;
import io.jvirt.vim25.VirtualEthernetCardNetworkBackingInfo;
import io.jvirt.vim25.VirtualEthernetCardOpaqueNetworkBackingInfo;
import io.jvirt.vim25.VirtualVmxnet3;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The server's network cards as the interfaces libvirt's VMX reader makes of the same cards in the
 * {@code .vmx} (so domiflist, which reads the server's devices, agrees with dumpxml): a standard port
 * group is a bridge named after it, a distributed-switch port a {@code vds}, an NSX-T segment (an
 * opaque network; the {@code .vmx} has {@code ethernetN.opaqueNetwork.*} and no networkName) a
 * {@code null} interface with no source.
 */
class ServerDevicesNicsTest {

    private static List<InterfaceDef> interfaces(VirtualDevice... cards) {
        return new ServerDevices(List.of(cards), "poweredOn", false, false, false, 1, 1024).nics().stream()
                .map(ServerDevices.Nic::def).toList();
    }

    private static <T extends VirtualEthernetCard> T card(T card, int key, String mac) {
        card.setKey(key);
        card.setMacAddress(mac);
        return card;
    }

    @Test
    void everyBackingKindOfAVSphere7Vm() {
        VirtualE1000E standard = card(new VirtualE1000E(), 4000, "00:50:56:8e:51:01");
        VirtualEthernetCardNetworkBackingInfo net = new VirtualEthernetCardNetworkBackingInfo();
        net.setDeviceName("VM Network");
        standard.setBacking(net);

        VirtualVmxnet3 distributed = card(new VirtualVmxnet3(), 4001, "00:50:56:8e:50:01");
        VirtualEthernetCardDistributedVirtualPortBackingInfo dvs = new VirtualEthernetCardDistributedVirtualPortBackingInfo();
        DistributedVirtualSwitchPortConnection port = new DistributedVirtualSwitchPortConnection();
        port.setSwitchUuid("50 3c 4d 5e 6f 70 81 92-a3 b4 c5 d6 e7 f8 09 1a");
        port.setPortgroupKey("dvportgroup-32");
        port.setPortKey("3");
        dvs.setPort(port);
        distributed.setBacking(dvs);

        VirtualVmxnet3 nsx = card(new VirtualVmxnet3(), 4002, "00:50:56:8e:52:01");
        VirtualEthernetCardOpaqueNetworkBackingInfo opaque = new VirtualEthernetCardOpaqueNetworkBackingInfo();
        opaque.setOpaqueNetworkId("5b1c9e3a-6f2d-4c8b-9a7e-0d1f2e3c4b5a");
        opaque.setOpaqueNetworkType("nsx.LogicalSwitch");
        nsx.setBacking(opaque);

        List<InterfaceDef> defs = interfaces(standard, distributed, nsx);
        assertEquals(List.of("bridge", "vds", "null"), defs.stream().map(InterfaceDef::type).toList());
        assertEquals("VM Network", defs.get(0).sourceBridge());
        assertEquals("e1000e", defs.get(0).model());
        assertEquals("dvportgroup-32", defs.get(1).portgroupId());
        assertNull(defs.get(1).sourceBridge());
        InterfaceDef segment = defs.get(2);
        assertNull(segment.sourceBridge());
        assertEquals("vmxnet3", segment.model());
        assertEquals("00:50:56:8e:52:01", segment.mac().toString());
    }
}
