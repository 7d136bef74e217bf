package io.jvirt.testdriver;

import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainListFlag;
import io.jvirt.spi.DomainSnapshot;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.SnapshotFlag;
import io.jvirt.spi.StoragePool;
import io.jvirt.spi.StorageVolume;
import io.jvirt.spi.auth.Authenticator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestDriverTest {
    private Connection conn;

    @BeforeEach
    void open() {
        conn = ConnectionFactory.open("test:///default", Authenticator.none());
    }

    @AfterEach
    void close() {
        conn.close();
    }

    private static final String NEW_DOMAIN = """
            <domain type='test'>
              <name>new</name>
              <uuid>0a1b2c3d-0000-4000-8000-000000000001</uuid>
              <memory unit='GiB'>1</memory>
              <currentMemory unit='MiB'>512</currentMemory>
              <vcpu>2</vcpu>
              <os><type>hvm</type></os>
            </domain>
            """;

    @Test
    void defaultInventoryMatchesLibvirtsTestDriver() {
        List<Domain> all = conn.listAllDomains();
        assertEquals(1, all.size());
        Domain test = all.get(0);
        assertEquals("test", test.name());
        assertEquals("6695eb01-f6a4-8304-79aa-97f2502e193f", test.uuid().toString());
        assertEquals(1, test.id());
        assertEquals(DomainState.RUNNING, test.state());
        assertEquals(8_388_608, test.info().maxMemoryKiB());
        assertEquals("default-pool", conn.listAllStoragePools().get(0).name());
        assertEquals("virbr0", conn.lookupNetworkByName("default").bridgeName());
        assertEquals("aa:bb:cc:dd:ee:ff", conn.lookupInterfaceByName("eth1").mac());
    }

    @Test
    void eachConnectionHasItsOwnHost() {
        conn.lookupDomainByName("test").destroy();
        try (Connection other = ConnectionFactory.open("test:///default", Authenticator.none())) {
            assertEquals(DomainState.RUNNING, other.lookupDomainByName("test").currentState());
        }
    }

    @Test
    void defineParsesUnitsAndRedefineUpdates() {
        Domain d = conn.defineDomain(NEW_DOMAIN);
        assertEquals(1_048_576, d.info().maxMemoryKiB());
        assertEquals(524_288, d.info().memoryKiB());
        assertEquals(DomainState.SHUTOFF, d.state());
        conn.defineDomain(NEW_DOMAIN.replace("<vcpu>2", "<vcpu>3"));
        assertEquals(3, d.info().vcpus());
        HypervisorException dup = assertThrows(HypervisorException.class,
                () -> conn.defineDomain(NEW_DOMAIN.replace("0a1b2c3d", "0a1b2c3e")));
        assertEquals(ErrorCode.DOM_EXIST, dup.code());
    }

    @Test
    void badXmlNamesTheProblem() {
        assertEquals(ErrorCode.XML_ERROR, assertThrows(HypervisorException.class,
                () -> conn.defineDomain(NEW_DOMAIN.replace("<uuid>0a1b2c3d-0000-4000-8000-000000000001", "<uuid>nope"))).code());
        HypervisorException unit = assertThrows(HypervisorException.class,
                () -> conn.defineDomain(NEW_DOMAIN.replace("unit='GiB'", "unit='parsecs'")));
        assertTrue(unit.getMessage().contains("parsecs"), unit.getMessage());
        assertEquals(ErrorCode.XML_ERROR, assertThrows(HypervisorException.class, () -> conn.defineDomain("")).code());
        assertEquals(ErrorCode.XML_ERROR, assertThrows(HypervisorException.class,
                () -> conn.defineDomain("<network><name>x</name></network>")).code());
    }

    @Test
    void undefiningARunningDomainMakesItTransient() {
        Domain test = conn.lookupDomainByName("test");
        test.undefine();
        assertFalse(test.isPersistent());
        assertEquals(1, conn.listAllDomains(Set.of(DomainListFlag.TRANSIENT)).size());
        test.destroy();
        assertThrows(HypervisorException.class, () -> conn.lookupDomainByName("test"));
    }

    @Test
    void snapshotTreeAndRevert() {
        Domain test = conn.lookupDomainByName("test");
        DomainSnapshot a = test.createSnapshot("<domainsnapshot><name>a</name></domainsnapshot>", Set.of(), ProgressListener.NONE);
        test.setMemory(1024);
        test.createSnapshot("<domainsnapshot><name>b</name></domainsnapshot>", Set.of(), ProgressListener.NONE);
        test.createSnapshot("<domainsnapshot><name>c</name></domainsnapshot>", Set.of(), ProgressListener.NONE);
        assertEquals(List.of("a"), names(test.listSnapshots(Set.of(SnapshotFlag.ROOTS))));
        assertEquals(List.of("c"), names(test.listSnapshots(Set.of(SnapshotFlag.LEAVES))));
        assertEquals(List.of("b", "c"), names(a.listChildren(Set.of(SnapshotFlag.DESCENDANTS))));
        test.snapshotLookupByName("b").delete(Set.of(), ProgressListener.NONE);
        assertEquals("a", test.snapshotLookupByName("c").parent().name(), "children move up to the parent");
        a.revert(ProgressListener.NONE);
        assertEquals(2_097_152, test.info().memoryKiB(), "revert restores the configuration");
        assertTrue(a.isCurrent());
        HypervisorException root = assertThrows(HypervisorException.class, a::parent);
        assertEquals(ErrorCode.NO_DOMAIN_SNAPSHOT, root.code());
    }

    @Test
    void volumesKeepTheirBytes() {
        StoragePool pool = conn.lookupStoragePoolByName("default-pool");
        StorageVolume v = pool.createVolume("<volume><name>disk.img</name><capacity unit='KiB'>4</capacity></volume>",
                ProgressListener.NONE);
        List<Integer> seen = new ArrayList<>();
        v.upload(new ByteArrayInputStream(new byte[]{1, 2, 3}), 10, -1, (op, pct) -> seen.add(pct));
        assertEquals(List.of(100), seen);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        v.download(out, 9, 5, ProgressListener.NONE);
        assertArrayEquals(new byte[]{0, 1, 2, 3, 0}, out.toByteArray());
        assertEquals(v.key(), conn.lookupStorageVolumeByPath("/default-pool/disk.img").key());
        StorageVolume clone = pool.createVolumeFrom("<volume><name>copy.img</name><capacity>4096</capacity></volume>", v,
                ProgressListener.NONE);
        ByteArrayOutputStream copied = new ByteArrayOutputStream();
        clone.download(copied, 10, 3, ProgressListener.NONE);
        assertArrayEquals(new byte[]{1, 2, 3}, copied.toByteArray());
        assertThrows(HypervisorException.class,
                () -> v.upload(new ByteArrayInputStream(new byte[5000]), 0, -1, ProgressListener.NONE));
        v.delete();
        assertEquals(ErrorCode.NO_STORAGE_VOL, assertThrows(HypervisorException.class,
                () -> pool.lookupVolumeByName("disk.img")).code());
    }

    @Test
    void networksDefineAndUndefine() {
        conn.defineNetwork("<network><name>lab</name><bridge name='virbr9'/></network>");
        assertEquals("virbr9", conn.lookupNetworkByName("lab").bridgeName());
        assertEquals(ErrorCode.NETWORK_EXIST, assertThrows(HypervisorException.class,
                () -> conn.defineNetwork("<network><name>lab</name></network>")).code());
        conn.lookupNetworkByName("lab").undefine();
        assertEquals(ErrorCode.NO_NETWORK, assertThrows(HypervisorException.class,
                () -> conn.lookupNetworkByName("lab")).code());
    }

    @Test
    void closedConnectionRefusesCalls() {
        Domain test = conn.lookupDomainByName("test");
        conn.close();
        assertFalse(conn.isAlive());
        assertEquals(ErrorCode.CONNECTION_CLOSED, assertThrows(HypervisorException.class, test::info).code());
        assertEquals(ErrorCode.CONNECTION_CLOSED, assertThrows(HypervisorException.class, conn::listAllDomains).code());
    }

    @Test
    void authAcceptsOnlyTheTestUser() {
        try (Connection ok = ConnectionFactory.open("test:///default?auth=1", Authenticator.fixed("test", "test".toCharArray()))) {
            assertTrue(ok.isAlive());
        }
        HypervisorException none = assertThrows(HypervisorException.class,
                () -> ConnectionFactory.open("test:///default?auth=1", Authenticator.none()));
        assertEquals(ErrorCode.AUTH_FAILED, none.code());
    }

    @Test
    void theAuthFileNamedInOpensEnvIsConsultedFirst(@TempDir Path dir) throws Exception {
        Path right = dir.resolve("right.conf");
        Files.writeString(right, "[credentials-t]\nusername=test\npassword=test\n\n[auth-test-localhost]\ncredentials=t\n");
        Path wrong = dir.resolve("wrong.conf");
        Files.writeString(wrong, "[credentials-t]\nusername=test\npassword=nope\n\n[auth-test-default]\ncredentials=t\n");
        try (Connection c = ConnectionFactory.open("test:///default?auth=1", Authenticator.none(),
                Map.of("LIBVIRT_AUTH_FILE", right))) {
            assertTrue(c.isAlive());
        }
        // auth.conf comes before the caller's authenticator, as in libvirt: its wrong password is used
        HypervisorException e = assertThrows(HypervisorException.class, () -> ConnectionFactory.open(
                "test:///default?auth=1", Authenticator.fixed("test", "test".toCharArray()),
                Map.of("LIBVIRT_AUTH_FILE", wrong.toString())));
        assertEquals(ErrorCode.AUTH_FAILED, e.code());
        HypervisorException bad = assertThrows(HypervisorException.class, () -> ConnectionFactory.open(
                "test:///default?auth=1", Authenticator.none(), Map.of("LIBVIRT_AUTH_FILE", 42)));
        assertEquals(ErrorCode.INVALID_ARG, bad.code());
        assertEquals("option 'LIBVIRT_AUTH_FILE' must be a String or a Path, not Integer", bad.getMessage());
    }

    private static List<String> names(List<DomainSnapshot> snapshots) {
        return snapshots.stream().map(DomainSnapshot::name).toList();
    }
}
