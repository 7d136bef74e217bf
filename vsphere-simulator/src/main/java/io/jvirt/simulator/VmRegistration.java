package io.jvirt.simulator;

import io.jvirt.vim25.ArrayOfManagedObjectReference;
import io.jvirt.vim25.DuplicateName;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.VirtualMachinePowerState;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** RegisterVM_Task: builds a VM from the uploaded .vmx (name, memory, CPUs, uuid, guest, network). */
final class VmRegistration {

    private final Inventory inventory;
    private final Datastores datastores;
    private final VmFactory factory;
    private final Tasks tasks;

    VmRegistration(Inventory inventory, Datastores datastores, VmFactory factory, Tasks tasks) {
        this.inventory = inventory;
        this.datastores = datastores;
        this.factory = factory;
        this.tasks = tasks;
    }

    ManagedObjectReference register(ManagedObjectReference folderRef, String path, String name, boolean asTemplate,
                                    ManagedObjectReference poolRef, ManagedObjectReference hostRef, Caller caller) {
        ManagedObject folder = inventory.require(folderRef, "Folder");
        return tasks.start(folder, "Folder.registerVm", caller, () -> {
            if (asTemplate) {
                throw VimFaults.notSupported("Templates are not supported by the simulator.");
            }
            DatastorePath vmxPath = DatastorePath.parse(path);
            ManagedObject datastore = datastores.byName(vmxPath.datastore());
            byte[] content = datastores.files(vmxPath).read(vmxPath.path())
                    .orElseThrow(() -> VimFaults.fileNotFound(vmxPath.toString())).content();
            Map<String, String> vmx = VmxText.parse(new String(content, StandardCharsets.UTF_8));
            String vmName = name != null ? name : vmx.getOrDefault("displayname", vmxPath.fileName().replaceFirst("\\.vmx$", ""));
            requireUniqueName(folder, vmName);
            ManagedObject host = hostRef != null ? inventory.require(hostRef, "HostSystem") : defaultHost(poolRef);
            ManagedObject pool = poolRef != null ? inventory.require(poolRef, "ResourcePool") : poolOf(host);
            String uuid = Optional.ofNullable(VmxText.canonicalUuid(vmx.get("uuid.bios"))).orElse(UUID.randomUUID().toString());
            ManagedObject network = networkOf(host, vmx.get("ethernet0.networkname"));
            VmDefinition definition = new VmDefinition(vmName, uuid, parseInt(vmx.get("memsize"), 32), parseInt(vmx.get("numvcpus"), 1),
                    VmxText.guestId(vmx.get("guestos")), vmx.getOrDefault("ethernet0.generatedaddress",
                    vmx.getOrDefault("ethernet0.address", "00:0c:29:00:00:01")), String.valueOf(network.get("name")),
                    vmx.getOrDefault("scsi0:0.filename", vmName + ".vmdk"), vmx.getOrDefault("annotation", ""));
            VmFactory.Placement placement = new VmFactory.Placement(host, pool, folder, datastore, network);
            return factory.register(definition, vmxPath.toString(), placement, VirtualMachinePowerState.POWERED_OFF).ref();
        });
    }

    private void requireUniqueName(ManagedObject folder, String name) {
        for (ManagedObjectReference child : Refs.list(folder, "childEntity")) {
            if (inventory.find(child).map(c -> name.equals(c.get("name"))).orElse(false)) {
                DuplicateName fault = new DuplicateName();
                fault.setName(name);
                fault.setObject(child);
                throw new VimFaultException(fault, "The name '" + name + "' already exists.");
            }
        }
    }

    private ManagedObject defaultHost(ManagedObjectReference poolRef) {
        if (poolRef != null) {
            ManagedObject pool = inventory.require(poolRef, "ResourcePool");
            ManagedObject owner = inventory.require((ManagedObjectReference) pool.get("owner"));
            return inventory.require(Refs.list(owner, "host").get(0));
        }
        return inventory.ofType("HostSystem").stream().findFirst().orElseThrow(() -> VimFaults.invalidArgument("host"));
    }

    private ManagedObject poolOf(ManagedObject host) {
        ManagedObject computeResource = inventory.require((ManagedObjectReference) host.get("parent"));
        return inventory.require((ManagedObjectReference) computeResource.get("resourcePool"));
    }

    private ManagedObject networkOf(ManagedObject host, String networkName) {
        Object networks = host.get("network");
        ManagedObject first = null;
        if (networks instanceof ArrayOfManagedObjectReference array) {
            for (ManagedObjectReference ref : array.getManagedObjectReference()) {
                ManagedObject network = inventory.require(ref);
                if (first == null) {
                    first = network;
                }
                if (network.get("name").equals(networkName)) {
                    return network;
                }
            }
        }
        if (first == null) {
            throw VimFaults.notFound("The host has no network.");
        }
        return first;
    }

    private static int parseInt(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
