package io.jvirt.esx.recorded;

import io.jvirt.esx.iface.InterfaceDriver;
import io.jvirt.esx.network.NetworkDriver;
import io.jvirt.esx.storage.StorageDriver;
import io.jvirt.esx.vi.ProductLine;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.fixtures.replay.MoRef;
import io.jvirt.fixtures.replay.Recording;
import io.jvirt.spi.HostInterface;
import io.jvirt.spi.Network;
import io.jvirt.spi.StoragePool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The driver's storage, network and interface code over answers <b>constructed</b> from VMware's
 * vim25 definitions for shapes no public recording covers (SOURCES.md): a vCenter 8.0U3 with vSAN,
 * vVol, PMem, NFS 4.1 and VMFS datastores and a distributed switch next to a standard one.
 * Expected values are read out of the answer files and put through libvirt's rules (and the
 * README-esx rule for the datastore kinds libvirt refuses).
 */
class ConstructedVcenter8ShapesTest {
    private static final MoRef HOST = new MoRef("HostSystem", "host-12");
    private static ReplayedSession replayed;
    private static Recording rec;
    private static VimSession session;
    private static StorageDriver storage;
    private static NetworkDriver networks;
    private static InterfaceDriver interfaces;

    @BeforeAll
    static void open() throws Exception {
        replayed = ReplayedSession.open("constructed-vcenter80u3", "administrator@vsphere.local", "DC8/Cluster8");
        rec = replayed.rec();
        session = replayed.session();
        storage = new StorageDriver(null, session, replayed.scope());
        networks = new NetworkDriver(null, session, replayed.scope());
        interfaces = new InterfaceDriver(null, session, replayed.scope());
    }

    @AfterAll
    static void close() {
        if (replayed != null) {
            replayed.close();
        }
    }

    @Test
    void theSessionIsAVcenter8() {
        assertEquals(ProductLine.VPX, session.productLine());
        assertEquals("8.0.3.0", rec.about("apiVersion").orElseThrow());
    }

    @Test
    void poolListShowsEveryKindOfDatastore() {
        List<String> expected = rec.objectsOfType("Datastore").stream().map(d -> rec.text(d, "summary.name").orElseThrow())
                .sorted().toList();
        assertEquals(5, expected.size());
        assertEquals(expected, storage.listAll().stream().map(StoragePool::name).sorted().toList());
    }

    @Test
    void eachPoolHasItsKindsXmlAndTheSummarySizes() {
        for (MoRef ds : rec.objectsOfType("Datastore")) {
            String name = rec.text(ds, "summary.name").orElseThrow();
            String type = rec.text(ds, "summary.type").orElseThrow();
            long capacity = Long.parseLong(rec.text(ds, "summary.capacity").orElseThrow());
            long free = Long.parseLong(rec.text(ds, "summary.freeSpace").orElseThrow());
            String path = RecordedFacts.all(rec.properties(ds).get("host"), "DatastoreHostMount/mountInfo/path").get(0).getTextContent();
            StoragePool pool = storage.lookupByName(name);
            assertEquals(new StoragePool.Info(StoragePool.State.RUNNING, capacity, capacity - free, free), pool.info(), name);
            assertEquals(RecordedFacts.md5Uuid(path), pool.uuid(), name);
            String xml = pool.xmlDesc();
            assertTrue(xml.contains("<path>" + path + "</path>"), xml);
            assertTrue(xml.contains("<capacity unit='bytes'>" + capacity + "</capacity>"), xml);
            switch (type) {
                case "VMFS" -> {
                    assertTrue(xml.startsWith("<pool type='fs'>"), xml);
                    assertTrue(xml.contains("<format type='vmfs'/>"), xml);
                }
                case "NFS41" -> {
                    assertTrue(xml.startsWith("<pool type='netfs'>"), xml);
                    assertTrue(xml.contains("<host name='" + rec.text(ds, "info.nas.remoteHost").orElseThrow() + "'/>"), xml);
                    assertTrue(xml.contains("<dir path='" + rec.text(ds, "info.nas.remotePath").orElseThrow() + "'/>"), xml);
                    assertTrue(xml.contains("<format type='nfs'/>"), xml);
                }
                default -> {
                    // vsan, VVOL, PMEM: libvirt refuses them; README-esx maps them to dir pools
                    assertTrue(List.of("vsan", "VVOL", "PMEM").contains(type), type);
                    assertTrue(xml.startsWith("<pool type='dir'>"), xml);
                    // as libvirt formats a dir pool: an empty <source> element
                    assertTrue(xml.contains("<source>\n  </source>"), xml);
                }
            }
        }
    }

    @Test
    void netListShowsTheStandardSwitchOnlyBesideADistributedOne() {
        assertEquals(List.of("vSwitch0"), networks.listAll().stream().map(Network::name).toList());
        Network n = networks.lookupByName("vSwitch0");
        String key = RecordedFacts.all(rec.properties(HOST).get("config.network"), "vswitch/key").get(0).getTextContent();
        assertEquals(RecordedFacts.md5Uuid(key), n.uuid());
        String xml = n.xmlDesc();
        assertTrue(xml.contains("<interface dev='vmnic0'/>"), xml);
        assertTrue(xml.contains("<portgroup name='VM Network'"), xml);
        assertFalse(xml.contains("Management Network"), "VMkernel-only port group: no Network object: " + xml);
        assertFalse(xml.contains("vmnic1") || xml.contains("DPortGroup"), "the distributed switch's: " + xml);
    }

    /**
     * libvirt's ESX driver knows networks only as HostVirtualSwitches (esx-spec, network driver):
     * the distributed switch, its port groups and the port group a VM is on are no networks, by
     * name or by the UUID libvirt would derive from the switch's key.
     */
    @Test
    void aDistributedSwitchAndItsPortGroupsAreNoNetworks() {
        for (String name : List.of("DSwitch", "DPortGroup", "DSwitch-DVUplinks-28")) {
            io.jvirt.spi.error.HypervisorException e = org.junit.jupiter.api.Assertions.assertThrows(
                    io.jvirt.spi.error.HypervisorException.class, () -> networks.lookupByName(name));
            assertEquals(io.jvirt.spi.error.ErrorCode.NO_NETWORK, e.code());
            assertEquals("Could not find HostVirtualSwitch with name '" + name + "'", e.getMessage());
        }
        String dvsKey = RecordedFacts.all(rec.properties(HOST).get("config.network"), "proxySwitch/key").get(0).getTextContent();
        java.util.UUID uuid = RecordedFacts.md5Uuid(dvsKey);
        io.jvirt.spi.error.HypervisorException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.jvirt.spi.error.HypervisorException.class, () -> networks.lookupByUuid(uuid));
        assertEquals(io.jvirt.spi.error.ErrorCode.NO_NETWORK, e.code());
    }

    @Test
    void ifaceListShowsEveryPhysicalNicWhateverSwitchItServes() {
        Map<String, String> expected = new TreeMap<>();
        RecordedFacts.all(rec.properties(HOST).get("config.network"), "pnic")
                .forEach(p -> expected.put(RecordedFacts.childText(p, "device"), RecordedFacts.childText(p, "mac")));
        Map<String, String> actual = new TreeMap<>();
        for (HostInterface i : interfaces.listAll()) {
            actual.put(i.name(), i.mac());
        }
        assertEquals(expected, actual);
    }
}
