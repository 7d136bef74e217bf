package io.jvirt.simulator;

import io.jvirt.vim25.AboutInfo;
import io.jvirt.vim25.ArrayOfString;
import io.jvirt.vim25.ManagedEntityStatus;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.ServiceContent;
import io.jvirt.vim25.VirtualMachinePowerState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Builds the start-up inventory of either model, with names matching VMware's vcsim so tests can
 * run against both simulators: ESX (ha-datacenter, localhost.localdomain, LocalDS_0, ha-host_VM0...)
 * or vCenter (DC0, cluster DC0_C0 with hosts DC0_C0_H0.., standalone host DC0_H0, VMs DC0_H0_VM0...,
 * DC0_C0_RP0_VM0...), optionally plus folder F0 / datacenter DC1 / host folder F1 / host DC1_H0.
 * The NFS datastore nfs-iso holds an ISO and a floppy image. Even-numbered VMs start powered on.
 */
final class InventoryBuilder {

    private final Inventory inventory;
    private final IdStyle ids;
    private final SimulatorModel model;
    private final HostFactory hosts;
    private final DatastoreFactory datastores;
    private final VmFactory vms;
    private final HostNetwork network;

    InventoryBuilder(Inventory inventory, IdStyle ids, SimulatorModel model, HostNetwork network) {
        this.inventory = inventory;
        this.ids = ids;
        this.model = model;
        AboutInfo product = ServiceObjects.about(SimulatorModel.ESX);
        this.hosts = new HostFactory(inventory, ids, product);
        this.datastores = new DatastoreFactory(inventory, ids);
        this.vms = new VmFactory(inventory, ids);
        this.network = network;
    }

    VmFactory vmFactory() {
        return vms;
    }

    /** Builds everything and returns the ServiceContent. */
    ServiceContent build(int vmCount, int clusterHosts, boolean nestedFolders) {
        boolean esx = model == SimulatorModel.ESX;
        ManagedObject root = folder(esx ? "ha-folder-root" : "group-d1", esx ? "ha-folder-root" : "Datacenters", null,
                "Folder", "Datacenter");
        ServiceContent content = ServiceObjects.content(model, root);
        serviceObjects(content);
        ManagedObject datacenter = datacenter(esx ? "ha-datacenter" : "DC0", root);
        ManagedObject hostFolder = inventory.require((ManagedObjectReference) datacenter.get("hostFolder"));
        ManagedObject vmFolder = inventory.require((ManagedObjectReference) datacenter.get("vmFolder"));
        ManagedObject localDs = datastores.create("LocalDS_0", DatastoreFactory.Kind.VMFS, datacenter);
        ManagedObject isoDs = datastores.create("nfs-iso", DatastoreFactory.Kind.NFS, datacenter);
        isoDs.internal("files", DatastoreFiles.class).write("ubuntu-22.04-server.iso", "ISO".getBytes(StandardCharsets.US_ASCII), 1_474_873_344L);
        isoDs.internal("files", DatastoreFiles.class).write("boot.flp", new byte[0], 1_474_560L);
        if (esx) {
            ManagedObject cr = computeResource("ComputeResource", ids.of("domain-s", "ha-compute-res"), "localhost.localdomain", hostFolder);
            ManagedObject host = host(new HostFactory.HostSpec("localhost.localdomain", "localhost", "localdomain", "127.0.0.1", null),
                    datacenter, cr, List.of(localDs, isoDs));
            for (int i = 0; i < vmCount; i++) {
                vm("ha-host_VM" + i, i, host, cr, vmFolder, localDs);
            }
        } else {
            ManagedObject cluster = computeResource("ClusterComputeResource", ids.of("domain-c", ""), "DC0_C0", hostFolder);
            List<ManagedObject> clusterHostList = new ArrayList<>();
            for (int h = 0; h < clusterHosts; h++) {
                clusterHostList.add(host(new HostFactory.HostSpec("DC0_C0_H" + h, "dc0-c0-h" + h, "example.test",
                        "127.0.0." + (h + 2), "127.0.0.1"), datacenter, cluster, List.of(localDs, isoDs)));
            }
            ManagedObject standalone = computeResource("ComputeResource", ids.of("domain-s", ""), "DC0_H0", hostFolder);
            ManagedObject standaloneHost = host(new HostFactory.HostSpec("DC0_H0", "dc0-h0", "example.test", "127.0.0.1", "127.0.0.1"),
                    datacenter, standalone, List.of(localDs, isoDs));
            for (int i = 0; i < vmCount; i++) {
                vm("DC0_H0_VM" + i, i, standaloneHost, standalone, vmFolder, localDs);
            }
            for (int i = 0; i < vmCount && !clusterHostList.isEmpty(); i++) {
                vm("DC0_C0_RP0_VM" + i, i, clusterHostList.get(i % clusterHostList.size()), cluster, vmFolder, localDs);
            }
            if (nestedFolders) {
                nestedDatacenter(root);
            }
        }
        return content;
    }

