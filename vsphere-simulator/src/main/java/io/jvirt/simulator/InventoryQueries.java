package io.jvirt.simulator;

import io.jvirt.vim25.ArrayOfString;
import io.jvirt.vim25.GuestInfo;
import io.jvirt.vim25.HostHardwareInfo;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.VirtualMachineConfigInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The SearchIndex (FindByUuid, FindByIp, FindByInventoryPath) and the ViewManager's container views. */
final class InventoryQueries {

    private final Inventory inventory;

    InventoryQueries(Inventory inventory) {
        this.inventory = inventory;
    }

    ManagedObjectReference findByUuid(ManagedObjectReference datacenter, String uuid, boolean vmSearch, Boolean instanceUuid) {
        return inventory.read(() -> {
            for (ManagedObject candidate : inventory.ofType(vmSearch ? "VirtualMachine" : "HostSystem")) {
                String candidateUuid;
                if (vmSearch) {
                    VirtualMachineConfigInfo config = candidate.require("config", VirtualMachineConfigInfo.class);
                    candidateUuid = Boolean.TRUE.equals(instanceUuid) ? config.getInstanceUuid() : config.getUuid();
                } else {
                    candidateUuid = candidate.require("hardware", HostHardwareInfo.class).getSystemInfo().getUuid();
                }
                if (uuid != null && uuid.equalsIgnoreCase(candidateUuid) && within(candidate, datacenter)) {
                    return candidate.ref();
                }
            }
            return null;
        });
    }

    ManagedObjectReference findByIp(ManagedObjectReference datacenter, String ip, boolean vmSearch) {
        return inventory.read(() -> {
            for (ManagedObject candidate : inventory.ofType(vmSearch ? "VirtualMachine" : "HostSystem")) {
                String candidateIp = vmSearch
                        ? candidate.require("guest", GuestInfo.class).getIpAddress()
                        : (String) candidate.internal("managementIp");
                if (ip != null && ip.equals(candidateIp) && within(candidate, datacenter)) {
                    return candidate.ref();
                }
            }
            return null;
        });
    }

    ManagedObjectReference findByInventoryPath(ManagedObjectReference rootFolder, String path) {
        return inventory.read(() -> {
            ManagedObject current = inventory.require(rootFolder);
            for (String segment : path.split("/")) {
                if (segment.isEmpty()) {
                    continue;
                }
                Optional<ManagedObject> next = children(current).stream()
                        .filter(c -> segment.equals(c.get("name"))).findFirst();
                if (next.isEmpty()) {
                    return null;
                }
                current = next.get();
            }
            return current.ref();
        });
    }

    ManagedObjectReference createContainerView(ManagedObjectReference containerRef, List<String> types, boolean recursive) {
        return inventory.write(() -> {
            ManagedObject container = inventory.require(containerRef);
            ManagedObject view = new ManagedObject("ContainerView", inventory.nextId("session[view]"));
            view.set("container", container.ref());
            ArrayOfString typeArray = new ArrayOfString();
            typeArray.getString().addAll(types);
            view.set("type", typeArray);
            view.set("recursive", recursive);
            view.derive("view", caller -> Refs.array(contents(container, types, recursive)));
            inventory.add(view);
            return view.ref();
        });
    }

    void destroyView(ManagedObjectReference viewRef) {
        inventory.write(() -> {
            inventory.require(viewRef, "View");
            inventory.remove(viewRef);
        });
    }

    private List<ManagedObjectReference> contents(ManagedObject container, List<String> types, boolean recursive) {
        Set<String> seen = new LinkedHashSet<>();
        List<ManagedObjectReference> result = new ArrayList<>();
        collect(container, types, recursive, seen, result);
        return result;
    }

    private void collect(ManagedObject parent, List<String> types, boolean recursive, Set<String> seen,
                         List<ManagedObjectReference> result) {
        for (ManagedObject child : children(parent)) {
            if (!seen.add(child.toString())) {
                continue;
            }
            if (types.isEmpty() || types.stream().anyMatch(t -> TypeHierarchy.isA(child.type(), t))) {
                result.add(child.ref());
            }
            if (recursive) {
                collect(child, types, true, seen, result);
            }
        }
    }

    /** The inventory children of an entity, as the vSphere inventory tree defines them. */
    List<ManagedObject> children(ManagedObject parent) {
        List<ManagedObjectReference> refs = new ArrayList<>();
        switch (parent.type()) {
            case "Folder" -> refs.addAll(Refs.list(parent, "childEntity"));
            case "Datacenter" -> {
                for (String folder : new String[] {"vmFolder", "hostFolder", "datastoreFolder", "networkFolder"}) {
                    refs.add((ManagedObjectReference) parent.get(folder));
                }
            }
            case "ComputeResource", "ClusterComputeResource" -> {
                refs.addAll(Refs.list(parent, "host"));
                refs.add((ManagedObjectReference) parent.get("resourcePool"));
            }
            case "ResourcePool" -> {
                refs.addAll(Refs.list(parent, "resourcePool"));
                refs.addAll(Refs.list(parent, "vm"));
            }
            default -> {
                // leaves
            }
        }
        List<ManagedObject> children = new ArrayList<>();
        refs.forEach(r -> inventory.find(r).ifPresent(children::add));
        return children;
    }

    private boolean within(ManagedObject object, ManagedObjectReference datacenter) {
        if (datacenter == null) {
            return true;
        }
        ManagedObject current = object;
        for (int depth = 0; current != null && depth < 32; depth++) {
            if (Refs.same(current.ref(), datacenter)) {
                return true;
            }
            Object parent = current.get("parent");
            current = parent instanceof ManagedObjectReference ref ? inventory.find(ref).orElse(null) : null;
        }
        return false;
    }
}
