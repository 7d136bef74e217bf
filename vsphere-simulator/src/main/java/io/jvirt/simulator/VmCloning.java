package io.jvirt.simulator;

import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.VirtualMachineCloneSpec;
import io.jvirt.vim25.VirtualMachineConfigInfo;
import io.jvirt.vim25.VirtualMachinePowerState;
import io.jvirt.vim25.VirtualMachineRelocateSpec;
import java.util.Locale;
import java.util.UUID;

/**
 * CloneVM_Task. A standalone ESX host refuses it at the call with NotSupported (ESX has no
 * CloneVM: clients copy disks and register a new .vmx there); a vCenter copies the VM into the
 * given folder, pool, host and datastore (the source's where the spec leaves them out) with a new
 * UUID and a new generated MAC address, shut off (powerOn and templates are not simulated).
 */
final class VmCloning {

    private final Inventory inventory;
    private final Tasks tasks;
    private final VmFactory factory;
    private final boolean vcenter;

    VmCloning(Inventory inventory, Tasks tasks, VmFactory factory, boolean vcenter) {
        this.inventory = inventory;
        this.tasks = tasks;
        this.factory = factory;
        this.vcenter = vcenter;
    }

    ManagedObjectReference clone(ManagedObjectReference vmRef, ManagedObjectReference folderRef, String name,
                                 VirtualMachineCloneSpec spec, Caller caller) {
        if (!vcenter) {
            throw VimFaults.notSupported("The operation is not supported on the object.");
        }
        ManagedObject source = inventory.require(vmRef, "VirtualMachine");
        ManagedObject folder = inventory.require(folderRef, "Folder");
        return tasks.start(source, "VirtualMachine.clone", caller, () -> {
            if (spec == null || spec.getLocation() == null) {
                throw VimFaults.invalidArgument("spec.location");
            }
            if (spec.isTemplate() || spec.isPowerOn()) {
                throw VimFaults.notSupported("Templates and powering on clones are not supported by the simulator.");
            }
            for (ManagedObjectReference child : Refs.list(folder, "childEntity")) {
                if (inventory.find(child).map(c -> name.equals(c.get("name"))).orElse(false)) {
                    throw VimFaults.invalidArgument("name");
                }
            }
            VirtualMachineRelocateSpec location = spec.getLocation();
            VirtualMachineConfigInfo config = source.require("config", VirtualMachineConfigInfo.class);
            ManagedObject host = inventory.require(location.getHost() != null ? location.getHost()
                    : VmLifecycle.runtime(source).getHost(), "HostSystem");
            ManagedObject pool = inventory.require(location.getPool() != null ? location.getPool()
                    : (ManagedObjectReference) source.get("resourcePool"), "ResourcePool");
            ManagedObject datastore = inventory.require(location.getDatastore() != null ? location.getDatastore()
                    : Refs.list(source, "datastore").get(0), "Datastore");
            ManagedObject network = inventory.require(Refs.list(source, "network").get(0));
            String uuid = UUID.randomUUID().toString();
            String mac = String.format(Locale.ROOT, "00:50:56:%02x:%s:%s", 0x80 | (uuid.charAt(0) & 0x3f),
                    uuid.substring(2, 4), uuid.substring(4, 6));
            VmDefinition definition = new VmDefinition(name, uuid, config.getHardware().getMemoryMB(),
                    config.getHardware().getNumCPU(), config.getGuestId(), mac, String.valueOf(network.get("name")),
                    name + ".vmdk", config.getAnnotation() == null ? "" : config.getAnnotation());
            VmFactory.Placement placement = new VmFactory.Placement(host, pool, folder, datastore, network);
            ManagedObject clone = factory.createWithFiles(definition, placement, VirtualMachinePowerState.POWERED_OFF);
            clone.setInternal("clonedFrom", source.ref());
            clone.setInternal("linkedClone", "createNewChildDiskBacking".equals(location.getDiskMoveType()));
            return clone.ref();
        });
    }
}
