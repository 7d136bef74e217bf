package io.jvirt.esx;

import io.jvirt.esx.console.DomainConsole;
import io.jvirt.esx.domain.CloneOperation;
import io.jvirt.esx.domain.ConsoleOperations;
import io.jvirt.esx.domain.DeviceOperations;
import io.jvirt.esx.domain.DomainExtensions;
import io.jvirt.esx.domain.SnapshotOperations;
import io.jvirt.esx.domain.WriteContext;
import io.jvirt.esx.domain.clone.DomainCloner;
import io.jvirt.esx.domain.devices.DeviceWrites;
import io.jvirt.esx.domain.snapshot.DomainSnapshots;

import java.time.Clock;

/** Wires the domain operations of the sub-packages into the domain sub-driver (see {@link DomainExtensions}). */
final class DomainExtensionSet implements DomainExtensions {
    private final Clock clock;

    DomainExtensionSet(Clock clock) {
        this.clock = clock;
    }

    @Override
    public SnapshotOperations snapshots(WriteContext ctx) {
        return new DomainSnapshots(ctx, clock);
    }

    @Override
    public DeviceOperations devices(WriteContext ctx) {
        return new DeviceWrites(ctx);
    }

    @Override
    public CloneOperation cloner(WriteContext ctx) {
        return new DomainCloner(ctx);
    }

    @Override
    public ConsoleOperations console(WriteContext ctx) {
        return new DomainConsole(ctx, clock);
    }
}
