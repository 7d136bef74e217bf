package io.jvirt.esx.domain;

/**
 * The operations of a domain implemented in sub-packages of this one (snapshots, device changes,
 * clone, console and jobs). They build on this package, so this package must not name them: the
 * connection hands in one {@code DomainExtensions} that makes each for a {@link WriteContext}
 * ({@code io.jvirt.esx.DomainExtensionSet}), and {@link EsxDomain} only sees these interfaces.
 */
public interface DomainExtensions {
    SnapshotOperations snapshots(WriteContext ctx);

    DeviceOperations devices(WriteContext ctx);

    CloneOperation cloner(WriteContext ctx);

    ConsoleOperations console(WriteContext ctx);
}
