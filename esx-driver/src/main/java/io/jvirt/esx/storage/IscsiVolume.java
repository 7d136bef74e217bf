package io.jvirt.esx.storage;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.StoragePool;
import io.jvirt.spi.StorageVolume;
import io.jvirt.vim25.HostScsiDisk;
import io.jvirt.vim25.ScsiLun;

/**
 * An iSCSI LUN as a block volume, named by its device name, keyed by MD5 of its SCSI UUID.
 * {@link #path()} is the device path (what {@code lookupStorageVolumeByPath} takes), where
 * libvirt returns the name.
 */
final class IscsiVolume implements StorageVolume {
    private final IscsiPool pool;
    private final String name;
    private final String key;
    private final String devicePath;

    IscsiVolume(IscsiPool pool, String name, String key, String devicePath) {
        this.pool = pool;
        this.name = name;
        this.key = key;
        this.devicePath = devicePath;
    }

    @Override
    public StoragePool pool() {
        return pool;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String path() {
        return devicePath;
    }

    /** The disk now (only a HostScsiDisk with exactly this device name; never another one). */
    private HostScsiDisk disk() {
        for (ScsiLun lun : pool.facts().luns()) {
            if (lun instanceof HostScsiDisk d && name.equals(d.getDeviceName())) {
                return d;
            }
        }
        throw HypervisorException.of(ErrorCode.NO_STORAGE_VOL, ErrorDomain.ESX, "Could not find volume with name: %s", name);
    }

    private static long capacity(HostScsiDisk d) {
        return d.getCapacity() == null ? 0 : d.getCapacity().getBlock() * d.getCapacity().getBlockSize();
    }

    @Override
    public Info info() {
        long capacity = capacity(disk());
        return new Info(Type.BLOCK, capacity, capacity);
    }

    @Override
    public String xmlDesc() {
        HostScsiDisk d = disk();
        long capacity = capacity(d);
        return VolumeXml.format(Type.BLOCK, name, key, capacity, capacity, d.getDevicePath(), "raw");
    }

    @Override
    public void delete() {
        throw new HypervisorException(ErrorCode.NO_SUPPORT, ErrorDomain.ESX, "iSCSI storage pool does not support volume deletion");
    }

    @Override
    public void wipe() {
        throw new HypervisorException(ErrorCode.NO_SUPPORT, ErrorDomain.ESX, "iSCSI storage pool does not support volume wiping");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IscsiVolume v && v.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return "IscsiVolume[" + name + ", " + key + "]";
    }
}
