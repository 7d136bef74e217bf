package io.jvirt.esx.recorded;

import io.jvirt.esx.domain.DomainDriver;
import io.jvirt.esx.storage.StorageDriver;
import io.jvirt.esx.vi.ProductLine;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.fixtures.replay.MoRef;
import io.jvirt.fixtures.replay.Recording;
import io.jvirt.fixtures.replay.ReplayServer;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainInfo;
import io.jvirt.spi.DomainInterface;
import io.jvirt.spi.DomainListFlag;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.InterfaceAddressSource;
import io.jvirt.spi.StoragePool;
import io.jvirt.spi.auth.Authenticator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.jvirt.esx.recorded.RecordedFacts.all;
import static io.jvirt.esx.recorded.RecordedFacts.childText;
import static io.jvirt.esx.recorded.RecordedFacts.property;
import static io.jvirt.esx.recorded.RecordedFacts.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The driver's domain and storage code over the replayed answers of a real vCenter 6.7 (pyvmomi's
 * cassettes, see SOURCES.md): the VM "Proof Server" and its datastore. The recording holds no
 * {@code hardware} of its host, which a full {@code vpx://} connection needs for the capabilities
 * (libvirt fails the same way without {@code hardware.cpuFeature}); so these tests open the
 * session and read the inventory as the connection does, and run the connection's own domain and
 * storage drivers over it. Expected values are read out of the recording.
 */
class RecordedVcenterVmTest {
    private static final String RECORDING = "pyvmomi-vcenter67";
    private static final MoRef VM = new MoRef("VirtualMachine", "vm-127");
    private static final MoRef DATASTORE = new MoRef("Datastore", "datastore-15");
    private static final MoRef HOST = new MoRef("HostSystem", "host-14");
    private static ReplayedSession replayed;
    private static Recording rec;
    private static ReplayServer server;
    private static VimSession session;
    private static DomainDriver domains;
    private static StorageDriver storage;

    @BeforeAll
    static void open() throws Exception {
        // vpx path <datacenter>/<compute resource>, as the connection resolves it
        replayed = ReplayedSession.open(RECORDING, "my_user", "Marlboro/10.0.0.5");
        rec = replayed.rec();
        server = replayed.server();
        session = replayed.session();
        domains = replayed.domains();
        storage = replayed.storage();
    }

    @AfterAll
    static void close() {
        if (replayed != null) {
            replayed.close();
        }
    }

    @Test
    void theSessionIsAVcenterOfTheRecordedVersion() {
        assertEquals(ProductLine.VPX, session.productLine());
        assertEquals("VirtualCenter", rec.about("apiType").orElseThrow());
        assertTrue(rec.about("fullName").orElseThrow().startsWith("VMware vCenter Server 6.7.0"));
    }

    @Test
    void aFullConnectionNeedsTheHostHardwareTheRecordingLacks() {
        HypervisorException e = assertThrows(HypervisorException.class, () -> ConnectionFactory.open(
                "vpx://127.0.0.1:" + server.port() + "/Marlboro/10.0.0.5?transport=http",
                Authenticator.fixed("my_user", "unused".toCharArray()), Map.of()));
        assertTrue(e.getMessage().contains("hardware.cpuFeature"), e.getMessage());
    }

    @Test
    void listShowsTheRecordedVmWithItsNameUuidIdAndState() {
        List<Domain> all = domains.listAll(Set.of());
        assertEquals(1, all.size());
        Domain d = all.get(0);
        assertEquals(text(rec, VM, "name"), d.name());
        // libvirt parses config.uuid only when configStatus is green
        assertEquals("green", text(rec, VM, "configStatus"));
        assertEquals(UUID.fromString(text(rec, VM, "config.uuid")), d.uuid());
        // libvirt: the id of a running VM is the number in its managed object id
        assertEquals(Integer.parseInt(VM.value().substring("vm-".length())), d.id());
        assertEquals("poweredOn", text(rec, VM, "runtime.powerState"));
        assertEquals(DomainState.RUNNING, d.state());
        assertEquals(List.of(d.name()), domains.listAll(Set.of(DomainListFlag.ACTIVE)).stream().map(Domain::name).toList());
        assertTrue(domains.listAll(Set.of(DomainListFlag.INACTIVE)).isEmpty());
        assertEquals(d.uuid(), domains.lookupByName(d.name()).uuid());
        assertEquals(d.name(), domains.lookupByUuid(d.uuid()).name());
        assertEquals(d.name(), domains.lookupById(d.id()).name());
    }

    @Test
    void dominfoIsTheRecordedMemoryAndVcpus() {
        DomainInfo info = domains.lookupByName(text(rec, VM, "name")).info();
        long memoryKiB = Long.parseLong(text(rec, VM, "config.hardware.memoryMB")) * 1024;
        assertEquals("-1", text(rec, VM, "config.memoryAllocation.limit"), "no limit: memory = max memory");
        // CPU time: libvirt's ESX driver has none (it reports 0, which virsh does not print); the SPI says -1
        assertEquals(new DomainInfo(DomainState.RUNNING, memoryKiB, memoryKiB,
                Integer.parseInt(text(rec, VM, "config.hardware.numCPU")), -1), info);
    }

    @Test
    void domifaddrIsTheRecordedGuestNic() {
        Domain d = domains.lookupByName(text(rec, VM, "name"));
        Element guest = property(rec, VM, "guest");
        Element nic = all(guest, "net").get(0);
        Element ip = all(nic, "ipConfig/ipAddress").get(0);
        List<DomainInterface> ifaces = d.interfaceAddresses(InterfaceAddressSource.AGENT);
        assertEquals(1, ifaces.size());
        DomainInterface i = ifaces.get(0);
        assertEquals(childText(nic, "network"), i.name());
        assertEquals(childText(nic, "macAddress"), i.hwaddr());
        assertEquals(List.of(new DomainInterface.IpAddress(DomainInterface.IpAddress.Type.IPV4,
                childText(ip, "ipAddress"), Integer.parseInt(childText(ip, "prefixLength")))), i.addresses());
        // the same MAC is the recorded network adapter's
        assertTrue(all(property(rec, VM, "config"), "hardware/device").stream()
                .anyMatch(dev -> !all(dev, "macAddress").isEmpty() && childText(dev, "macAddress").equals(i.hwaddr())));
        assertEquals(text(rec, VM, "guest.hostName"), d.guestHostname());
    }

    @Test
    void poolListInfoAndDumpxmlAreTheRecordedDatastore() {
        String name = text(rec, DATASTORE, "summary.name");
        assertEquals(List.of(name), storage.listAll().stream().map(StoragePool::name).toList());
        StoragePool pool = storage.lookupByName(name);
        long capacity = Long.parseLong(text(rec, DATASTORE, "summary.capacity"));
        long free = Long.parseLong(text(rec, DATASTORE, "summary.freeSpace"));
        assertEquals("true", text(rec, DATASTORE, "summary.accessible"));
        assertEquals(new StoragePool.Info(StoragePool.State.RUNNING, capacity, capacity - free, free), pool.info());
        // libvirt: pool UUID = MD5 of this host's mount path of the datastore
        Element mount = all(property(rec, DATASTORE, "host"), "DatastoreHostMount").stream()
                .filter(m -> all(m, "key").get(0).getTextContent().equals(HOST.value())).findFirst().orElseThrow();
        String path = childText(all(mount, "mountInfo").get(0), "path");
        UUID uuid = RecordedFacts.md5Uuid(path);
        assertEquals(uuid, pool.uuid());
        assertEquals(name, storage.lookupByUuid(uuid).name());
        String xml = pool.xmlDesc();
        assertEquals("VmfsDatastoreInfo", rec.properties(DATASTORE).get("info")
                .getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type"));
        assertTrue(xml.startsWith("<pool type='fs'>"), xml);
        assertTrue(xml.contains("<format type='vmfs'/>"), xml);
        assertTrue(xml.contains("<name>" + name + "</name>"), xml);
        assertTrue(xml.contains("<uuid>" + uuid + "</uuid>"), xml);
        assertTrue(xml.contains("<capacity unit='bytes'>" + capacity + "</capacity>"), xml);
        assertTrue(xml.contains("<allocation unit='bytes'>" + (capacity - free) + "</allocation>"), xml);
        assertTrue(xml.contains("<available unit='bytes'>" + free + "</available>"), xml);
        assertTrue(xml.contains("<path>" + path + "</path>"), xml);
    }
}
