package io.jvirt.simulator;

/** Managed object ids in the style of the simulated product: ESX ("42", "ha-host") or vCenter ("vm-42"). */
final class IdStyle {

    private final boolean esx;
    private final Inventory inventory;

    IdStyle(boolean esx, Inventory inventory) {
        this.esx = esx;
        this.inventory = inventory;
    }

    boolean esx() {
        return esx;
    }

    String vm() {
        return esx ? String.valueOf(inventory.nextNumber()) : "vm-" + inventory.nextNumber();
    }

    String snapshot(ManagedObject vm) {
        return esx ? vm.value() + "-snapshot-" + inventory.nextNumber() : "snapshot-" + inventory.nextNumber();
    }

    String network(String name) {
        return esx ? "HaNetwork-" + name : "network-" + inventory.nextNumber();
    }

    /** A vCenter-style id; on ESX the fixed name is used. */
    String of(String vcenterPrefix, String esxName) {
        return esx ? esxName : vcenterPrefix + "-" + inventory.nextNumber();
    }
}
