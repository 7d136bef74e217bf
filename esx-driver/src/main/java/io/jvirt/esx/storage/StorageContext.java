package io.jvirt.esx.storage;

import io.jvirt.esx.inventory.InventoryScope;
import io.jvirt.esx.vi.ProductLine;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.spi.Connection;
import io.jvirt.vim25.ManagedObjectReference;

/**
 * What the storage backends work with: the connection (for handles), the session, and the
 * inventory scope whose primary host system decides which datastores and HBAs are pools.
 */
record StorageContext(Connection connection, VimSession session, InventoryScope scope) {

    /** The host whose datastores and iSCSI targets are the pools. */
    ManagedObjectReference host() {
        return scope.hostSystem();
    }

    /** The datacenter passed to every datastore-relative call. */
    ManagedObjectReference datacenter() {
        return scope.datacenter();
    }

    /**
     * Whether {@code QueryVirtualDiskUuid} may be used: libvirt assumes it on ESX hosts only
     * (esx-spec 7.1), and so do we.
     */
    boolean hasQueryVirtualDiskUuid() {
        return session.productLine() == ProductLine.ESX;
    }
}
