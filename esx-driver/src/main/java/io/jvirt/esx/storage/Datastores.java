package io.jvirt.esx.storage;

import io.jvirt.esx.vi.PropertyReader;
import io.jvirt.esx.vi.Specs;
import io.jvirt.vim25.ManagedObjectReference;

import java.util.List;
import java.util.Optional;

/** Reads the host's datastores: all of them in one request, or one by its reference. */
final class Datastores {
    private final StorageContext ctx;

    Datastores(StorageContext ctx) {
        this.ctx = ctx;
    }

    /** Every datastore mounted on the host ({@code HostSystem.datastore}), one request. */
    List<DatastoreFacts> all() {
        ManagedObjectReference host = ctx.host();
        if (host == null) {
            return List.of();
        }
        return PropertyReader.retrieve(ctx.session(), Specs.filter(
                        Specs.from(host, true, Specs.traverse("hostToDatastore", "HostSystem", "datastore")),
                        Specs.props("Datastore", DatastoreFacts.PROPERTIES)))
                .stream().map(ds -> DatastoreFacts.of(ds, host)).toList();
    }

    Optional<DatastoreFacts> byName(String name) {
        return all().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** One datastore read directly (one request); empty when it vanished. */
    Optional<DatastoreFacts> read(ManagedObjectReference datastore) {
        return PropertyReader.retrieve(ctx.session(), Specs.filter(Specs.from(datastore, false),
                        Specs.props("Datastore", DatastoreFacts.PROPERTIES)))
                .stream().findFirst().map(ds -> DatastoreFacts.of(ds, ctx.host()));
    }
}
