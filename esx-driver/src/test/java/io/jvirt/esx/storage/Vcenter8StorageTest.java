package io.jvirt.esx.storage;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.StoragePool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.jvirt.esx.storage.VmfsStorageTest.md5;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * pool-list against a vCenter 8 shape: VMFS, NFS, vSAN, vVol and PMem datastores on the host,
 * plus one datastore of a kind no vSphere release has (its {@code info} is a
 * {@code FutureDatastoreInfo}): every pool is listed and described; the odd one degrades to a
 * {@code dir} pool with a warning naming its type.
 */
class Vcenter8StorageTest {
    private static final List<String> WARNINGS = new ArrayList<>();
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord r) {
            synchronized (WARNINGS) {
                WARNINGS.add(r.getLoggerName() + ": " + r.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    /** Held strongly: JUL keeps loggers weakly, and a collected logger loses its handler. */
    private static final Logger JVIRT = Logger.getLogger("io.jvirt");
    private static SimulatedConnection vpx;
    private static EsxConnection c;

    @BeforeAll
    static void start() {
        JVIRT.addHandler(CAPTURE);
        vpx = SimulatedConnection.start(VsphereSimulator.builder().model(SimulatorModel.VPX).vms(1).vcenter8Storage(true));
        c = vpx.connection();
    }

    @AfterAll
    static void stop() {
        vpx.close();
        JVIRT.removeHandler(CAPTURE);
    }

    /** The mount path the simulator gives a vSAN/vVol datastore: {@code vsan:<16 hex>-<16 hex>}. */
    private static String objectStorePath(String prefix, String name) {
        String hex = UUID.nameUUIDFromBytes(("datastore-" + name).getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        return "/vmfs/volumes/" + prefix + ":" + hex.substring(0, 16) + "-" + hex.substring(16);
    }

    @Test
    void everyDatastoreOfTheHostIsAPool() {
        assertEquals(List.of("LocalDS_0", "nfs-iso", "vsanDatastore", "vvol-ds", "PMemDS-DC0_H0", "future-ds",
                        "iqn.2026-01.test.jvirt:storage.target0"),
                c.listAllStoragePools().stream().map(StoragePool::name).toList());
    }

    @Test
    void vsanAndVvolDatastoresAreDirPoolsOnTheirMountPath() throws Exception {
        for (String[] ds : new String[][] {{"vsanDatastore", "vsan"}, {"vvol-ds", "vvol"}}) {
            StoragePool pool = c.lookupStoragePoolByName(ds[0]);
            String path = objectStorePath(ds[1], ds[0]);
            assertEquals(md5(path), pool.uuid(), ds[0]);
            String xml = pool.xmlDesc();
            assertTrue(xml.startsWith("<pool type='dir'>"), xml);
            assertTrue(xml.contains("<path>" + path + "</path>"), xml);
            assertTrue(xml.contains("<capacity unit='bytes'>536870912000</capacity>"), xml);
            assertTrue(!xml.contains("<format"), xml);
            assertEquals(StoragePool.State.RUNNING, pool.info().state());
            assertEquals(pool.name(), c.lookupStoragePoolByUuid(pool.uuid()).name());
        }
    }

    @Test
    void aPmemDatastoreIsADirPool() throws Exception {
        StoragePool pool = c.lookupStoragePoolByName("PMemDS-DC0_H0");
        String uuid = UUID.nameUUIDFromBytes("datastore-PMemDS-DC0_H0".getBytes(StandardCharsets.UTF_8)).toString();
        assertEquals(md5("/vmfs/volumes/pmem:" + uuid), pool.uuid());
        assertTrue(pool.xmlDesc().startsWith("<pool type='dir'>"), pool.xmlDesc());
        assertTrue(pool.xmlDesc().contains("<path>/vmfs/volumes/pmem:" + uuid + "</path>"), pool.xmlDesc());
    }

    @Test
    void vmfsAndNfsPoolsKeepLibvirtsTypes() {
        assertTrue(c.lookupStoragePoolByName("LocalDS_0").xmlDesc().startsWith("<pool type='fs'>"));
        assertTrue(c.lookupStoragePoolByName("nfs-iso").xmlDesc().startsWith("<pool type='netfs'>"));
    }

    @Test
    void aDatastoreOfAnUnknownKindDegradesToADirPoolWithAWarningNamingItsType() {
        StoragePool pool = c.lookupStoragePoolByName("future-ds");
        String xml = pool.xmlDesc();
        assertTrue(xml.startsWith("<pool type='dir'>"), xml);
        assertTrue(xml.contains("<path>/vmfs/volumes/future:"), xml);
        assertEquals(StoragePool.State.RUNNING, pool.info().state());
        assertEquals(536870912000L, pool.info().capacity());
        synchronized (WARNINGS) {
            assertTrue(WARNINGS.stream().anyMatch(w -> w.contains("'FutureDatastoreInfo'")), WARNINGS.toString());
            assertTrue(WARNINGS.stream().anyMatch(w -> w.contains("future-ds") && w.contains("futureFS")), WARNINGS.toString());
        }
    }

    @Test
    void volumesOfAVsanPoolAreListed() {
        assertEquals(List.of(), c.lookupStoragePoolByName("vsanDatastore").listAllVolumes());
    }
}
