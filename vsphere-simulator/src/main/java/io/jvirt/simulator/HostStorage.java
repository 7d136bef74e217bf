package io.jvirt.simulator;

import io.jvirt.vim25.HostConfigInfo;
import io.jvirt.vim25.ManagedObjectReference;
import java.util.concurrent.atomic.AtomicInteger;

/** The HostStorageSystem: RescanHba of a known adapter (counted, nothing else changes). */
final class HostStorage {

    private final Inventory inventory;
    private final AtomicInteger rescans = new AtomicInteger();

    HostStorage(Inventory inventory) {
        this.inventory = inventory;
    }

    void rescanHba(ManagedObjectReference systemRef, String device) {
        inventory.read(() -> {
            ManagedObject host = inventory.require(systemRef, "HostStorageSystem").internal("host", ManagedObject.class);
            boolean known = host.require("config", HostConfigInfo.class).getStorageDevice().getHostBusAdapter().stream()
                    .anyMatch(hba -> hba.getDevice().equals(device));
            if (!known) {
                throw VimFaults.notFound("The host bus adapter " + device + " was not found.");
            }
            return rescans.incrementAndGet();
        });
    }

    int rescanCount() {
        return rescans.get();
    }
}
