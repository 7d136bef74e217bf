package io.jvirt.esx.storage;

import io.jvirt.esx.node.Uuids;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.StoragePool;
import io.jvirt.spi.StorageVolume;
import io.jvirt.vim25.FileInfo;
import io.jvirt.vim25.HostDatastoreBrowserSearchResults;
import io.jvirt.vim25.VmDiskFileInfo;
import io.jvirt.vmx.util.DatastorePath;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Datastores as pools (esx-spec 2.11.1): the datastores mounted on the host, named by
 * {@code summary.name}, identified by MD5 of the host mount path. Every lookup reads all
 * datastores in one request.
 */
final class VmfsBackend implements StorageBackend {
    private final StorageContext ctx;
    private final Datastores datastores;
    private final DatastoreSearch search;

    VmfsBackend(StorageContext ctx) {
        this.ctx = ctx;
        this.datastores = new Datastores(ctx);
        this.search = new DatastoreSearch(ctx);
    }

    StorageContext context() {
        return ctx;
    }

    DatastoreSearch search() {
        return search;
    }

    Datastores datastores() {
        return datastores;
    }

    private VmfsPool pool(DatastoreFacts ds) {
        return new VmfsPool(this, ds.mor(), ds.name(), ds.uuid(), ds.browser());
    }

    @Override
    public List<StoragePool> pools() {
        return datastores.all().stream().map(this::pool).map(StoragePool.class::cast).toList();
    }

    @Override
    public Optional<StoragePool> poolByName(String name) {
        return datastores.byName(name).map(this::pool);
    }

    /**
     * Unlike libvirt (esx-spec 7.2 #18), a datastore whose mount path is unknown does not end
     * the search: it is skipped and the others are still compared.
     */
    @Override
    public Optional<StoragePool> poolByUuid(UUID uuid) {
        return datastores.all().stream().filter(d -> !d.mountPath().isEmpty() && d.uuid().equals(uuid))
                .findFirst().map(this::pool);
    }

    Optional<VmfsPool> vmfsPoolByName(String name) {
        return datastores.byName(name).map(this::pool);
    }

    @Override
    public StorageVolume volumeByPath(String path) {
        DatastorePath p = DatastorePath.parse(path);
        VmfsPool pool = vmfsPoolByName(p.datastoreName()).orElseThrow(() -> HypervisorException.of(
                ErrorCode.NO_STORAGE_VOL, ErrorDomain.ESX,
                "No storage volume with key or path '%s': there is no datastore named '%s'", path, p.datastoreName()));
        return pool.volume(p.directoryAndFileName());
    }

    /**
     * A path key ({@code [ds] ...}) is looked up as a path. A disk UUID can only be found with
     * {@code QueryVirtualDiskUuid} (ESX, not vCenter) by asking for the UUID of every disk of
     * every datastore: one search task per datastore plus one query per disk.
     */
    @Override
    public Optional<StorageVolume> volumeByKey(String key) {
        if (key.startsWith("[")) {
            return findVolumeByPath(key);
        }
        Optional<UUID> wanted = Uuids.parse(key);
        if (!ctx.hasQueryVirtualDiskUuid() || wanted.isEmpty()) {
            // vCenter: QueryVirtualDiskUuid is not available, so a UUID key cannot be a VMFS volume
            // we can find; the facade then asks the iSCSI backend.
            return Optional.empty();
        }
        for (DatastoreFacts ds : datastores.all()) {
            if (ds.browser() == null) {
                continue;
            }
            VmfsPool pool = pool(ds);
            for (HostDatastoreBrowserSearchResults folder : search.volumesBelow(ds.browser(), ds.name())) {
                for (FileInfo file : folder.getFile()) {
                    if (!(file instanceof VmDiskFileInfo)) {
                        continue;
                    }
                    String name = volumeName(folder.getFolderPath(), file.getPath());
                    String diskKey = pool.keyOf(name, file);
                    if (Uuids.parse(diskKey).equals(wanted)) {
                        return Optional.of(new VmfsVolume(pool, name, diskKey));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The volume name of a search result: folder path without {@code [ds]} and trailing {@code /}, then the file. */
    static String volumeName(String folderPath, String file) {
        String folder = folderPath == null ? "" : folderPath;
        if (folder.startsWith("[")) {
            int close = folder.indexOf(']');
            folder = close < 0 ? "" : folder.substring(close + 1);
        }
        folder = folder.strip();
        while (folder.endsWith("/")) {
            folder = folder.substring(0, folder.length() - 1);
        }
        return folder.isEmpty() ? file : folder + "/" + file;
    }
}
