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

import java.util.List;

import static io.jvirt.esx.storage.VmfsStorageTest.md5;
import static io.jvirt.esx.testing.Failures.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** iSCSI static targets as pools (esx-spec 2.11.2) against the simulator's software iSCSI HBA. */
class IscsiStorageTest {
    static final String IQN = "iqn.2026-01.test.jvirt:storage.target0";
    static final String NAA0 = "naa.6000c29" + String.format("%025x", 0xabcL);
    static final String LUN0 = "/vmfs/devices/disks/" + NAA0;
    static final String LUN0_UUID = "02000000006000c29" + String.format("%025x", 0xabcL).substring(0) + "566972747561";

    private static SimulatedConnection esx;
    private static EsxConnection c;

    @BeforeAll
    static void start() {
        esx = SimulatedConnection.start(SimulatorModel.ESX);
        c = esx.connection();
    }

    @AfterAll
    static void stop() {
        esx.close();
    }

    private static StoragePool pool() {
        return c.lookupStoragePoolByName(IQN);
    }

    @Test
    void poolNameIsTheTargetIqnAndUuidItsMd5() throws Exception {
        StoragePool p = pool();
        assertEquals(IQN, p.name());
        assertEquals(md5(IQN), p.uuid());
        assertEquals(IQN, c.lookupStoragePoolByUuid(md5(IQN)).name());
        assertEquals(new StoragePool.Info(StoragePool.State.RUNNING, 0, 0, 0), p.info());
        assertTrue(p.autostart());
        fails(ErrorCode.INTERNAL_ERROR, "Cannot deactivate storage pool autostart", () -> p.setAutostart(false));
    }

    @Test
    void poolXml() throws Exception {
        assertEquals("<pool type='iscsi'>\n"
                + "  <name>" + IQN + "</name>\n"
                + "  <uuid>" + md5(IQN) + "</uuid>\n"
                + "  <capacity unit='bytes'>0</capacity>\n"
                + "  <allocation unit='bytes'>0</allocation>\n"
                + "  <available unit='bytes'>0</available>\n"
                + "  <source>\n"
                + "    <host name='192.0.2.20' port='3260'/>\n"
                + "    <device path='" + IQN + "'/>\n"
                + "    <initiator>\n"
                + "      <iqn name='iqn.1998-01.com.vmware:localhost-4a1b2c3d'/>\n"
                + "    </initiator>\n"
                + "  </source>\n"
                + "</pool>\n", pool().xmlDesc());
    }

    @Test
    void refreshRescansTheAdapter() {
        int before = esx.simulator().hbaRescanCount();
        pool().refresh();
        assertEquals(before + 1, esx.simulator().hbaRescanCount());
    }

    @Test
    void lunsAreBlockVolumes() {
        List<StorageVolume> volumes = pool().listAllVolumes();
        assertEquals(2, volumes.size());
        StorageVolume v = volumes.get(0);
        assertEquals(LUN0, v.name());
        assertEquals(LUN0, v.path());
        assertEquals(new StorageVolume.Info(StorageVolume.Type.BLOCK, 20_971_520L * 512, 20_971_520L * 512), v.info());
        assertEquals("<volume type='block'>\n"
                + "  <name>" + LUN0 + "</name>\n"
                + "  <key>" + v.key() + "</key>\n"
                + "  <source>\n"
                + "  </source>\n"
                + "  <capacity unit='bytes'>10737418240</capacity>\n"
                + "  <allocation unit='bytes'>10737418240</allocation>\n"
                + "  <target>\n"
                + "    <path>" + LUN0 + "</path>\n"
                + "    <format type='raw'/>\n"
                + "  </target>\n"
                + "</volume>\n", v.xmlDesc());
        assertEquals(v, pool().lookupVolumeByName(LUN0));
        assertEquals(IQN, v.pool().name());
    }

    @Test
    void lunKeyIsMd5OfTheScsiUuid() throws Exception {
        StorageVolume v = pool().lookupVolumeByName(LUN0);
        assertEquals(md5("02000" + "00000" + NAA0.substring(4) + "566972747561").toString(), v.key());
        StorageVolume byKey = c.lookupStorageVolumeByKey(v.key());
        assertEquals(LUN0, byKey.name());
        assertEquals(IQN, byKey.pool().name());
        StorageVolume byPath = c.lookupStorageVolumeByPath(LUN0);
        assertEquals(LUN0, byPath.name());
        assertEquals(v.key(), byPath.key());
        assertEquals(v.key(), c.lookupStorageVolumeByKey(LUN0).key());
    }

    @Test
    void unknownLuns() {
        fails(ErrorCode.NO_STORAGE_VOL, "Could not find volume with name: /vmfs/devices/disks/nope",
                () -> pool().lookupVolumeByName("/vmfs/devices/disks/nope"));
        fails(ErrorCode.NO_STORAGE_VOL, null, () -> c.lookupStorageVolumeByPath("/vmfs/devices/disks/nope"));
        fails(ErrorCode.NO_STORAGE_VOL, "Could not find storage volume with key '/dev/nope'", () -> c.lookupStorageVolumeByKey("/dev/nope"));
    }

    @Test
    void noVolumeChanges() {
        StorageVolume v = pool().lookupVolumeByName(LUN0);
        fails(ErrorCode.NO_SUPPORT, "iSCSI storage pool does not support volume creation",
                () -> pool().createVolume("<volume><name>x</name><capacity>1</capacity></volume>", ProgressListener.NONE));
        fails(ErrorCode.NO_SUPPORT, "iSCSI storage pool does not support volume creation",
                () -> pool().createVolumeFrom("<volume/>", v, ProgressListener.NONE));
        fails(ErrorCode.NO_SUPPORT, "iSCSI storage pool does not support volume deletion", v::delete);
        fails(ErrorCode.NO_SUPPORT, "iSCSI storage pool does not support volume wiping", v::wipe);
        fails(ErrorCode.NO_SUPPORT, null, () -> v.download(java.io.OutputStream.nullOutputStream(), 0, -1, ProgressListener.NONE));
    }
}
