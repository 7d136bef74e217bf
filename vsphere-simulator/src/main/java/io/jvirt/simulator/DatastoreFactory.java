package io.jvirt.simulator;

import io.jvirt.vim25.ArrayOfDatastoreHostMount;
import io.jvirt.vim25.DatastoreHostMount;
import io.jvirt.vim25.DatastoreInfo;
import io.jvirt.vim25.DatastoreSummary;
import io.jvirt.vim25.HostMountInfo;
import io.jvirt.vim25.HostNasVolume;
import io.jvirt.vim25.HostVmfsVolume;
import io.jvirt.vim25.ManagedEntityStatus;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.HostPMemVolume;
import io.jvirt.vim25.HostVvolVolume;
import io.jvirt.vim25.NasDatastoreInfo;
import io.jvirt.vim25.PMemDatastoreInfo;
import io.jvirt.vim25.VsanDatastoreInfo;
import io.jvirt.vim25.VvolDatastoreInfo;
import io.jvirt.vim25.VmfsDatastoreInfo;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Creates Datastore objects (VMFS, NFS, vSAN, vVol, PMem, ...) with in-memory files, a browser and host mounts. */
final class DatastoreFactory {

    static final long CAPACITY = 500L * 1024 * 1024 * 1024;

    /**
     * The kinds of datastore the simulator offers. VSAN, VVOL and PMEM are shaped like vCenter 8
     * shows them ({@code summary.type} vsan, VVOL, PMEM; their own DatastoreInfo subtypes);
     * FUTURE is a kind no vSphere release has: its {@code info} is of type
     * {@code FutureDatastoreInfo} (sent as raw XML), its {@code summary.type} {@code futureFS}.
     */
    enum Kind { VMFS, NFS, VSAN, VVOL, PMEM, FUTURE }

    private final Inventory inventory;
    private final IdStyle ids;

    DatastoreFactory(Inventory inventory, IdStyle ids) {
        this.inventory = inventory;
        this.ids = ids;
    }

    ManagedObject create(String name, Kind kind, ManagedObject datacenter) {
        String uuid = UUID.nameUUIDFromBytes(("datastore-" + name).getBytes(StandardCharsets.UTF_8)).toString();
        String volumeId = uuid.substring(0, 8) + "-" + uuid.substring(9, 13) + uuid.substring(14, 18) + "-" + uuid.substring(19, 23)
                + "-" + uuid.substring(24);
        String hex = uuid.replace("-", "");
        String mountPath = switch (kind) {
            case VMFS -> "/vmfs/volumes/" + volumeId;
            case NFS -> "/vmfs/volumes/" + uuid.substring(0, 8) + "-" + uuid.substring(9, 17);
            case VSAN -> "/vmfs/volumes/vsan:" + hex.substring(0, 16) + "-" + hex.substring(16);
            case VVOL -> "/vmfs/volumes/vvol:" + hex.substring(0, 16) + "-" + hex.substring(16);
            case PMEM -> "/vmfs/volumes/pmem:" + uuid;
            case FUTURE -> "/vmfs/volumes/future:" + hex.substring(0, 8);
        };
        ManagedObject datastore = new ManagedObject("Datastore", ids.of("datastore", volumeId));
        DatastoreFiles files = new DatastoreFiles(CAPACITY);
        datastore.setInternal("files", files);
        datastore.set("name", name);
        datastore.set("parent", datacenter.get("datastoreFolder"));
        datastore.set("overallStatus", ManagedEntityStatus.GREEN);
        datastore.set("vm", Refs.emptyArray());
        datastore.set("host", new ArrayOfDatastoreHostMount());
        datastore.setInternal("mountPath", mountPath);
        String url = "ds://" + mountPath + "/";
        datastore.derive("summary", caller -> summary(datastore, name, url, kind, files));
        datastore.derive("info", caller -> info(name, url, kind, files, volumeId));
        ManagedObject browser = new ManagedObject("HostDatastoreBrowser", ids.of("datastoreBrowser", "datastoreBrowser-" + name));
        browser.set("datastore", Refs.array(java.util.List.of(datastore.ref())));
        datastore.set("browser", browser.ref());
        inventory.add(datastore);
        inventory.add(browser);
        Refs.add(datacenter, "datastore", datastore.ref());
        Refs.add(inventory.require((ManagedObjectReference) datacenter.get("datastoreFolder")), "childEntity", datastore.ref());
        return datastore;
    }

