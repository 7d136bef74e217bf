package io.jvirt.simulator;

import io.jvirt.vim25.Event;
import io.jvirt.vim25.HostEventArgument;
import io.jvirt.vim25.HostRuntimeInfo;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.MigrationErrorEvent;
import io.jvirt.vim25.VirtualMachinePowerState;
import io.jvirt.vim25.VirtualMachineRelocateSpec;
import io.jvirt.vim25.VmEventArgument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * vCenter migration: ValidateMigration reports problems as events, MigrateVM_Task and
 * RelocateVM_Task move a VM to another host / resource pool / datastore.
 */
final class Migration {

    private final Inventory inventory;
    private final Tasks tasks;
    private final boolean vcenter;

    Migration(Inventory inventory, Tasks tasks, boolean vcenter) {
        this.inventory = inventory;
        this.tasks = tasks;
        this.vcenter = vcenter;
    }

    List<Event> validate(List<ManagedObjectReference> vms, VirtualMachinePowerState state, ManagedObjectReference pool,
                         ManagedObjectReference host) {
        requireVcenter();
        return inventory.read(() -> {
            List<Event> events = new ArrayList<>();
            for (ManagedObjectReference vmRef : vms) {
                ManagedObject vm = inventory.require(vmRef, "VirtualMachine");
                problem(vm, state, pool, host).ifPresent(message -> events.add(event(vm, host, message)));
            }
            return events;
        });
    }

    ManagedObjectReference migrate(ManagedObjectReference vmRef, ManagedObjectReference pool, ManagedObjectReference host,
                                   VirtualMachinePowerState state, Caller caller) {
        requireVcenter();
        ManagedObject vm = inventory.require(vmRef, "VirtualMachine");
        return tasks.start(vm, "VirtualMachine.migrate", caller, () -> {
            problem(vm, state, pool, host).ifPresent(message -> {
                throw new VimFaultException(new io.jvirt.vim25.MigrationFault(), message);
            });
            move(vm, pool, host, null);
            return null;
        });
    }

    ManagedObjectReference relocate(ManagedObjectReference vmRef, VirtualMachineRelocateSpec spec, Caller caller) {
        requireVcenter();
        ManagedObject vm = inventory.require(vmRef, "VirtualMachine");
        return tasks.start(vm, "VirtualMachine.relocate", caller, () -> {
            problem(vm, null, spec.getPool(), spec.getHost()).ifPresent(message -> {
                throw new VimFaultException(new io.jvirt.vim25.MigrationFault(), message);
            });
            move(vm, spec.getPool(), spec.getHost(), spec.getDatastore());
            return null;
        });
    }

    private java.util.Optional<String> problem(ManagedObject vm, VirtualMachinePowerState state, ManagedObjectReference pool,
                                               ManagedObjectReference host) {
        if (state != null && VmLifecycle.runtime(vm).getPowerState() != state) {
            return java.util.Optional.of("The virtual machine is not in the expected power state " + state.value() + ".");
        }
        if (host != null) {
            ManagedObject target = inventory.find(host).orElse(null);
            if (target == null || !"HostSystem".equals(target.type())) {
                return java.util.Optional.of("The target host " + host.getValue() + " does not exist.");
            }
            if (target.require("runtime", HostRuntimeInfo.class).isInMaintenanceMode()) {
                return java.util.Optional.of("The target host " + target.get("name") + " is in maintenance mode.");
            }
        }
        if (pool != null && inventory.find(pool).isEmpty()) {
            return java.util.Optional.of("The target resource pool " + pool.getValue() + " does not exist.");
        }
        return java.util.Optional.empty();
    }

    private void move(ManagedObject vm, ManagedObjectReference poolRef, ManagedObjectReference hostRef, ManagedObjectReference dsRef) {
        if (hostRef != null) {
            ManagedObject oldHost = inventory.require(VmLifecycle.runtime(vm).getHost());
            ManagedObject newHost = inventory.require(hostRef, "HostSystem");
            Refs.remove(oldHost, "vm", vm.ref());
            Refs.add(newHost, "vm", vm.ref());
            VmLifecycle.runtime(vm).setHost(newHost.ref());
        }
        if (poolRef != null) {
            ManagedObject oldPool = inventory.require((ManagedObjectReference) vm.get("resourcePool"));
            ManagedObject newPool = inventory.require(poolRef, "ResourcePool");
            Refs.remove(oldPool, "vm", vm.ref());
            Refs.add(newPool, "vm", vm.ref());
            vm.set("resourcePool", newPool.ref());
        }
        if (dsRef != null) {
            inventory.require(dsRef, "Datastore");
        }
    }

    private Event event(ManagedObject vm, ManagedObjectReference host, String message) {
        MigrationErrorEvent event = new MigrationErrorEvent();
        event.setKey((int) inventory.nextNumber());
        event.setChainId(event.getKey());
        event.setCreatedTime(Xml.dateTime(Instant.now()));
        event.setUserName("");
        VmEventArgument vmArgument = new VmEventArgument();
        vmArgument.setVm(vm.ref());
        vmArgument.setName(String.valueOf(vm.get("name")));
        event.setVm(vmArgument);
        if (host != null) {
            HostEventArgument hostArgument = new HostEventArgument();
            hostArgument.setHost(Refs.copy(host));
            hostArgument.setName(host.getValue());
            event.setHost(hostArgument);
        }
        event.setFullFormattedMessage(message);
        return event;
    }

    private void requireVcenter() {
        if (!vcenter) {
            throw VimFaults.notSupported("The operation is not supported on this object.");
        }
    }
}
