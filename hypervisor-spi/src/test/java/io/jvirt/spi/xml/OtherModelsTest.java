package io.jvirt.spi.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Network, storage pool/volume, host interface, snapshot and capabilities: parse, format, errors. */
class OtherModelsTest {

    private static void assertXmlError(Executable e, String text) {
        HypervisorException ex = assertThrows(HypervisorException.class, e);
        assertEquals(ErrorCode.XML_ERROR, ex.code());
        assertTrue(ex.getMessage().contains(text), ex.getMessage());
    }

    @Test
    void network() {
        String xml = """
                <network>
                  <name>vSwitch0</name>
                  <uuid>c1d2e3f4-0000-1111-2222-333344445555</uuid>
                  <forward dev='vmnic0' mode='bridge'>
                    <interface dev='vmnic0'/>
                    <interface dev='vmnic1'/>
                  </forward>
                  <bandwidth>
                    <inbound average='1000' peak='5000' burst='1024'/>
                    <outbound average='128'/>
                  </bandwidth>
                  <portgroup name='VM Network' default='yes'>
                  </portgroup>
                  <portgroup name='Storage'>
                    <bandwidth>
                      <outbound average='10' peak='20' burst='30'/>
                    </bandwidth>
                  </portgroup>
                </network>
                """;
        NetworkDef n = NetworkDef.parse(xml);
        assertEquals(List.of("vmnic0", "vmnic1"), n.forwardInterfaces());
        assertEquals(1000L, n.bandwidth().inbound().average());
        assertEquals(2, n.portgroups().size());
        assertEquals(xml, n.format());
        assertXmlError(() -> NetworkDef.parse("<network><name>x</name><forward mode='tunnel'/></network>"),
                "invalid value 'tunnel' of attribute 'mode' of element 'forward'");
        assertXmlError(() -> NetworkDef.parse("<network><name>x</name><bandwidth><inbound average='-1'/>"
                + "</bandwidth></network>"), "invalid value '-1' of attribute 'average'");
    }

    /**
     * libvirt's rules and layout (virNetworkDefParseXML, virNetworkDefFormat), which the ESX
     * driver's network XML follows: a forward without mode is nat, dev= names the first pool
     * device, a PCI pool, one inbound/outbound, a rate without average or floor is not written.
     */
    @Test
    void networkFollowsLibvirtsRulesAndLayout() {
        NetworkDef forwardOnly = NetworkDef.parse("<network><name>n</name><forward dev='eth1'>"
                + "<interface dev='eth0'/><interface dev='eth1'/></forward></network>");
        assertEquals("nat", forwardOnly.forwardMode());
        assertEquals(List.of("eth1", "eth0"), forwardOnly.forwardInterfaces());
        assertEquals("""
                <network>
                  <name>n</name>
                  <forward dev='eth1' mode='nat'>
                    <interface dev='eth1'/>
                    <interface dev='eth0'/>
                  </forward>
                </network>
                """, forwardOnly.format());
        NetworkDef pci = NetworkDef.parse("<network><name>p</name><forward mode='hostdev'>"
                + "<address type='pci' domain='0x0000' bus='0x03' slot='0x00' function='0x1'/></forward></network>");
        assertEquals(List.of("0x0000:0x03:0x00.0x1"), pci.forwardAddresses());
        assertEquals(List.of(), pci.forwardInterfaces());
        NetworkDef rates = NetworkDef.parse("<network><name>r</name><bandwidth><inbound average='0' peak='5'/>"
                + "<outbound floor='7' burst='0'/></bandwidth><portgroup name='g'><bandwidth><inbound peak='1'/>"
                + "</bandwidth></portgroup></network>");
        assertEquals(new NetworkDef.Rate(null, null, 7L, 0L), rates.bandwidth().outbound());
        assertEquals("""
                <network>
                  <name>r</name>
                  <bandwidth>
                    <outbound floor='7'/>
                  </bandwidth>
                  <portgroup name='g'>
                  </portgroup>
                </network>
                """, rates.format());
        assertXmlError(() -> NetworkDef.parse("<network><name>x</name><bandwidth><outbound average='1'/>"
                + "<outbound average='2'/></bandwidth></network>"),
                "only one child <inbound> and <outbound> element allowed in bandwidth of network 'x'");
    }

