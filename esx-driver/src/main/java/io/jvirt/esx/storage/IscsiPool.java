package io.jvirt.esx.storage;

import io.jvirt.esx.shared.AlwaysAutostarted;
import io.jvirt.esx.vi.Md5Uuids;
import io.jvirt.spi.Connection;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.StoragePool;
import io.jvirt.spi.StorageVolume;
import io.jvirt.vim25.HostInternetScsiHbaStaticTarget;
import io.jvirt.vim25.ScsiLun;

import java.util.List;
import java.util.UUID;

/** An iSCSI static target as a pool; its LUNs are block volumes, created and deleted outside. */
final class IscsiPool implements StoragePool {
    private final IscsiBackend backend;
    private final String iqn;

    IscsiPool(IscsiBackend backend, String iqn) {
        this.backend = backend;
        this.iqn = iqn;
    }

    @Override
    public Connection connection() {
        return backend.context().connection();
    }

    @Override
    public String name() {
        return iqn;
    }

    @Override
    public UUID uuid() {
        return Md5Uuids.of(iqn);
    }

    private HostInternetScsiHbaStaticTarget target(IscsiFacts f) {
        return f.target(iqn).orElseThrow(() -> HypervisorException.of(ErrorCode.NO_STORAGE_POOL, ErrorDomain.ESX,
                "Could not find storage pool with name '%s'", iqn));
    }

    @Override
    public Info info() {
        target(backend.facts());
        return new Info(State.RUNNING, 0, 0, 0);
    }

    /**
     * Type {@code iscsi} with the target's address and port as source host, the target IQN as
     * source device and the HBA's own IQN as initiator. (libvirt puts the target IQN into
     * {@code <initiator>}, which names the wrong end of the session.) No CHAP data.
     */
    @Override
    public String xmlDesc() {
        IscsiFacts f = backend.facts();
        HostInternetScsiHbaStaticTarget t = target(f);
        PoolDescription.Source source = new PoolDescription.Source(t.getAddress(), t.getPort(), iqn, null,
                f.hba().getIScsiName(), null);
        return PoolXml.format(new PoolDescription("iscsi", iqn, uuid(), 0, 0, 0, source, null));
    }

    @Override
    public boolean autostart() {
        return true;
    }

    @Override
    public void setAutostart(boolean autostart) {
        AlwaysAutostarted.set(autostart, "storage pool");
    }

    /** Rescans the whole adapter ({@code RescanHba}). */
    @Override
    public void refresh() {
        IscsiFacts f = backend.facts();
        target(f);
        if (f.storageSystem() == null) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, "The host has no HostStorageSystem");
        }
        String device = f.hba().getDevice();
        backend.context().session().call("RescanHba", p -> {
            p.rescanHba(f.storageSystem(), device);
            return null;
        });
    }

    @Override
    public List<StorageVolume> listAllVolumes() {
        IscsiFacts f = backend.facts();
        target(f);
        return f.lunsOf(iqn).stream().map(l -> (StorageVolume) volume(l)).toList();
    }

    private IscsiVolume volume(ScsiLun lun) {
        return new IscsiVolume(this, lun.getDeviceName(), IscsiFacts.keyOf(lun), IscsiFacts.devicePath(lun));
    }

    /** A LUN of this target with that device name (libvirt accepts any LUN of the host). */
    @Override
    public StorageVolume lookupVolumeByName(String name) {
        IscsiFacts f = backend.facts();
        target(f);
        return f.lunsOf(iqn).stream().filter(l -> name != null && name.equals(l.getDeviceName())).findFirst()
                .map(this::volume).orElseThrow(() -> HypervisorException.of(ErrorCode.NO_STORAGE_VOL, ErrorDomain.ESX,
                        "Could not find volume with name: %s", name));
    }

    IscsiFacts facts() {
        return backend.facts();
    }

    @Override
    public StorageVolume createVolume(String xml, ProgressListener progress) {
        throw noVolumeCreation();
    }

    @Override
    public StorageVolume createVolumeFrom(String xml, StorageVolume source, ProgressListener progress) {
        throw noVolumeCreation();
    }

    /** An iSCSI target's LUNs are made on the storage array, never through the pool. */
    private static HypervisorException noVolumeCreation() {
        return new HypervisorException(ErrorCode.NO_SUPPORT, ErrorDomain.ESX, "iSCSI storage pool does not support volume creation");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IscsiPool p && p.iqn.equals(iqn);
    }

    @Override
    public int hashCode() {
        return iqn.hashCode();
    }

    @Override
    public String toString() {
        return "IscsiPool[" + iqn + "]";
    }
}