    /** Folder F0 / datacenter DC1 / host folder F1 / standalone host DC1_H0 (path F0/DC1/F1/DC1_H0). */
    private void nestedDatacenter(ManagedObject root) {
        ManagedObject f0 = folder(ids.of("group-d", ""), "F0", root, "Folder", "Datacenter");
        ManagedObject datacenter = datacenter("DC1", f0);
        ManagedObject hostFolder = inventory.require((ManagedObjectReference) datacenter.get("hostFolder"));
        ManagedObject f1 = folder(ids.of("group-h", ""), "F1", hostFolder, "Folder", "ComputeResource");
        ManagedObject ds = datastores.create("LocalDS_1", DatastoreFactory.Kind.VMFS, datacenter);
        ManagedObject cr = computeResource("ComputeResource", ids.of("domain-s", ""), "DC1_H0", f1);
        host(new HostFactory.HostSpec("DC1_H0", "dc1-h0", "example.test", "127.0.1.1", "127.0.0.1"), datacenter, cr, List.of(ds));
    }

    private void serviceObjects(ServiceContent content) {
        inventory.add(new ManagedObject("ServiceInstance", "ServiceInstance"));
        ManagedObject sessionManager = new ManagedObject(content.getSessionManager().getType(), content.getSessionManager().getValue());
        sessionManager.derive("currentSession", caller -> caller.authenticated() ? caller.session().userSession() : null);
        sessionManager.set("message", "");
        inventory.add(sessionManager);
        for (ManagedObjectReference ref : List.of(content.getPropertyCollector(), content.getViewManager(), content.getSearchIndex(),
                content.getFileManager(), content.getVirtualDiskManager(), content.getTaskManager(), content.getEventManager(),
                content.getPerfManager())) {
            inventory.add(new ManagedObject(ref.getType(), ref.getValue()));
        }
        ManagedObject about = inventory.require(content.getPropertyCollector());
        about.set("filter", Refs.emptyArray());
    }

    private ManagedObject folder(String id, String name, ManagedObject parent, String... childTypes) {
        ManagedObject folder = new ManagedObject("Folder", id);
        folder.set("name", name);
        if (parent != null) {
            folder.set("parent", parent.ref());
        }
        folder.set("childEntity", Refs.emptyArray());
        ArrayOfString types = new ArrayOfString();
        types.getString().addAll(List.of(childTypes));
        folder.set("childType", types);
        folder.set("overallStatus", ManagedEntityStatus.GREEN);
        inventory.add(folder);
        if (parent != null) {
            Refs.add(parent, "childEntity", folder.ref());
        }
        return folder;
    }

    private ManagedObject datacenter(String name, ManagedObject root) {
        boolean esx = model == SimulatorModel.ESX;
        ManagedObject datacenter = new ManagedObject("Datacenter", ids.of("datacenter", "ha-datacenter"));
        datacenter.set("name", name);
        datacenter.set("parent", root.ref());
        datacenter.set("overallStatus", ManagedEntityStatus.GREEN);
        datacenter.set("datastore", Refs.emptyArray());
        datacenter.set("network", Refs.emptyArray());
        inventory.add(datacenter);
        Refs.add(root, "childEntity", datacenter.ref());
        datacenter.set("vmFolder", subFolder(esx ? "ha-folder-vm" : ids.of("group-v", ""), "vm", datacenter, "Folder", "VirtualMachine"));
        datacenter.set("hostFolder", subFolder(esx ? "ha-folder-host" : ids.of("group-h", ""), "host", datacenter, "Folder",
                "ComputeResource"));
        datacenter.set("datastoreFolder", subFolder(esx ? "ha-folder-datastore" : ids.of("group-s", ""), "datastore", datacenter,
                "Folder", "Datastore"));
        datacenter.set("networkFolder", subFolder(esx ? "ha-folder-network" : ids.of("group-n", ""), "network", datacenter,
                "Folder", "Network"));
        return datacenter;
    }

