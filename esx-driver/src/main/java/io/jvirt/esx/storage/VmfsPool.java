package io.jvirt.esx.storage;

import io.jvirt.esx.shared.AlwaysAutostarted;
import io.jvirt.esx.node.Uuids;
import io.jvirt.esx.vi.Tasks;
import io.jvirt.spi.Connection;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.StoragePool;
import io.jvirt.spi.StorageVolume;
import io.jvirt.vim25.FileBackedVirtualDiskSpec;
import io.jvirt.vim25.FileInfo;
import io.jvirt.vim25.HostDatastoreBrowserSearchResults;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.VmDiskFileInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A datastore as a storage pool; the handle keeps the datastore and its browser references. */
final class VmfsPool implements StoragePool {
    private final VmfsBackend backend;
    private final ManagedObjectReference datastore;
    private final String name;
    private final UUID uuid;
    private final ManagedObjectReference browser;

    VmfsPool(VmfsBackend backend, ManagedObjectReference datastore, String name, UUID uuid,
             ManagedObjectReference browser) {
        this.backend = backend;
        this.datastore = datastore;
        this.name = name;
        this.uuid = uuid;
        this.browser = browser;
    }

    StorageContext context() {
        return backend.context();
    }

    private StorageContext ctx() {
        return backend.context();
    }

