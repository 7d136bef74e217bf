package io.jvirt.esx.storage;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.StoragePool;
import io.jvirt.spi.StorageVolume;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One kind of storage pool behind the {@link StorageDriver} facade (VMFS datastores, iSCSI targets). */
interface StorageBackend {

    List<StoragePool> pools();

    Optional<StoragePool> poolByName(String name);

    Optional<StoragePool> poolByUuid(UUID uuid);

    /** The volume with this path; the backend decides by the path's form (see the facade). */
    StorageVolume volumeByPath(String path);

    /** The volume with this key, or empty when this backend has none. */
    Optional<StorageVolume> volumeByKey(String key);

    /**
     * {@link #volumeByPath} as an Optional: empty where the lookup says {@code NO_STORAGE_VOL}, any
     * other failure is thrown on. Used by the backends' {@link #volumeByKey} for keys that are paths.
     */
    default Optional<StorageVolume> findVolumeByPath(String path) {
        try {
            return Optional.of(volumeByPath(path));
        } catch (HypervisorException e) {
            if (e.code() == ErrorCode.NO_STORAGE_VOL) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
