package io.jvirt.esx.storage;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.StoragePool;
import io.jvirt.spi.StorageVolume;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.UUID;

import static io.jvirt.esx.testing.Failures.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Datastores as pools against the simulator's ESX model (esx-spec 2.11, 2.11.1). */
class VmfsStorageTest {
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

    /** The simulator's mount path for a VMFS datastore (its DatastoreFactory rule). */
    static String vmfsMountPath(String name) {
        String u = UUID.nameUUIDFromBytes(("datastore-" + name).getBytes(StandardCharsets.UTF_8)).toString();
        return "/vmfs/volumes/" + u.substring(0, 8) + "-" + u.substring(9, 13) + u.substring(14, 18) + "-"
                + u.substring(19, 23) + "-" + u.substring(24);
    }

    static UUID md5(String s) throws Exception {
        byte[] d = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (d[i] & 0xff);
            lo = (lo << 8) | (d[i + 8] & 0xff);
        }
        return new UUID(hi, lo);
    }

    @Test
    void listsDatastoresThenIscsiTargetsInOneRequestEach() {
        long before = c.requestCounts().getOrDefault("RetrievePropertiesEx", 0L);
        List<String> names = c.listAllStoragePools().stream().map(StoragePool::name).toList();
        assertEquals(List.of("LocalDS_0", "nfs-iso", "iqn.2026-01.test.jvirt:storage.target0"), names);
        assertEquals(before + 2, c.requestCounts().get("RetrievePropertiesEx"));
    }

    @Test
    void poolUuidIsMd5OfTheHostMountPath() throws Exception {
        StoragePool pool = c.lookupStoragePoolByName("LocalDS_0");
        assertEquals(md5(vmfsMountPath("LocalDS_0")), pool.uuid());
        assertEquals("LocalDS_0", c.lookupStoragePoolByUuid(pool.uuid()).name());
        assertTrue(pool.isActive());
        assertTrue(pool.isPersistent());
    }

    @Test
    void unknownPools() {
        fails(ErrorCode.NO_STORAGE_POOL, "Could not find storage pool with name 'nope'", () -> c.lookupStoragePoolByName("nope"));
        UUID u = UUID.fromString("00000000-0000-0000-0000-000000000001");
        fails(ErrorCode.NO_STORAGE_POOL, "Could not find storage pool with uuid '" + u + "'", () -> c.lookupStoragePoolByUuid(u));
        fails(ErrorCode.INVALID_ARG, null, () -> c.lookupStoragePoolByName(""));
    }

    @Test
    void infoOfAVmfsDatastore() {
        StoragePool.Info info = c.lookupStoragePoolByName("LocalDS_0").info();
        assertEquals(StoragePool.State.RUNNING, info.state());
        assertEquals(500L * 1024 * 1024 * 1024, info.capacity());
        assertEquals(info.capacity() - info.available(), info.allocation());
        assertTrue(info.allocation() > 0, "the VM disk uses space");
    }

    @Test
    void xmlOfAVmfsDatastore() throws Exception {
        StoragePool pool = c.lookupStoragePoolByName("LocalDS_0");
        StoragePool.Info info = pool.info();
        assertEquals("<pool type='fs'>\n"
                + "  <name>LocalDS_0</name>\n"
                + "  <uuid>" + md5(vmfsMountPath("LocalDS_0")) + "</uuid>\n"
                + "  <capacity unit='bytes'>" + info.capacity() + "</capacity>\n"
                + "  <allocation unit='bytes'>" + info.allocation() + "</allocation>\n"
                + "  <available unit='bytes'>" + info.available() + "</available>\n"
                + "  <source>\n"
                + "    <format type='vmfs'/>\n"
                + "  </source>\n"
                + "  <target>\n"
                + "    <path>" + vmfsMountPath("LocalDS_0") + "</path>\n"
                + "  </target>\n"
                + "</pool>\n", pool.xmlDesc());
    }

    @Test
    void xmlOfAnNfsDatastore() {
        String xml = c.lookupStoragePoolByName("nfs-iso").xmlDesc();
        assertTrue(xml.startsWith("<pool type='netfs'>\n  <name>nfs-iso</name>\n"), xml);
        assertTrue(xml.contains("  <source>\n    <host name='nas.example.test'/>\n    <dir path='/export/nfs-iso'/>\n"
                + "    <format type='nfs'/>\n  </source>\n"), xml);
    }

    @Test
    void autostartCannotBeDisabled() {
        StoragePool pool = c.lookupStoragePoolByName("LocalDS_0");
        assertTrue(pool.autostart());
        pool.setAutostart(true);
        fails(ErrorCode.INTERNAL_ERROR, "Cannot deactivate storage pool autostart", () -> pool.setAutostart(false));
    }

    @Test
    void refreshCallsRefreshDatastore() {
        StoragePool pool = c.lookupStoragePoolByName("LocalDS_0");
        long before = c.requestCounts().getOrDefault("RefreshDatastore", 0L);
        pool.refresh();
        assertEquals(before + 1, c.requestCounts().get("RefreshDatastore"));
    }

    @Test
    void listsIsoFloppyAndDiskVolumes() {
        List<String> iso = c.lookupStoragePoolByName("nfs-iso").listAllVolumes().stream().map(StorageVolume::name).sorted().toList();
        assertEquals(List.of("boot.flp", "ubuntu-22.04-server.iso"), iso);
        List<String> local = c.lookupStoragePoolByName("LocalDS_0").listAllVolumes().stream().map(StorageVolume::name).toList();
        assertTrue(local.contains("ha-host_VM0/ha-host_VM0.vmdk"), local.toString());
        assertTrue(local.stream().noneMatch(n -> n.endsWith("-flat.vmdk") || n.endsWith(".vmx")), local.toString());
    }

    @Test
    void isoVolume() {
        StorageVolume v = c.lookupStoragePoolByName("nfs-iso").lookupVolumeByName("ubuntu-22.04-server.iso");
        assertEquals("[nfs-iso] ubuntu-22.04-server.iso", v.key());
        assertEquals("[nfs-iso] ubuntu-22.04-server.iso", v.path());
        assertEquals(new StorageVolume.Info(StorageVolume.Type.FILE, 1_474_873_344L, 1_474_873_344L), v.info());
        assertEquals("<volume type='file'>\n"
                + "  <name>ubuntu-22.04-server.iso</name>\n"
                + "  <key>[nfs-iso] ubuntu-22.04-server.iso</key>\n"
                + "  <source>\n"
                + "  </source>\n"
                + "  <capacity unit='bytes'>1474873344</capacity>\n"
                + "  <allocation unit='bytes'>1474873344</allocation>\n"
                + "  <target>\n"
                + "    <path>[nfs-iso] ubuntu-22.04-server.iso</path>\n"
                + "    <format type='iso'/>\n"
                + "  </target>\n"
                + "</volume>\n", v.xmlDesc());
        assertTrue(c.lookupStoragePoolByName("nfs-iso").lookupVolumeByName("boot.flp").xmlDesc().contains("<format type='raw'/>"));
    }

    @Test
    void diskVolumeIsKeyedByItsUuidOnEsx() {
        StorageVolume v = c.lookupStoragePoolByName("LocalDS_0").lookupVolumeByName("ha-host_VM0/ha-host_VM0.vmdk");
        UUID key = UUID.fromString(v.key());
        assertEquals(key.toString(), v.key(), "canonical lower-case form");
        assertEquals(StorageVolume.Type.FILE, v.info().type());
        assertEquals(16L * 1024 * 1024, v.info().capacity());
        String xml = v.xmlDesc();
        assertTrue(xml.contains("<key>" + key + "</key>") && xml.contains("<format type='vmdk'/>")
                && xml.contains("<path>[LocalDS_0] ha-host_VM0/ha-host_VM0.vmdk</path>"), xml);
        assertEquals(v.path(), c.lookupStorageVolumeByKey(key.toString()).path());
        assertEquals(v.key(), c.lookupStorageVolumeByPath("[LocalDS_0] ha-host_VM0/ha-host_VM0.vmdk").key());
        assertEquals(v.path(), c.lookupStorageVolumeByKey("[LocalDS_0] ha-host_VM0/ha-host_VM0.vmdk").path());
    }

    @Test
    void listedVolumesComputeTheirKeyOnlyWhenAsked() {
        StoragePool pool = c.lookupStoragePoolByName("LocalDS_0");
        long before = c.requestCounts().getOrDefault("QueryVirtualDiskUuid", 0L);
        List<StorageVolume> volumes = pool.listAllVolumes();
        assertEquals(before, c.requestCounts().getOrDefault("QueryVirtualDiskUuid", 0L));
        StorageVolume disk = volumes.stream().filter(v -> v.name().equals("ha-host_VM0/ha-host_VM0.vmdk")).findFirst().orElseThrow();
        assertEquals(pool.lookupVolumeByName(disk.name()).key(), disk.key());
    }

    @Test
    void unknownVolumes() {
        StoragePool pool = c.lookupStoragePoolByName("LocalDS_0");
        fails(ErrorCode.NO_STORAGE_VOL, "No storage volume with key or path '[LocalDS_0] nope/x.vmdk'",
                () -> pool.lookupVolumeByName("nope/x.vmdk"));
        fails(ErrorCode.NO_STORAGE_VOL, "No storage volume with key or path '[LocalDS_0] x.vmdk'",
                () -> pool.lookupVolumeByName("x.vmdk"));
        fails(ErrorCode.INVALID_ARG, "Unexpected volume path format: x.vmdk", () -> c.lookupStorageVolumeByPath("x.vmdk"));
        fails(ErrorCode.NO_STORAGE_VOL, null, () -> c.lookupStorageVolumeByPath("[nope] x.vmdk"));
        String key = "01234567-89ab-cdef-0123-456789abcdef";
        fails(ErrorCode.NO_STORAGE_VOL, "Could not find storage volume with key '" + key + "'", () -> c.lookupStorageVolumeByKey(key));
        fails(ErrorCode.NO_STORAGE_VOL, "Could not find storage volume with key 'junk'", () -> c.lookupStorageVolumeByKey("junk"));
        fails(ErrorCode.INTERNAL_ERROR, "Datastore path '[LocalDS_0] dir/' doesn't reference a file",
                () -> pool.lookupVolumeByName("dir/"));
    }

    private static String volumeXml(String name, String capacity, String allocation, String format) {
        return "<volume type='file'><name>" + name + "</name><capacity unit='M'>" + capacity + "</capacity>"
                + (allocation == null ? "" : "<allocation unit='M'>" + allocation + "</allocation>")
                + (format == null ? "" : "<target><format type='" + format + "'/></target>") + "</volume>";
    }

    @Test
    void createsThinAndPreallocatedDisks() {
        StoragePool pool = c.lookupStoragePoolByName("LocalDS_0");
        long mkdirs = c.requestCounts().getOrDefault("MakeDirectory", 0L);
        StorageVolume thin = pool.createVolume(volumeXml("created/thin.vmdk", "10", "0", "vmdk"), ProgressListener.NONE);
        assertEquals("created/thin.vmdk", thin.name());
        assertEquals("[LocalDS_0] created/thin.vmdk", thin.path());
        UUID.fromString(thin.key());
        String descriptor = new String(esx.simulator().datastoreFile("LocalDS_0", "created/thin.vmdk").orElseThrow(),
                StandardCharsets.UTF_8);
        assertTrue(descriptor.contains("ddb.thinProvisioned = \"1\""), descriptor);
        assertTrue(descriptor.contains("RW 20480 "), descriptor);
        assertEquals(10L * 1024 * 1024, thin.info().capacity());

        StorageVolume thick = pool.createVolume(volumeXml("created/thick.vmdk", "4", null, "vmdk"), ProgressListener.NONE);
        String thickDescriptor = new String(esx.simulator().datastoreFile("LocalDS_0", "created/thick.vmdk").orElseThrow(),
                StandardCharsets.UTF_8);
        assertFalse(thickDescriptor.contains("thinProvisioned"), thickDescriptor);
        assertEquals(thick.key(), pool.lookupVolumeByName("created/thick.vmdk").key());
        assertEquals(mkdirs + 1, c.requestCounts().get("MakeDirectory"), "the directory is made once");

        HypervisorException e = fails(ErrorCode.INTERNAL_ERROR, null, () -> pool.createVolume(
                volumeXml("created/thin.vmdk", "1", "0", "vmdk"), ProgressListener.NONE));
        assertTrue(e.getMessage().startsWith("Could not create volume: FileAlreadyExists"), e.getMessage());
    }

    @Test
    void creationReportsTaskProgress() {
        StoragePool pool = c.lookupStoragePoolByName("LocalDS_0");
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        pool.createVolume(volumeXml("progress/disk.vmdk", "1", "0", "vmdk"), (op, p) -> events.add(op + ":" + p));
        assertEquals("CreateVirtualDisk_Task:100", events.get(events.size() - 1), events.toString());
    }

    @Test
    void createdNamesAreEscapedAndNestedDirectoriesFlattened() {
        StoragePool pool = c.lookupStoragePoolByName("LocalDS_0");
        StorageVolume v = pool.createVolume(volumeXml("a/b/disk one#.vmdk", "1", "0", "vmdk"), ProgressListener.NONE);
        assertEquals("a+JQ-2fb/disk one+Iw-.vmdk", v.name());
        assertTrue(esx.simulator().datastoreFile("LocalDS_0", "a+JQ-2fb/disk one+Iw-.vmdk").isPresent());
        assertEquals(v.path(), pool.lookupVolumeByName(v.name()).path());
    }

    @Test
    void creationValidations() {
        StoragePool pool = c.lookupStoragePoolByName("LocalDS_0");
        long before = c.requestCounts().getOrDefault("CreateVirtualDisk_Task", 0L);
        fails(ErrorCode.NO_SUPPORT, "Creating non-file volumes is not supported", () -> pool.createVolume(
                "<volume type='block'><name>d/x.vmdk</name><capacity>1024</capacity></volume>", ProgressListener.NONE));
        for (String bad : List.of("disk.vmdk", "/dir/disk.vmdk", "dir/")) {
            fails(ErrorCode.INTERNAL_ERROR, "Volume name '" + bad + "' doesn't have expected format '<directory>/<file>'",
                    () -> pool.createVolume(volumeXml(bad, "1", "0", "vmdk"), ProgressListener.NONE));
        }
        fails(ErrorCode.NO_SUPPORT, "Volume name 'dir/disk.img' has unsupported suffix, expecting '.vmdk'",
                () -> pool.createVolume(volumeXml("dir/disk.img", "1", "0", "vmdk"), ProgressListener.NONE));
        fails(ErrorCode.NO_SUPPORT, "Creation of raw volumes is not supported",
                () -> pool.createVolume(volumeXml("dir/disk.VMDK", "1", "0", null), ProgressListener.NONE));
        fails(ErrorCode.NO_SUPPORT, "Creation of qcow2 volumes is not supported",
                () -> pool.createVolume(volumeXml("dir/disk.vmdk", "1", "0", "qcow2"), ProgressListener.NONE));
        HypervisorException e = fails(ErrorCode.INTERNAL_ERROR, null,
                () -> pool.createVolume(volumeXml("dir/disk.vmdk", "10", "5", "vmdk"), ProgressListener.NONE));
        assertTrue(e.getMessage().startsWith("Unsupported capacity-to-allocation relation"), e.getMessage());
        fails(ErrorCode.XML_ERROR, null, () -> pool.createVolume("<volume><name>d/x.vmdk</name></volume>", ProgressListener.NONE));
        fails(ErrorCode.XML_ERROR, null, () -> pool.createVolume("not xml", ProgressListener.NONE));
        assertEquals(before, c.requestCounts().getOrDefault("CreateVirtualDisk_Task", 0L), "nothing was created");
        assertTrue(esx.simulator().datastoreFile("LocalDS_0", "dir").isEmpty(), "no directory was made");
    }

    @Test
    void copyDeleteAndWipe() {
        StoragePool pool = c.lookupStoragePoolByName("LocalDS_0");
        StorageVolume source = pool.createVolume(volumeXml("copy/source.vmdk", "2", "0", "vmdk"), ProgressListener.NONE);
        StorageVolume copy = pool.createVolumeFrom(volumeXml("copied/target.vmdk", "2", "0", "vmdk"), source, ProgressListener.NONE);
        assertEquals("[LocalDS_0] copied/target.vmdk", copy.path());
        assertEquals(2L * 1024 * 1024, copy.info().capacity());
        int wipes = esx.simulator().zeroFillCount();
        copy.wipe();
        assertEquals(wipes + 1, esx.simulator().zeroFillCount());
        copy.delete();
        assertTrue(esx.simulator().datastoreFile("LocalDS_0", "copied/target.vmdk").isEmpty());
        HypervisorException e = fails(ErrorCode.INTERNAL_ERROR, null, copy::delete);
        assertTrue(e.getMessage().startsWith("Could not delete volume: FileNotFound"), e.getMessage());
        e = fails(ErrorCode.INTERNAL_ERROR, null, copy::wipe);
        assertTrue(e.getMessage().startsWith("Could not wipe volume: FileNotFound"), e.getMessage());
        fails(ErrorCode.NO_SUPPORT, null, () -> pool.createVolumeFrom(volumeXml("x/y.vmdk", "1", "0", "vmdk"),
                c.lookupStoragePoolByName("iqn.2026-01.test.jvirt:storage.target0").listAllVolumes().get(0), ProgressListener.NONE));
    }

    @Test
    void concurrentCreationsAndListingsOnOneConnection() throws Exception {
        StoragePool pool = c.lookupStoragePoolByName("LocalDS_0");
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int n = i;
                results.add(threads.submit(() -> n % 2 == 0
                        ? pool.createVolume(volumeXml("par/disk" + n + ".vmdk", "1", "0", "vmdk"), ProgressListener.NONE).key()
                        : String.valueOf(c.listAllStoragePools().size())));
            }
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (int i = 0; i < results.size(); i++) {
                String r = results.get(i).get(60, java.util.concurrent.TimeUnit.SECONDS);
                if (i % 2 == 0) {
                    keys.add(r);
                } else {
                    assertEquals("3", r);
                }
            }
            assertEquals(3, keys.size(), "each disk has its own UUID");
            for (int n = 0; n < 6; n += 2) {
                assertTrue(esx.simulator().datastoreFile("LocalDS_0", "par/disk" + n + ".vmdk").isPresent());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
