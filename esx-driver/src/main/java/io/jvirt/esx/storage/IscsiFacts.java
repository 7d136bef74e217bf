package io.jvirt.esx.storage;

import io.jvirt.esx.vi.Md5Uuids;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.vim25.HostConfigManager;
import io.jvirt.vim25.HostInternetScsiHba;
import io.jvirt.vim25.HostInternetScsiHbaStaticTarget;
import io.jvirt.vim25.HostInternetScsiTargetTransport;
import io.jvirt.vim25.HostScsiDisk;
import io.jvirt.vim25.HostScsiTopologyInterface;
import io.jvirt.vim25.HostScsiTopologyLun;
import io.jvirt.vim25.HostScsiTopologyTarget;
import io.jvirt.vim25.HostStorageDeviceInfo;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.ScsiLun;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The host's iSCSI view from one read of {@code config.storageDevice} and
 * {@code configManager.storageSystem} (esx-spec 2.11.2): the first software/hardware iSCSI HBA,
 * its static targets (the pools), the SCSI topology and the LUNs.
 *
 * @param hba           the first HostInternetScsiHba, or null when the host has none
 * @param luns          every ScsiLun of the host
 * @param adapters      the SCSI topology
 * @param storageSystem the HostStorageSystem, or null
 */
record IscsiFacts(HostInternetScsiHba hba, List<ScsiLun> luns, List<HostScsiTopologyInterface> adapters,
                  ManagedObjectReference storageSystem) {

    static final List<String> PROPERTIES = List.of("config.storageDevice", "configManager");

    static IscsiFacts of(ObjectProps host) {
        HostStorageDeviceInfo storage = host.get("config.storageDevice", HostStorageDeviceInfo.class).orElse(null);
        ManagedObjectReference storageSystem = host.get("configManager", HostConfigManager.class)
                .map(HostConfigManager::getStorageSystem).orElse(null);
        if (storage == null) {
            return new IscsiFacts(null, List.of(), List.of(), storageSystem);
        }
        HostInternetScsiHba hba = storage.getHostBusAdapter().stream().filter(HostInternetScsiHba.class::isInstance)
                .map(HostInternetScsiHba.class::cast).findFirst().orElse(null);
        List<HostScsiTopologyInterface> adapters = storage.getScsiTopology() == null ? List.of()
                : storage.getScsiTopology().getAdapter();
        return new IscsiFacts(hba, storage.getScsiLun(), adapters, storageSystem);
    }

    List<HostInternetScsiHbaStaticTarget> targets() {
        return hba == null ? List.of() : hba.getConfiguredStaticTarget();
    }

    Optional<HostInternetScsiHbaStaticTarget> target(String iqn) {
        return targets().stream().filter(t -> iqn.equals(t.getIScsiName())).findFirst();
    }

    /** The LUNs behind the target with this IQN, in topology order (every adapter and target is searched). */
    List<ScsiLun> lunsOf(String iqn) {
        Map<String, ScsiLun> byKey = luns.stream().collect(Collectors.toMap(ScsiLun::getKey, Function.identity(), (a, b) -> a));
        List<ScsiLun> out = new ArrayList<>();
        for (HostScsiTopologyInterface adapter : adapters) {
            for (HostScsiTopologyTarget target : adapter.getTarget()) {
                if (target.getTransport() instanceof HostInternetScsiTargetTransport t && iqn.equals(t.getIScsiName())) {
                    for (HostScsiTopologyLun lun : target.getLun()) {
                        ScsiLun scsiLun = byKey.get(lun.getScsiLun());
                        if (scsiLun != null) {
                            out.add(scsiLun);
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * The IQN of the iSCSI target a LUN is behind, searching every target of every adapter
     * (libvirt looks at the first target of each adapter only, esx-spec 7.2 #19).
     */
    Optional<String> targetOf(String lunKey) {
        for (HostScsiTopologyInterface adapter : adapters) {
            for (HostScsiTopologyTarget target : adapter.getTarget()) {
                if (target.getTransport() instanceof HostInternetScsiTargetTransport t
                        && target.getLun().stream().anyMatch(l -> Objects.equals(l.getScsiLun(), lunKey))) {
                    return Optional.ofNullable(t.getIScsiName());
                }
            }
        }
        return Optional.empty();
    }

    /** A volume key: MD5 of the LUN's {@code uuid}. */
    static String keyOf(ScsiLun lun) {
        return Md5Uuids.of(lun.getUuid() == null ? "" : lun.getUuid()).toString();
    }

    static String devicePath(ScsiLun lun) {
        return lun instanceof HostScsiDisk d && d.getDevicePath() != null ? d.getDevicePath() : lun.getDeviceName();
    }
}
