package io.jvirt.esx.vi;

import io.jvirt.vim25.*;

import java.util.List;

/**
 * The classes of the read binding ({@link ReadBinding}) besides the operations' request and
 * response wrappers: what the operations reach (service content, property specs and results),
 * every fault, and the values of frequent reads (listings, look-ups, host facts), with every
 * class that their fields reach and every bound subclass of those fields' types.
 * {@code ReadBindingTest} computes that closure from the subset and fails when this list misses
 * a class (a value would be read as its base class) or holds one the closure does not need.
 */
final class ReadBindingClasses {
    /**
     * What a read-only command needs beyond the operations: faults, the session, the values of
     * listings and look-ups, the host facts read at connection time ({@code nodeinfo},
     * {@code capabilities}, {@code sysinfo}), datastores ({@code pool-*}, {@code vol-*}) and host
     * networking ({@code net-*}, {@code iface-*}). Not here, so read with the full binding when
     * asked for: virtual devices ({@code domblklist}, {@code domiflist}) and everything of changes,
     * tasks and events.
     */
    static final List<Class<?>> ROOTS = List.of(
            MethodFault.class, UserSession.class, ArrayOfString.class, ArrayOfManagedObjectReference.class,
            ArrayOfInt.class, ArrayOfLong.class, ArrayOfBoolean.class, ManagedEntityStatus.class,
            VirtualMachinePowerState.class, VirtualMachineConnectionState.class, HostSystemPowerState.class,
            HostSystemConnectionState.class, ArrayOfHostCpuIdInfo.class, HostSystemInfo.class,
            HostBIOSInfo.class, HostConfigManager.class, DatastoreInfo.class, ArrayOfDatastoreHostMount.class,
            HostStorageDeviceInfo.class, ArrayOfPhysicalNic.class, ArrayOfHostPortGroup.class,
            ArrayOfHostVirtualSwitch.class, VirtualMachineQuickStats.class);

