package io.jvirt.esx.domain;

import java.util.function.Function;

/**
 * The write side of the domain sub-driver, one object per concern; {@link EsxDomain} and
 * {@code EsxConnection} delegate to it.
 */
public final class DomainWrites {
    private final WriteContext ctx;
    private final DomainLifecycle lifecycle;
    private final DomainReconfigure reconfigure;
    private final SnapshotOperations snapshots;
    private final DomainDefiner definer;
    private final Migration migration;
    private final io.jvirt.esx.domain.devices.DeviceWrites devices;

    public DomainWrites(WriteContext ctx, Function<WriteContext, SnapshotOperations> snapshots) {
        this.ctx = ctx;
        this.lifecycle = new DomainLifecycle(ctx);
        this.reconfigure = new DomainReconfigure(ctx);
        this.snapshots = snapshots.apply(ctx);
        this.definer = new DomainDefiner(ctx);
        this.migration = new Migration(ctx);
        this.devices = new io.jvirt.esx.domain.devices.DeviceWrites(ctx);
    }

    public WriteContext context() {
        return ctx;
    }

    public DomainLifecycle lifecycle() {
        return lifecycle;
    }

    public DomainReconfigure reconfigure() {
        return reconfigure;
    }

    public SnapshotOperations snapshots() {
        return snapshots;
    }

    public DomainDefiner definer() {
        return definer;
    }

    /** Device changes and redefinition of existing domains. */
    public io.jvirt.esx.domain.devices.DeviceWrites devices() {
        return devices;
    }

    public Migration migration() {
        return migration;
    }

    @Override
    public String toString() {
        return "DomainWrites[" + ctx + "]";
    }
}
