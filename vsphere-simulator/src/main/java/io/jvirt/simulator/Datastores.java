package io.jvirt.simulator;

import io.jvirt.vim25.DatastoreSummary;
import io.jvirt.vim25.ManagedObjectReference;

/** Finds datastores and their files by name or datastore path; refreshes free space. */
final class Datastores {

    private final Inventory inventory;

    Datastores(Inventory inventory) {
        this.inventory = inventory;
    }

    ManagedObject byName(String name) {
        return inventory.byName("Datastore", name).orElseThrow(() -> VimFaults.invalidDatastore(name));
    }

    DatastoreFiles files(String datastoreName) {
        return byName(datastoreName).internal("files", DatastoreFiles.class);
    }

    DatastoreFiles files(DatastorePath path) {
        return files(path.datastore());
    }

    /** RefreshDatastore: nothing is cached, but the call must name a datastore. */
    void refresh(ManagedObjectReference datastore) {
        inventory.write(() -> {
            ManagedObject ds = inventory.require(datastore, "Datastore");
            ds.require("summary", DatastoreSummary.class);
        });
    }
}