    private ManagedObjectReference subFolder(String id, String name, ManagedObject datacenter, String... childTypes) {
        ManagedObject folder = folder(id, name, null, childTypes);
        folder.set("parent", datacenter.ref());
        return folder.ref();
    }

    private ManagedObject computeResource(String type, String id, String name, ManagedObject hostFolder) {
        boolean esx = model == SimulatorModel.ESX;
        ManagedObject cr = new ManagedObject(type, id);
        cr.set("name", name);
        cr.set("parent", hostFolder.ref());
        cr.set("host", Refs.emptyArray());
        cr.set("datastore", Refs.emptyArray());
        cr.set("network", Refs.emptyArray());
        cr.set("overallStatus", ManagedEntityStatus.GREEN);
        ManagedObject pool = new ManagedObject("ResourcePool", ids.of("resgroup", "ha-root-pool"));
        pool.set("name", "Resources");
        pool.set("parent", cr.ref());
        pool.set("owner", cr.ref());
        pool.set("vm", Refs.emptyArray());
        pool.set("resourcePool", Refs.emptyArray());
        pool.set("overallStatus", ManagedEntityStatus.GREEN);
        cr.set("resourcePool", pool.ref());
        inventory.add(cr);
        inventory.add(pool);
        Refs.add(hostFolder, "childEntity", cr.ref());
        if (!esx && "ClusterComputeResource".equals(type)) {
            cr.set("configurationEx", null);
        }
        return cr;
    }

    private ManagedObject host(HostFactory.HostSpec spec, ManagedObject datacenter, ManagedObject cr, List<ManagedObject> dsList) {
        ManagedObject host = hosts.create(spec, datacenter, cr);
        for (ManagedObject ds : dsList) {
            DatastoreFactory.mount(ds, host);
            Refs.add(cr, "datastore", ds.ref());
        }
        ManagedObject vmNetwork = network.addNetworkObject(host, "VM Network");
        Refs.add(cr, "network", vmNetwork.ref());
        return host;
    }

    private void vm(String name, int index, ManagedObject host, ManagedObject cr, ManagedObject vmFolder, ManagedObject ds) {
        ManagedObject pool = inventory.require((ManagedObjectReference) cr.get("resourcePool"));
        ManagedObject datacenter = host.internal("datacenter", ManagedObject.class);
        ManagedObject vmNetwork = Refs.list(datacenter, "network").stream().map(inventory::require)
                .filter(n -> "VM Network".equals(n.get("name"))).findFirst().orElseThrow();
        String uuid = UUID.nameUUIDFromBytes(("vm-" + name).getBytes(StandardCharsets.UTF_8)).toString();
        String mac = String.format(Locale.ROOT, "00:0c:29:%02x:%02x:%02x", (uuid.hashCode() >> 16) & 0xff,
                (uuid.hashCode() >> 8) & 0xff, index & 0xff);
        VmDefinition definition = new VmDefinition(name, uuid, 32 * (1 << (index % 4)), 1 + index % 2, "otherLinux64Guest", mac,
                "VM Network", name + ".vmdk", "Simulated VM " + name);
        VirtualMachinePowerState state = index % 2 == 0 ? VirtualMachinePowerState.POWERED_ON : VirtualMachinePowerState.POWERED_OFF;
        ManagedObject vm = vms.createWithFiles(definition, new VmFactory.Placement(host, pool, vmFolder, ds, vmNetwork), state);
        HostNetwork.attachVm(host, "VM Network", mac);
        vm.setInternal("toolsInstalled", Boolean.TRUE);
    }
}
