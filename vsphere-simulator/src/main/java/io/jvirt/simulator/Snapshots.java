package io.jvirt.simulator;

import io.jvirt.vim25.InvalidName;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.VirtualMachinePowerState;
import io.jvirt.vim25.VirtualMachineSnapshotInfo;
import io.jvirt.vim25.VirtualMachineSnapshotTree;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * VM snapshots: a real tree under {@code snapshot.rootSnapshotList} with {@code currentSnapshot};
 * revert restores the snapshot's power state, remove re-parents or drops the children.
 */
final class Snapshots {

    private final Inventory inventory;
    private final Tasks tasks;
    private final IdStyle ids;

    Snapshots(Inventory inventory, Tasks tasks, IdStyle ids) {
        this.inventory = inventory;
        this.tasks = tasks;
        this.ids = ids;
    }

    ManagedObjectReference create(ManagedObjectReference vmRef, String name, String description, boolean memory,
                                  boolean quiesce, Caller caller) {
        ManagedObject vm = inventory.require(vmRef, "VirtualMachine");
        return tasks.start(vm, "VirtualMachine.createSnapshot", caller, () -> {
            if (name == null || name.isEmpty()) {
                InvalidName fault = new InvalidName();
                fault.setName(name);
                throw new VimFaultException(fault, "The name '' is invalid.");
            }
            VirtualMachineSnapshotInfo info = info(vm);
            ManagedObject snapshot = new ManagedObject("VirtualMachineSnapshot", ids.snapshot(vm));
            VirtualMachineSnapshotTree node = new VirtualMachineSnapshotTree();
            node.setSnapshot(snapshot.ref());
            node.setVm(vm.ref());
            node.setName(name);
            node.setDescription(description == null ? "" : description);
            node.setId((int) inventory.nextNumber());
            node.setCreateTime(Xml.dateTime(Instant.now()));
            VirtualMachinePowerState state = VmLifecycle.runtime(vm).getPowerState();
            node.setState(state == VirtualMachinePowerState.POWERED_ON && !memory ? VirtualMachinePowerState.POWERED_OFF : state);
            node.setQuiesced(quiesce);
            Optional<VirtualMachineSnapshotTree> current = find(info.getRootSnapshotList(), info.getCurrentSnapshot());
            (current.isPresent() ? current.get().getChildSnapshotList() : info.getRootSnapshotList()).add(node);
            info.setCurrentSnapshot(snapshot.ref());
            snapshot.set("vm", vm.ref());
            snapshot.setInternal("tree", node);
            inventory.add(snapshot);
            return snapshot.ref();
        });
    }

    ManagedObjectReference revert(ManagedObjectReference snapshotRef, Boolean suppressPowerOn, Caller caller) {
        ManagedObject snapshot = inventory.require(snapshotRef, "VirtualMachineSnapshot");
        ManagedObject vm = inventory.require((ManagedObjectReference) snapshot.get("vm"));
        return tasks.start(vm, "VirtualMachineSnapshot.revert", caller, () -> {
            VirtualMachineSnapshotTree node = snapshot.internal("tree", VirtualMachineSnapshotTree.class);
            info(vm).setCurrentSnapshot(snapshot.ref());
            VirtualMachinePowerState state = node.getState();
            if (state == VirtualMachinePowerState.POWERED_ON && Boolean.TRUE.equals(suppressPowerOn)) {
                state = VirtualMachinePowerState.POWERED_OFF;
            }
            VmLifecycle.setPowerState(vm, state);
            return null;
        });
    }

    ManagedObjectReference remove(ManagedObjectReference snapshotRef, boolean removeChildren, Caller caller) {
        ManagedObject snapshot = inventory.require(snapshotRef, "VirtualMachineSnapshot");
        ManagedObject vm = inventory.require((ManagedObjectReference) snapshot.get("vm"));
        return tasks.start(vm, "VirtualMachineSnapshot.remove", caller, () -> {
            VirtualMachineSnapshotInfo info = info(vm);
            VirtualMachineSnapshotTree node = snapshot.internal("tree", VirtualMachineSnapshotTree.class);
            Optional<VirtualMachineSnapshotTree> parent = parentOf(info.getRootSnapshotList(), node);
            List<VirtualMachineSnapshotTree> siblings = parent.isPresent() ? parent.get().getChildSnapshotList() : info.getRootSnapshotList();
            int position = siblings.indexOf(node);
            siblings.remove(position);
            if (removeChildren) {
                forget(node, info, parent);
            } else {
                siblings.addAll(position, node.getChildSnapshotList());
                if (Refs.same(info.getCurrentSnapshot(), node.getSnapshot())) {
                    info.setCurrentSnapshot(parent.map(VirtualMachineSnapshotTree::getSnapshot).orElse(null));
                }
                inventory.remove(node.getSnapshot());
            }
            if (info.getRootSnapshotList().isEmpty()) {
                vm.set("snapshot", null);
            }
            return null;
        });
    }

    private void forget(VirtualMachineSnapshotTree node, VirtualMachineSnapshotInfo info, Optional<VirtualMachineSnapshotTree> parent) {
        if (Refs.same(info.getCurrentSnapshot(), node.getSnapshot())) {
            info.setCurrentSnapshot(parent.map(VirtualMachineSnapshotTree::getSnapshot).orElse(null));
        }
        inventory.remove(node.getSnapshot());
        for (VirtualMachineSnapshotTree child : node.getChildSnapshotList()) {
            forget(child, info, parent);
        }
    }

    private static VirtualMachineSnapshotInfo info(ManagedObject vm) {
        Object value = vm.get("snapshot");
        if (value instanceof VirtualMachineSnapshotInfo info) {
            return info;
        }
        VirtualMachineSnapshotInfo info = new VirtualMachineSnapshotInfo();
        vm.set("snapshot", info);
        return info;
    }

    private static Optional<VirtualMachineSnapshotTree> find(List<VirtualMachineSnapshotTree> nodes, ManagedObjectReference ref) {
        for (VirtualMachineSnapshotTree node : nodes) {
            if (Refs.same(node.getSnapshot(), ref)) {
                return Optional.of(node);
            }
            Optional<VirtualMachineSnapshotTree> below = find(node.getChildSnapshotList(), ref);
            if (below.isPresent()) {
                return below;
            }
        }
        return Optional.empty();
    }

    private static Optional<VirtualMachineSnapshotTree> parentOf(List<VirtualMachineSnapshotTree> nodes, VirtualMachineSnapshotTree child) {
        for (VirtualMachineSnapshotTree node : nodes) {
            if (node.getChildSnapshotList().contains(child)) {
                return Optional.of(node);
            }
            Optional<VirtualMachineSnapshotTree> below = parentOf(node.getChildSnapshotList(), child);
            if (below.isPresent()) {
                return below;
            }
        }
        return Optional.empty();
    }
}
