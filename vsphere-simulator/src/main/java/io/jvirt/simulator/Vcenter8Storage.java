package io.jvirt.simulator;

import java.util.List;

/**
 * The storage of a vCenter 8 datacenter beyond VMFS and NFS, added to the first datacenter:
 * {@code vsanDatastore} (vSAN) and {@code vvol-ds} (vVol) on every host, one {@code PMemDS-<host>}
 * (PMem, host-local) per host, and {@code future-ds}, a kind no release has, on every host.
 */
final class Vcenter8Storage {
    private Vcenter8Storage() {
    }

    static void add(SimulatorServices services, String datacenterName) {
        Inventory inventory = services.inventory;
        inventory.write(() -> {
            ManagedObject datacenter = inventory.byName("Datacenter", datacenterName)
                    .orElseThrow(() -> new IllegalStateException("no datacenter " + datacenterName));
            List<ManagedObject> hosts = inventory.ofType("HostSystem").stream()
                    .filter(h -> h.internal("datacenter") == datacenter).toList();
            if (hosts.isEmpty()) {
                throw new IllegalStateException("datacenter " + datacenterName + " has no host");
            }
            DatastoreFactory factory = new DatastoreFactory(inventory, services.ids);
            ManagedObject vsan = factory.create("vsanDatastore", DatastoreFactory.Kind.VSAN, datacenter);
            ManagedObject vvol = factory.create("vvol-ds", DatastoreFactory.Kind.VVOL, datacenter);
            for (ManagedObject host : hosts) {
                DatastoreFactory.mount(vsan, host);
                DatastoreFactory.mount(vvol, host);
            }
            for (ManagedObject host : hosts) {
                DatastoreFactory.mount(factory.create("PMemDS-" + host.get("name"), DatastoreFactory.Kind.PMEM, datacenter), host);
            }
            ManagedObject future = factory.create("future-ds", DatastoreFactory.Kind.FUTURE, datacenter);
            for (ManagedObject host : hosts) {
                DatastoreFactory.mount(future, host);
            }
        });
    }
}