    /** {@link #ROOTS} and what they reach: the classes the read binding holds. */
    static final List<Class<?>> ALL = List.of(
            AboutInfo.class, AlreadyExists.class, ArrayOfBoolean.class, ArrayOfDatastoreHostMount.class,
            ArrayOfHostCpuIdInfo.class, ArrayOfHostPortGroup.class, ArrayOfHostVirtualSwitch.class,
            ArrayOfInt.class, ArrayOfLong.class, ArrayOfManagedObjectReference.class, ArrayOfPhysicalNic.class,
            ArrayOfString.class, CannotDeleteFile.class, ConcurrentAccess.class, DatastoreHostMount.class,
            DatastoreInfo.class, Description.class, DuplicateName.class, DynamicData.class,
            DynamicProperty.class, ElementDescription.class, FcoeConfig.class, FcoeConfigFcoeCapabilities.class,
            FcoeConfigVlanRange.class, FibreChannelPortType.class, FileAlreadyExists.class, FileFault.class,
            FileLocked.class, FileNotFound.class, HostBIOSInfo.class, HostBlockAdapterTargetTransport.class,
            HostBlockHba.class, HostCommunication.class, HostConfigFault.class, HostConfigManager.class,
            HostCpuIdInfo.class, HostDevice.class, HostDiskDimensionsLba.class, HostFibreChannelHba.class,
            HostFibreChannelOverEthernetHba.class, HostFibreChannelOverEthernetTargetTransport.class,
            HostFibreChannelTargetTransport.class, HostFileSystemVolume.class, HostHostBusAdapter.class,
            HostInternetScsiHba.class, HostInternetScsiHbaNetworkBindingSupportType.class,
            HostInternetScsiHbaSendTarget.class, HostInternetScsiHbaStaticTarget.class,
            HostInternetScsiTargetTransport.class, HostIpConfig.class, HostMountInfo.class,
            HostMultipathInfo.class, HostMultipathInfoFixedLogicalUnitPolicy.class,
            HostMultipathInfoLogicalUnit.class, HostMultipathInfoLogicalUnitPolicy.class,
            HostMultipathInfoLogicalUnitStorageArrayTypePolicy.class, HostMultipathInfoPath.class,
            HostNasVolume.class, HostNetOffloadCapabilities.class, HostNetworkPolicy.class,
            HostNetworkSecurityPolicy.class, HostNetworkTrafficShapingPolicy.class,
            HostNicFailureCriteria.class, HostNicOrderPolicy.class, HostNicTeamingPolicy.class,
            HostNotConnected.class, HostPMemVolume.class, HostParallelScsiHba.class,
            HostParallelScsiTargetTransport.class, HostPcieHba.class, HostPcieTargetTransport.class,
            HostPlugStoreTopology.class, HostPlugStoreTopologyAdapter.class, HostPlugStoreTopologyDevice.class,
            HostPlugStoreTopologyPath.class, HostPlugStoreTopologyPlugin.class,
            HostPlugStoreTopologyTarget.class, HostPortGroup.class, HostPortGroupPort.class,
            HostPortGroupSpec.class, HostRdmaHba.class, HostRdmaTargetTransport.class, HostScsiDisk.class,
            HostScsiDiskPartition.class, HostScsiTopology.class, HostScsiTopologyInterface.class,
            HostScsiTopologyLun.class, HostScsiTopologyTarget.class, HostSerialAttachedHba.class,
            HostSerialAttachedTargetTransport.class, HostStorageDeviceInfo.class,
            HostSystemConnectionState.class, HostSystemIdentificationInfo.class, HostSystemInfo.class,
            HostSystemPowerState.class, HostTargetTransport.class, HostTcpHba.class,
            HostTcpTargetTransport.class, HostVirtualSwitch.class, HostVirtualSwitchAutoBridge.class,
            HostVirtualSwitchBeaconConfig.class, HostVirtualSwitchBondBridge.class,
            HostVirtualSwitchBridge.class, HostVirtualSwitchSimpleBridge.class, HostVirtualSwitchSpec.class,
            HostVmfsVolume.class, HostVvolVolume.class, InsufficientResourcesFault.class, InvalidArgument.class,
            InvalidCollectorVersion.class, InvalidDatastore.class, InvalidDatastorePath.class,
            InvalidDiskFormat.class, InvalidFormat.class, InvalidHostState.class, InvalidLocale.class,
            InvalidLogin.class, InvalidName.class, InvalidPowerState.class, InvalidProperty.class,
            InvalidRequest.class, InvalidState.class, InvalidType.class, KeyAnyValue.class,
            LinkDiscoveryProtocolConfig.class, LocalDatastoreInfo.class, LocalizableMessage.class,
            LocalizedMethodFault.class, ManagedEntityStatus.class, ManagedObjectNotFound.class,
            ManagedObjectReference.class, MethodFault.class, MethodNotFound.class, MigrationFault.class,
            MissingProperty.class, NasDatastoreInfo.class, NoDiskSpace.class, NoPermission.class,
            NotAuthenticated.class, NotFound.class, NotImplemented.class, NotSupported.class,
            ObjectContent.class, ObjectSpec.class, OutOfBounds.class, PMemDatastoreInfo.class,
            PhysicalNic.class, PhysicalNicLinkInfo.class, PhysicalNicSpec.class, PropertyFilterSpec.class,
            PropertySpec.class, RequestCanceled.class, ResourceInUse.class, RetrieveOptions.class,
            RetrieveResult.class, RuntimeFault.class, ScsiLun.class, ScsiLunCapabilities.class,
            ScsiLunDescriptor.class, ScsiLunDurableName.class, SecurityError.class, SelectionSpec.class,
            ServiceContent.class, SnapshotFault.class, SystemError.class, TaskInProgress.class, Timedout.class,
            ToolsUnavailable.class, TraversalSpec.class, UserSession.class, VimFault.class,
            VirtualMachineConnectionState.class, VirtualMachinePowerState.class, VirtualMachineQuickStats.class,
            VmConfigFault.class, VmfsDatastoreInfo.class, VsanDatastoreInfo.class, VvolDatastoreInfo.class);

    private ReadBindingClasses() {
    }
}
