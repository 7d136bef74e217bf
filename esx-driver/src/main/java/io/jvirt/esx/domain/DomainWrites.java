package io.jvirt.esx.domain;

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
    private final DeviceOperations devices;
    private final CloneOperation cloner;
    private final ConsoleOperations console;

    public DomainWrites(WriteContext ctx, DomainExtensions extensions) {
        this.ctx = ctx;
        this.lifecycle = new DomainLifecycle(ctx);
        this.reconfigure = new DomainReconfigure(ctx);
        this.snapshots = extensions.snapshots(ctx);
        this.devices = extensions.devices(ctx);
        this.cloner = extensions.cloner(ctx);
        this.console = extensions.console(ctx);
        this.definer = new DomainDefiner(ctx, devices);
        this.migration = new Migration(ctx);
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
    public DeviceOperations devices() {
        return devices;
    }

    public CloneOperation cloner() {
        return cloner;
    }

    /** Screen, keys, console URL and jobs. */
    public ConsoleOperations console() {
        return console;
    }

    public Migration migration() {
        return migration;
    }

    @Override
    public String toString() {
        return "DomainWrites[" + ctx + "]";
    }
}
