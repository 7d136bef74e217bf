package io.jvirt.spi;

import io.jvirt.spi.error.HypervisorException;
import java.io.InputStream;
import java.io.OutputStream;

/** A handle on a storage volume (for ESX: a virtual disk, ISO or floppy image on a datastore). */
public interface StorageVolume {

    /** The kind of a volume, named as virsh prints it. */
    enum Type {
        FILE("file"), BLOCK("block"), DIR("dir"), NETWORK("network"), NETDIR("netdir");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * Volume size in bytes.
     *
     * @param type       the kind of volume
     * @param capacity   the logical size
     * @param allocation the bytes actually used
     */
    record Info(Type type, long capacity, long allocation) {
    }

    /** The pool holding this volume. */
    @ReadOnlyAllowed
    StoragePool pool();

    @ReadOnlyAllowed
    String name();

    /** A key unique on the host (for ESX disks: the virtual disk UUID). */
    @ReadOnlyAllowed
    String key();

    /** The path (for ESX: {@code [datastore] dir/file.vmdk}). */
    @ReadOnlyAllowed
    String path();

    @ReadOnlyAllowed
    default Info info() {
        throw HypervisorException.noSupport("StorageVolume.info");
    }

    @ReadOnlyAllowed
    default String xmlDesc() {
        throw HypervisorException.noSupport("StorageVolume.xmlDesc");
    }

    default void delete() {
        throw HypervisorException.noSupport("StorageVolume.delete");
    }

    /** Overwrites the contents with zeros. */
    default void wipe() {
        throw HypervisorException.noSupport("StorageVolume.wipe");
    }

    /** Writes {@code length} bytes (or all, when -1) from {@code data} at {@code offset}. */
    default void upload(InputStream data, long offset, long length, ProgressListener progress) {
        throw HypervisorException.noSupport("StorageVolume.upload");
    }

    /** Reads {@code length} bytes (or all, when -1) from {@code offset} into {@code sink}. */
    default void download(OutputStream sink, long offset, long length, ProgressListener progress) {
        throw HypervisorException.noSupport("StorageVolume.download");
    }
}
