package io.jvirt.esx.recorded;

import io.jvirt.esx.domain.DomainDriver;
import io.jvirt.esx.storage.StorageDriver;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.fixtures.replay.MoRef;
import io.jvirt.fixtures.replay.Recording;
import io.jvirt.fixtures.replay.ReplayServer;
import io.jvirt.spi.Domain;
import io.jvirt.spi.StoragePool;
import io.jvirt.spi.StorageVolume;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.util.List;

import static io.jvirt.esx.recorded.RecordedFacts.all;
import static io.jvirt.esx.recorded.RecordedFacts.childText;
import static io.jvirt.esx.recorded.RecordedFacts.property;
import static io.jvirt.esx.recorded.RecordedFacts.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code dumpxml} and {@code vol-list}/{@code vol-info}/{@code vol-dumpxml} over the vCenter 6.7
 * recording (pyvmomi's cassettes), with the files the recording cannot hold supplied as SOURCES.md
 * says: the {@code .vmx} of vm-127 is the real-world ESXi 7.0 file paired with it, and the datastore
 * browser's answers are constructed from the recorded layoutEx and disk of vm-127.
 */
class RecordedVcenterFilesTest {
    private static final String RECORDING = "pyvmomi-vcenter67";
    private static final MoRef VM = new MoRef("VirtualMachine", "vm-127");
    private static final MoRef DATASTORE = new MoRef("Datastore", "datastore-15");
    private static ReplayedSession replayed;
    private static Recording rec;
    private static ReplayServer server;
    private static VimSession session;
    private static DomainDriver domains;
    private static StorageDriver storage;

    @BeforeAll
    static void open() throws Exception {
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
    void theVmxIsServedAtTheRecordedVmPathName() {
        assertEquals("[datastore1] Proof Server/Proof Server.vmx", text(rec, VM, "config.files.vmPathName"));
        assertTrue(rec.datastoreFiles().containsKey(text(rec, VM, "config.files.vmPathName")));
    }

    /**
     * The paired file ({@code esxi7-hw17-win2019-efi.vmx}) as libvirt's ESX driver converts it for
     * this VM: the corpus's expected XML (derived by hand from libvirt's VMX rules) with what the
     * driver's context changes: the id of the running VM (127, from vm-127, as {@code list} shows
     * it); relative disk names under the VM's directory {@code [datastore1] Proof Server}; the ISO
     * on {@code /vmfs/volumes/624d796f-…}, which is no mount path of the host's datastore
     * ({@code /vmfs/volumes/5b7ee5c9-…}) and names no datastore, has no source (esx-spec 4.9.1
     * step 3, a CD-ROM image may be missing); and the VMware namespace with the datacenter path
     * and the managed object id (libvirt's {@code esxDomainGetXMLDesc} passes both).
     */
    @Test
    void dumpxmlIsThePairedVmxConvertedByLibvirtsRules() {
        Domain d = domains.lookupByName(text(rec, VM, "name"));
        assertEquals("""
                <domain type='vmware' id='127' xmlns:vmware='http://libvirt.org/schemas/domain/vmware/1.0'>
                  <name>win2019</name>
                  <uuid>564d6c27-96ea-1207-6f0b-b11d81469b0b</uuid>
                  <genid>f4de5b7c-2f0d-e9ad-b928-5d11b1233fd5</genid>
                  <memory unit='KiB'>4194304</memory>
                  <currentMemory unit='KiB'>4194304</currentMemory>
                  <vcpu placement='static'>2</vcpu>
                  <cputune>
                    <shares>2000</shares>
                  </cputune>
                  <os firmware='efi'>
                    <type arch='x86_64'>hvm</type>
                  </os>
                  <clock offset='utc'/>
                  <on_poweroff>destroy</on_poweroff>
                  <on_reboot>restart</on_reboot>
                  <on_crash>destroy</on_crash>
                  <devices>
                    <disk type='file' device='disk'>
                      <source file='[datastore1] Proof Server/win2019.vmdk'/>
                      <target dev='sda' bus='scsi'/>
                      <address type='drive' controller='0' bus='0' target='0' unit='0'/>
                    </disk>
                    <disk type='file' device='cdrom'>
                      <target dev='sda' bus='sata'/>
                      <readonly/>
                      <address type='drive' controller='0' bus='0' target='0' unit='0'/>
                    </disk>
                    <disk type='file' device='disk'>
                      <source file='[datastore1] Proof Server/win2019_1.vmdk'/>
                      <target dev='sdd' bus='sata'/>
                      <address type='drive' controller='0' bus='0' target='0' unit='3'/>
                    </disk>
                    <controller type='scsi' index='0' model='lsisas1068'/>
                    <controller type='sata' index='0'/>
                    <interface type='bridge'>
                      <mac address='00:0c:29:46:9b:0b' type='generated'/>
                      <source bridge='VM Network'/>
                      <model type='vmxnet3'/>
                    </interface>
                    <video>
                      <model type='vmvga' vram='4096' primary='yes'/>
                    </video>
                  </devices>
                  <vmware:datacenterpath>Marlboro</vmware:datacenterpath>
                  <vmware:moref>vm-127</vmware:moref>
                </domain>
                """, d.xmlDesc());
        assertEquals(1L, server.requestCounts().get("GET /folder"));
    }

    @Test
    void volListIsTheDiskOfTheRecordedLayout() {
        StoragePool pool = storage.lookupByName(text(rec, DATASTORE, "summary.name"));
        // expected from the recorded layoutEx: the disk's descriptor, in the VM's directory
        Element layoutEx = property(rec, VM, "layoutEx");
        String diskFileKey = all(layoutEx, "disk/chain/fileKey").get(0).getTextContent();
        String descriptor = all(layoutEx, "file").stream().filter(f -> childText(f, "key").equals(diskFileKey))
                .map(f -> childText(f, "name")).findFirst().orElseThrow();
        assertEquals("[datastore1] Proof Server/Proof Server.vmdk", descriptor);
        List<StorageVolume> volumes = pool.listAllVolumes();
        assertEquals(List.of("Proof Server/Proof Server.vmdk"), volumes.stream().map(StorageVolume::name).toList());
        StorageVolume v = volumes.get(0);
        assertEquals(descriptor, v.path());
        // vCenter: no QueryVirtualDiskUuid, the key is the datastore path (esx-spec volume key rule)
        assertEquals(descriptor, v.key());
    }

    @Test
    void volInfoAndDumpxmlAreTheRecordedDiskSizes() {
        StoragePool pool = storage.lookupByName(text(rec, DATASTORE, "summary.name"));
        StorageVolume v = pool.lookupVolumeByName("Proof Server/Proof Server.vmdk");
        // capacity: the recorded VirtualDisk capacityInKB; allocation: its chain's recorded sizes
        Element disk = all(property(rec, VM, "config"), "hardware/device").stream()
                .filter(dev -> !all(dev, "capacityInKB").isEmpty()).findFirst().orElseThrow();
        long capacity = Long.parseLong(childText(disk, "capacityInKB")) * 1024;
        long allocation = 0;
        for (Element f : all(property(rec, VM, "layoutEx"), "file")) {
            if (List.of("diskDescriptor", "diskExtent").contains(childText(f, "type"))) {
                allocation += Long.parseLong(childText(f, "size"));
            }
        }
        assertEquals(new StorageVolume.Info(StorageVolume.Type.FILE, capacity, allocation), v.info());
        assertEquals("""
                <volume type='file'>
                  <name>Proof Server/Proof Server.vmdk</name>
                  <key>[datastore1] Proof Server/Proof Server.vmdk</key>
                  <source>
                  </source>
                  <capacity unit='bytes'>21474836480</capacity>
                  <allocation unit='bytes'>21474836480</allocation>
                  <target>
                    <path>[datastore1] Proof Server/Proof Server.vmdk</path>
                    <format type='vmdk'/>
                  </target>
                </volume>
                """, v.xmlDesc());
        assertEquals(capacity, 21474836480L);
        assertEquals(allocation, 21474836480L);
    }
}
