package io.jvirt.esx.storage;

import io.jvirt.esx.inventory.InventoryScope;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.spi.Connection;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.StoragePool;
import io.jvirt.spi.StorageVolume;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The storage sub-driver (esx-spec 2.11): a facade asking the VMFS backend (datastores as pools)
 * first, then the iSCSI backend (static targets of the software iSCSI adapter as pools). Pool
 * and volume handles carry their backend, so operations on them go straight to it.
 */
public final class StorageDriver {
    private final VmfsBackend vmfs;
    private final IscsiBackend iscsi;
    private final List<StorageBackend> backends;

    public StorageDriver(Connection connection, VimSession session, InventoryScope scope) {
        StorageContext ctx = new StorageContext(connection, session, scope);
        this.vmfs = new VmfsBackend(ctx);
        this.iscsi = new IscsiBackend(ctx);
        this.backends = List.of(vmfs, iscsi);
    }

    /** Every pool: datastores of the host, then iSCSI targets. */
    public List<StoragePool> listAll() {
        List<StoragePool> out = new ArrayList<>();
        for (StorageBackend b : backends) {
            out.addAll(b.pools());
        }
        return out;
    }

    public StoragePool lookupByName(String name) {
        requireArg(name, "pool name");
        for (StorageBackend b : backends) {
            Optional<StoragePool> p = b.poolByName(name);
            if (p.isPresent()) {
                return p.get();
            }
        }
        throw HypervisorException.of(ErrorCode.NO_STORAGE_POOL, ErrorDomain.ESX,
                "Could not find storage pool with name '%s'", name);
    }

    public StoragePool lookupByUuid(UUID uuid) {
        if (uuid == null) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, "No pool UUID given");
        }
        for (StorageBackend b : backends) {
            Optional<StoragePool> p = b.poolByUuid(uuid);
            if (p.isPresent()) {
                return p.get();
            }
        }
        throw HypervisorException.of(ErrorCode.NO_STORAGE_POOL, ErrorDomain.ESX,
                "Could not find storage pool with uuid '%s'", uuid);
    }

    /** {@code [datastore] path} is a VMFS volume, {@code /dev...} an iSCSI LUN. */
    public StorageVolume volumeByPath(String path) {
        requireArg(path, "volume path");
        if (path.startsWith("[")) {
            return vmfs.volumeByPath(path);
        }
        if (path.startsWith("/")) {
            return iscsi.volumeByPath(path);
        }
        throw HypervisorException.of(ErrorCode.INVALID_ARG, ErrorDomain.ESX, "Unexpected volume path format: %s", path);
    }

    public StorageVolume volumeByKey(String key) {
        requireArg(key, "volume key");
        for (StorageBackend b : backends) {
            Optional<StorageVolume> v = b.volumeByKey(key);
            if (v.isPresent()) {
                return v.get();
            }
        }
        throw HypervisorException.of(ErrorCode.NO_STORAGE_VOL, ErrorDomain.ESX,
                "Could not find storage volume with key '%s'", key);
    }

    private static void requireArg(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, "No " + what + " given");
        }
    }
}
