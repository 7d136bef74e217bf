package io.jvirt.esx.storage;

import io.jvirt.esx.vi.Md5Uuids;
import io.jvirt.esx.vi.PropertyReader;
import io.jvirt.esx.vi.Specs;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.StoragePool;
import io.jvirt.spi.StorageVolume;
import io.jvirt.vim25.HostInternetScsiHbaStaticTarget;
import io.jvirt.vim25.HostScsiDisk;
import io.jvirt.vim25.ScsiLun;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * iSCSI targets as pools (esx-spec 2.11.2): the static targets of the host's first iSCSI HBA,
 * named by IQN, identified by MD5 of the IQN; their LUNs are the volumes. Every operation reads
 * the host's storage device info once.
 */
final class IscsiBackend implements StorageBackend {
    private final StorageContext ctx;

    IscsiBackend(StorageContext ctx) {
        this.ctx = ctx;
    }

    StorageContext context() {
        return ctx;
    }

    /** One request; a host without iSCSI gives facts without HBA. */
    IscsiFacts facts() {
        if (ctx.host() == null) {
            return new IscsiFacts(null, List.of(), List.of(), null);
        }
        List<io.jvirt.esx.vi.ObjectProps> hosts;
        try {
            hosts = PropertyReader.retrieve(ctx.session(), Specs.filter(Specs.from(ctx.host(), false),
                    Specs.props("HostSystem", IscsiFacts.PROPERTIES)));
        } catch (HypervisorException e) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "Unable to obtain iSCSI adapter: " + e.getMessage(), e);
        }
        return hosts.isEmpty() ? new IscsiFacts(null, List.of(), List.of(), null) : IscsiFacts.of(hosts.get(0));
    }

    private IscsiPool pool(HostInternetScsiHbaStaticTarget target) {
        return new IscsiPool(this, target.getIScsiName());
    }

    @Override
    public List<StoragePool> pools() {
        return facts().targets().stream().map(this::pool).map(StoragePool.class::cast).toList();
    }

    @Override
    public Optional<StoragePool> poolByName(String name) {
        return facts().target(name).map(this::pool);
    }

    @Override
    public Optional<StoragePool> poolByUuid(UUID uuid) {
        return facts().targets().stream().filter(t -> Md5Uuids.of(t.getIScsiName()).equals(uuid)).findFirst().map(this::pool);
    }

    /** The HostScsiDisk with this device path, named by its device name (not the path, unlike libvirt). */
    @Override
    public StorageVolume volumeByPath(String path) {
        IscsiFacts f = facts();
        for (ScsiLun lun : f.luns()) {
            if (lun instanceof HostScsiDisk disk && path.equals(disk.getDevicePath())) {
                Optional<String> target = f.targetOf(lun.getKey());
                if (target.isPresent()) {
                    return new IscsiVolume(new IscsiPool(this, target.get()), lun.getDeviceName(),
                            IscsiFacts.keyOf(lun), IscsiFacts.devicePath(lun));
                }
            }
        }
        throw HypervisorException.of(ErrorCode.NO_STORAGE_VOL, ErrorDomain.ESX,
                "Could not find an iSCSI LUN with device path '%s'", path);
    }

    @Override
    public Optional<StorageVolume> volumeByKey(String key) {
        if (key.startsWith("/")) {
            return findVolumeByPath(key);
        }
        IscsiFacts f = facts();
        for (ScsiLun lun : f.luns()) {
            if (IscsiFacts.keyOf(lun).equals(key)) {
                Optional<String> target = f.targetOf(lun.getKey());
                if (target.isPresent()) {
                    return Optional.of(new IscsiVolume(new IscsiPool(this, target.get()), lun.getDeviceName(), key,
                            IscsiFacts.devicePath(lun)));
                }
            }
        }
        return Optional.empty();
    }
}