    @Override
    public Connection connection() {
        return ctx().connection();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public UUID uuid() {
        return uuid;
    }

    private DatastoreFacts facts() {
        return backend.datastores().read(datastore).orElseThrow(() -> HypervisorException.of(
                ErrorCode.NO_STORAGE_POOL, ErrorDomain.ESX, "Could not find storage pool with name '%s'", name));
    }

    @Override
    public Info info() {
        DatastoreFacts ds = facts();
        if (!ds.accessible()) {
            return new Info(State.INACCESSIBLE, 0, 0, 0);
        }
        return new Info(State.RUNNING, ds.capacity(), ds.capacity() - ds.freeSpace(), ds.freeSpace());
    }

    @Override
    public String xmlDesc() {
        return PoolXml.format(facts().describe());
    }

    @Override
    public boolean autostart() {
        return true;
    }

    @Override
    public void setAutostart(boolean autostart) {
        AlwaysAutostarted.set(autostart, "storage pool");
    }

    @Override
    public void refresh() {
        ctx().session().call("RefreshDatastore", p -> {
            p.refreshDatastore(datastore);
            return null;
        });
    }

    private ManagedObjectReference browser() {
        if (browser == null) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "Datastore '" + name + "' has no datastore browser");
        }
        return browser;
    }

    /** Disks, ISO and floppy images anywhere on the datastore (one search task). */
    @Override
    public List<StorageVolume> listAllVolumes() {
        List<StorageVolume> out = new ArrayList<>();
        for (HostDatastoreBrowserSearchResults folder : backend.search().volumesBelow(browser(), name)) {
            for (FileInfo file : folder.getFile()) {
                out.add(new VmfsVolume(this, VmfsBackend.volumeName(folder.getFolderPath(), file.getPath()), file));
            }
        }
        return out;
    }

    @Override
    public StorageVolume lookupVolumeByName(String volumeName) {
        if (volumeName == null || volumeName.isEmpty()) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, "No volume name given");
        }
        return volume(volumeName);
    }

    /** The volume {@code [pool] name}; it must exist. */
    VmfsVolume volume(String volumeName) {
        FileInfo info = fileInfo(volumeName);
        return new VmfsVolume(this, volumeName, keyOf(volumeName, info));
    }

    FileInfo fileInfo(String volumeName) {
        return backend.search().fileInfo(browser(), name, volumeName, false).orElseThrow(() -> HypervisorException.of(
                ErrorCode.NO_STORAGE_VOL, ErrorDomain.ESX, "No storage volume with key or path '%s'", path(volumeName)));
    }

    String path(String volumeName) {
        return "[" + name + "] " + volumeName;
    }

    /**
     * The key rule: a virtual disk on ESX is keyed by its UUID ({@code QueryVirtualDiskUuid},
     * canonical form); ISO and floppy images, and every file on vCenter, by their path.
     */
    String keyOf(String volumeName, FileInfo info) {
        if (!(info instanceof VmDiskFileInfo) || !ctx().hasQueryVirtualDiskUuid()) {
            return path(volumeName);
        }
        String raw = ctx().session().call("QueryVirtualDiskUuid", p -> p.queryVirtualDiskUuid(
                ctx().session().content().getVirtualDiskManager(), path(volumeName), ctx().datacenter()));
        return Uuids.parse(raw).map(UUID::toString).orElseThrow(() -> HypervisorException.of(
                ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, "Could not parse UUID from string '%s'", raw));
    }

    @Override
    public StorageVolume createVolume(String xml, ProgressListener progress) {
        VmfsVolumeName target = prepare(xml);
        FileBackedVirtualDiskSpec spec = new FileBackedVirtualDiskSpec();
        spec.setDiskType(target.diskType());
        spec.setAdapterType("lsiLogic");
        spec.setCapacityKb(target.capacityKb());
        String dest = path(target.directoryAndFileName());
        Tasks.of(ctx().session()).run("CreateVirtualDisk_Task", p -> p.createVirtualDiskTask(
                ctx().session().content().getVirtualDiskManager(), dest, ctx().datacenter(), spec),
                Tasks.Watch.none(), progress, "Could not create volume");
        return created(target);
    }

    @Override
    public StorageVolume createVolumeFrom(String xml, StorageVolume source, ProgressListener progress) {
        if (!(source instanceof VmfsVolume src)) {
            throw new HypervisorException(ErrorCode.NO_SUPPORT, ErrorDomain.ESX,
                    "Copying a volume is only supported from a datastore volume, not from '"
                            + (source == null ? "null" : source.path()) + "'");
        }
        VmfsVolumeName target = prepare(xml);
        String dest = path(target.directoryAndFileName());
        Tasks.of(ctx().session()).run("CopyVirtualDisk_Task", p -> p.copyVirtualDiskTask(
                ctx().session().content().getVirtualDiskManager(), src.path(), ctx().datacenter(), dest,
                ctx().datacenter(), null, false), Tasks.Watch.none(), progress, "Could not copy volume");
        return created(target);
    }

    /** Parses and checks the XML, then creates the directory unless it exists. */
    private VmfsVolumeName prepare(String xml) {
        VmfsVolumeName target = VmfsVolumeName.check(VolumeXmlParser.parse(xml));
        if (backend.search().fileInfo(browser(), name, target.directory(), true).isEmpty()) {
            String dir = path(target.directory());
            try {
                ctx().session().call("MakeDirectory", p -> {
                    p.makeDirectory(ctx().session().content().getFileManager(), dir, ctx().datacenter(), true);
                    return null;
                });
            } catch (HypervisorException e) {
                // Another caller may have made it between our check and our request: fine.
                if (backend.search().fileInfo(browser(), name, target.directory(), true).isEmpty()) {
                    throw e;
                }
            }
        }
        return target;
    }

    /**
     * The new volume is named as its files are ({@code escapedDir/escapedFile}), the name
     * listings and lookups report. libvirt returns the unescaped XML name instead (esx-spec
     * 7.2 #20), which names no file when escaping changed it.
     */
    private VmfsVolume created(VmfsVolumeName target) {
        String volumeName = target.directoryAndFileName();
        String key = ctx().hasQueryVirtualDiskUuid() ? keyOf(volumeName, new VmDiskFileInfo()) : path(volumeName);
        return new VmfsVolume(this, volumeName, key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VmfsPool p && p.uuid.equals(uuid) && p.name.equals(name);
    }

    @Override
    public int hashCode() {
        return uuid.hashCode();
    }

    @Override
    public String toString() {
        return "VmfsPool[" + name + ", " + uuid + ", " + datastore.getValue() + "]";
    }
}
