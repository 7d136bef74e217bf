package io.jvirt.esx.storage;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.StoragePool;
import io.jvirt.spi.StorageVolume;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.List;

import static io.jvirt.esx.storage.VmfsStorageTest.md5;
import static io.jvirt.esx.storage.VmfsStorageTest.vmfsMountPath;
import static io.jvirt.esx.testing.Failures.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Storage through a vCenter ({@code vpx://.../DC0/DC0_H0}): no QueryVirtualDiskUuid, disks keyed by path. */
class VcenterStorageTest {
    private static SimulatedConnection vpx;
    private static EsxConnection c;

    @BeforeAll
    static void start() {
        vpx = SimulatedConnection.start(SimulatorModel.VPX);
        c = vpx.connection();
    }

    @AfterAll
    static void stop() {
        vpx.close();
    }

    @Test
    void poolsOfTheHost() throws Exception {
        assertEquals(List.of("LocalDS_0", "nfs-iso", "iqn.2026-01.test.jvirt:storage.target0"),
                c.listAllStoragePools().stream().map(StoragePool::name).toList());
        assertEquals(md5(vmfsMountPath("LocalDS_0")), c.lookupStoragePoolByName("LocalDS_0").uuid());
    }

    @Test
    void disksAreKeyedByPath() {
        StoragePool pool = c.lookupStoragePoolByName("LocalDS_0");
        StorageVolume v = pool.lookupVolumeByName("DC0_H0_VM0/DC0_H0_VM0.vmdk");
        assertEquals("[LocalDS_0] DC0_H0_VM0/DC0_H0_VM0.vmdk", v.key());
        StorageVolume created = pool.createVolume("<volume><name>vc/new.vmdk</name><capacity>1049601</capacity>"
                + "<allocation>0</allocation><target><format type='vmdk'/></target></volume>", ProgressListener.NONE);
        assertEquals("[LocalDS_0] vc/new.vmdk", created.key());
        assertEquals(1026L * 1024, created.info().capacity(), "capacity rounded up to whole KiB");
        assertEquals(0L, c.requestCounts().getOrDefault("QueryVirtualDiskUuid", 0L));
        assertEquals(v.path(), c.lookupStorageVolumeByKey(v.key()).path());
        fails(ErrorCode.NO_STORAGE_VOL, null, () -> c.lookupStorageVolumeByKey("01234567-89ab-cdef-0123-456789abcdef"));
    }

    @Test
    void downloadThroughTheVcenterUsesItsDatacenterPath() {
        vpx.simulator().putDatastoreFile("LocalDS_0", "vc/file.iso", new byte[] {4, 5, 6});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        c.lookupStorageVolumeByPath("[LocalDS_0] vc/file.iso").download(out, 1, -1, ProgressListener.NONE);
        assertEquals(List.of((byte) 5, (byte) 6), List.of(out.toByteArray()[0], out.toByteArray()[1]));
        assertEquals(2, out.size());
        assertTrue(c.lookupStoragePoolByName("nfs-iso").xmlDesc().contains("<format type='nfs'/>"));
    }
}