    @Test
    void storagePoolAndVolume() {
        String pool = """
                <pool type='netfs'>
                  <name>nfs-iso</name>
                  <uuid>5b1c3a9e-2f46-4d7e-9c1a-0123456789ab</uuid>
                  <capacity unit='bytes'>107374182400</capacity>
                  <allocation unit='bytes'>53687091200</allocation>
                  <available unit='bytes'>53687091200</available>
                  <source>
                    <host name='nas.example.com'/>
                    <dir path='/export/iso'/>
                    <format type='nfs'/>
                  </source>
                  <target>
                    <path>/vmfs/volumes/5b1c3a9e-2f46</path>
                  </target>
                </pool>
                """;
        StoragePoolDef p = StoragePoolDef.parse(pool);
        assertEquals(107374182400L, p.capacityBytes());
        assertEquals(pool, p.format());
        String vol = """
                <volume>
                  <name>vm/disk.vmdk</name>
                  <key>6000c29a-1234-5678-9abc-def012345678</key>
                  <capacity unit='bytes'>1025</capacity>
                  <allocation unit='bytes'>0</allocation>
                  <target>
                    <path>[ds] vm/disk.vmdk</path>
                    <format type='vmdk'/>
                  </target>
                </volume>
                """;
        StorageVolumeDef v = StorageVolumeDef.parse(vol);
        assertEquals(1025, v.capacityBytes());
        assertEquals(vol, v.format());
        assertEquals(2L * 1024 * 1024 * 1024, StorageVolumeDef.parse(
                "<volume><name>a</name><capacity unit='G'>2</capacity></volume>").capacityBytes());
        assertXmlError(() -> StorageVolumeDef.parse("<volume><name>a</name></volume>"), "missing element 'capacity'");
        assertXmlError(() -> StoragePoolDef.parse("<pool type='ceph'><name>a</name></pool>"),
                "invalid value 'ceph' of attribute 'type' of element 'pool'");
    }

    @Test
    void hostInterface() {
        String xml = """
                <interface type='ethernet' name='vmnic0'>
                  <start mode='onboot'/>
                  <mac address='00:50:56:01:02:03'/>
                  <protocol family='ipv4'>
                    <dhcp/>
                    <ip address='192.168.0.5' prefix='24'/>
                  </protocol>
                </interface>
                """;
        HostInterfaceDef i = HostInterfaceDef.parse(xml);
        assertEquals("192.168.0.5", i.ipv4().addresses().get(0).address());
        assertEquals(xml, i.format());
        assertXmlError(() -> HostInterfaceDef.parse("<interface type='ethernet' name='a'><protocol family='ipv4'>"
                + "<ip address='1.2.3.4' prefix='33'/></protocol></interface>"), "invalid value '33'");
    }

    @Test
    void snapshot() {
        String xml = """
                <domainsnapshot>
                  <name>before-upgrade</name>
                  <description>pre &amp; post</description>
                  <state>running</state>
                  <parent>
                    <name>base</name>
                  </parent>
                  <creationTime>1270730711</creationTime>
                  <domain>
                    <uuid>564d9bef-acd9-b4e0-c8f0-aea8b9103515</uuid>
                  </domain>
                </domainsnapshot>
                """;
        DomainSnapshotDef s = DomainSnapshotDef.parse(xml);
        assertEquals(UUID.fromString("564d9bef-acd9-b4e0-c8f0-aea8b9103515"), s.domainUuid());
        assertEquals(xml, s.format());
        assertXmlError(() -> DomainSnapshotDef.parse("<domainsnapshot><state>asleep</state></domainsnapshot>"),
                "invalid value 'asleep' of element 'state'");
    }

    @Test
    void capabilities() {
        CapabilitiesDef c = new CapabilitiesDef(null, "i686", List.of("vpxmigr"), List.of(
                new CapabilitiesDef.Guest("hvm", "i686", 32, List.of("vmware")),
                new CapabilitiesDef.Guest("hvm", "x86_64", 64, List.of("vmware"))));
        CapabilitiesDef again = CapabilitiesDef.parse(c.format());
        assertEquals(c, again);
        assertTrue(again.offers("hvm", "x86_64", "vmware"));
        assertEquals(false, again.offers("hvm", "aarch64", "vmware"));
        assertXmlError(() -> CapabilitiesDef.parse("<capabilities/>"), "missing element 'host'");
    }
}
