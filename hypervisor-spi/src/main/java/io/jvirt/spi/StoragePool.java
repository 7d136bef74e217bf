package io.jvirt.spi;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import java.util.List;
import java.util.UUID;

/** A handle on a storage pool (for ESX: a datastore or an iSCSI target). */
public interface StoragePool {

    /** The state of a pool, named as virsh prints it. */
    enum State {
        INACTIVE("inactive"), BUILDING("building"), RUNNING("running"), DEGRADED("degraded"),
        INACCESSIBLE("inaccessible");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * Pool usage in bytes.
     *
     * @param state      the state
     * @param capacity   total bytes
     * @param allocation bytes in use
     * @param available  free bytes
     */
    record Info(State state, long capacity, long allocation, long available) {
    }

    @ReadOnlyAllowed
    Connection connection();

    @ReadOnlyAllowed
    String name();

    @ReadOnlyAllowed
    UUID uuid();

    @ReadOnlyAllowed
    default Info info() {
        throw HypervisorException.noSupport("StoragePool.info");
    }

    @ReadOnlyAllowed
    default String xmlDesc() {
        throw HypervisorException.noSupport("StoragePool.xmlDesc");
    }

    @ReadOnlyAllowed
    default boolean isActive() {
        return true;
    }

    @ReadOnlyAllowed
    default boolean isPersistent() {
        return true;
    }

    @ReadOnlyAllowed
    default boolean autostart() {
        throw HypervisorException.noSupport("StoragePool.autostart");
    }

    default void setAutostart(boolean autostart) {
        throw HypervisorException.noSupport("StoragePool.setAutostart");
    }

    /** Re-reads the pool's contents. */
    default void refresh() {
        throw HypervisorException.noSupport("StoragePool.refresh");
    }

    @ReadOnlyAllowed
    default List<StorageVolume> listAllVolumes() {
        throw HypervisorException.noSupport("StoragePool.listAllVolumes");
    }

    /** The volume with this name; {@link ErrorCode#NO_STORAGE_VOL} when none. */
    @ReadOnlyAllowed
    default StorageVolume lookupVolumeByName(String name) {
        throw HypervisorException.noSupport("StoragePool.lookupVolumeByName");
    }

    /** Creates a volume from {@code <volume>} XML. */
    default StorageVolume createVolume(String xml, ProgressListener progress) {
        throw HypervisorException.noSupport("StoragePool.createVolume");
    }

    /** Creates a volume as a copy of {@code source}. */
    default StorageVolume createVolumeFrom(String xml, StorageVolume source, ProgressListener progress) {
        throw HypervisorException.noSupport("StoragePool.createVolumeFrom");
    }
}