    /** Mounts the datastore on a host (both directions). */
    static void mount(ManagedObject datastore, ManagedObject host) {
        DatastoreHostMount mount = new DatastoreHostMount();
        mount.setKey(host.ref());
        HostMountInfo info = new HostMountInfo();
        info.setPath((String) datastore.internal("mountPath"));
        info.setAccessMode("readWrite");
        info.setMounted(true);
        info.setAccessible(true);
        mount.setMountInfo(info);
        datastore.require("host", ArrayOfDatastoreHostMount.class).getDatastoreHostMount().add(mount);
        Refs.add(host, "datastore", datastore.ref());
    }

    private static DatastoreSummary summary(ManagedObject datastore, String name, String url, Kind kind, DatastoreFiles files) {
        DatastoreSummary summary = new DatastoreSummary();
        summary.setDatastore(datastore.ref());
        summary.setName(name);
        summary.setUrl(url);
        summary.setCapacity(files.capacity());
        summary.setFreeSpace(files.capacity() - files.used());
        summary.setUncommitted(0L);
        summary.setAccessible(true);
        summary.setMultipleHostAccess(kind == Kind.NFS || kind == Kind.VSAN || kind == Kind.VVOL);
        summary.setType(switch (kind) {
            case VMFS -> "VMFS";
            case NFS -> "NFS";
            case VSAN -> "vsan";
            case VVOL -> "VVOL";
            case PMEM -> "PMEM";
            case FUTURE -> "futureFS";
        });
        summary.setMaintenanceMode("normal");
        return summary;
    }

    private static Object info(String name, String url, Kind kind, DatastoreFiles files, String volumeId) {
        DatastoreInfo info;
        if (kind == Kind.FUTURE) {
            return FutureValues.datastoreInfo(name, url, files.capacity() - files.used());
        } else if (kind == Kind.VSAN) {
            VsanDatastoreInfo vsan = new VsanDatastoreInfo();
            vsan.setMembershipUuid(volumeId);
            vsan.setAccessGenNo(1);
            vsan.setContainerId(url.substring("ds:///vmfs/volumes/".length(), url.length() - 1));
            info = vsan;
        } else if (kind == Kind.VVOL) {
            VvolDatastoreInfo vvol = new VvolDatastoreInfo();
            HostVvolVolume volume = new HostVvolVolume();
            volume.setType("VVOL");
            volume.setName(name);
            volume.setCapacity(files.capacity());
            volume.setScId(url.substring("ds:///vmfs/volumes/".length(), url.length() - 1));
            vvol.setVvolDS(volume);
            info = vvol;
        } else if (kind == Kind.PMEM) {
            PMemDatastoreInfo pmem = new PMemDatastoreInfo();
            HostPMemVolume volume = new HostPMemVolume();
            volume.setType("PMEM");
            volume.setName(name);
            volume.setCapacity(files.capacity());
            volume.setUuid(url.substring("ds:///vmfs/volumes/".length(), url.length() - 1));
            volume.setVersion("1.0");
            pmem.setPmem(volume);
            info = pmem;
        } else if (kind == Kind.VMFS) {
            VmfsDatastoreInfo vmfs = new VmfsDatastoreInfo();
            HostVmfsVolume volume = new HostVmfsVolume();
            volume.setType("VMFS");
            volume.setName(name);
            volume.setCapacity(files.capacity());
            volume.setBlockSizeMb(1);
            volume.setMaxBlocks(63_963_136);
            volume.setMajorVersion(6);
            volume.setVersion("6.82");
            volume.setUuid(volumeId);
            volume.setVmfsUpgradable(false);
            volume.setSsd(false);
            volume.setLocal(true);
            vmfs.setVmfs(volume);
            vmfs.setMaxPhysicalRDMFileSize(68_169_720_922_112L);
            vmfs.setMaxVirtualRDMFileSize(68_169_720_922_112L);
            info = vmfs;
        } else {
            NasDatastoreInfo nas = new NasDatastoreInfo();
            HostNasVolume volume = new HostNasVolume();
            volume.setType("NFS");
            volume.setName(name);
            volume.setCapacity(files.capacity());
            volume.setRemoteHost("nas.example.test");
            volume.setRemotePath("/export/" + name);
            volume.getRemoteHostNames().add("nas.example.test");
            nas.setNas(volume);
            info = nas;
        }
        info.setName(name);
        info.setUrl(url);
        info.setFreeSpace(files.capacity() - files.used());
        info.setMaxFileSize(68_169_720_922_112L);
        info.setMaxVirtualDiskCapacity(68_169_720_922_112L);
        info.setTimestamp(Xml.dateTime(java.time.Instant.now()));
        return info;
    }
}
