package io.jvirt.esx.inventory;

import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.esx.vi.Specs;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.ObjectSpec;

import java.util.List;
import java.util.Objects;

/**
 * The part of the inventory a connection manages (libvirt's "inventory anchor"): a datacenter,
 * and within it one host system (libvirt's only mode), every host of one cluster, or every host
 * of the datacenter (a vpx path that stops at a cluster or datacenter; beyond libvirt).
 *
 * @param kind                what the scope covers
 * @param datacenter          the datacenter
 * @param datacenterPath      its folder-qualified path ({@code dcPath} of file URLs)
 * @param vmFolder            the datacenter's VM folder
 * @param computeResource     the compute resource or cluster, or null for a datacenter scope
 * @param computeResourcePath its path below the host folder, or null
 * @param resourcePool        the compute resource's root pool, or null
 * @param hostSystem          the host for a host scope, else the first host of the scope (may be null
 *                            for an empty cluster or datacenter)
 * @param hosts               properties of every host in the scope, {@code hostSystem} first
 */
public record InventoryScope(Kind kind, ManagedObjectReference datacenter, String datacenterPath,
                             ManagedObjectReference vmFolder, ManagedObjectReference computeResource,
                             String computeResourcePath, ManagedObjectReference resourcePool,
                             ManagedObjectReference hostSystem, List<ObjectProps> hosts) {

    /** What a scope covers. */
    public enum Kind { HOST, CLUSTER, DATACENTER }

    public InventoryScope {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(datacenter, "datacenter");
        Objects.requireNonNull(datacenterPath, "datacenterPath");
        hosts = List.copyOf(hosts);
    }

    /** The properties of the primary host, if the scope has any host. */
    public java.util.Optional<ObjectProps> primaryHost() {
        return hosts.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(hosts.get(0));
    }

    /**
     * Where to start a property-collector search that reaches every VM of the scope in one
     * request: host → vm, cluster → host → vm, datacenter → host folder (recursively) → compute
     * resource → host → vm.
     */
    public ObjectSpec vmSearch() {
        var hostToVm = Specs.traverse("hostToVm", "HostSystem", "vm");
        return switch (kind) {
            case HOST -> Specs.from(hostSystem, true, hostToVm);
            case CLUSTER -> Specs.from(computeResource, true,
                    Specs.traverse("crToHost", "ComputeResource", "host", hostToVm));
            case DATACENTER -> Specs.from(datacenter, true,
                    Specs.traverse("dcToHostFolder", "Datacenter", "hostFolder", Specs.ref("folderToChild")),
                    Specs.traverse("folderToChild", "Folder", "childEntity", Specs.ref("folderToChild"),
                            Specs.ref("crToHost")),
                    Specs.traverse("crToHost", "ComputeResource", "host", hostToVm));
        };
    }
}
