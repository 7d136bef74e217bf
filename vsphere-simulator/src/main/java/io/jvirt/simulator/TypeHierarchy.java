package io.jvirt.simulator;

import java.util.Map;

/**
 * The managed object type hierarchy of vim25 as far as property-collector type matching needs it
 * (a spec for {@code ComputeResource} also matches a {@code ClusterComputeResource}; VMware's
 * vim25 reference gives each managed object's base type). Used by the in-JVM simulator and by
 * the replay server of recorded answers.
 */
public final class TypeHierarchy {

    private static final Map<String, String> PARENT = Map.ofEntries(
            Map.entry("Folder", "ManagedEntity"),
            Map.entry("StoragePod", "Folder"),
            Map.entry("Datacenter", "ManagedEntity"),
            Map.entry("ComputeResource", "ManagedEntity"),
            Map.entry("ClusterComputeResource", "ComputeResource"),
            Map.entry("HostSystem", "ManagedEntity"),
            Map.entry("VirtualMachine", "ManagedEntity"),
            Map.entry("ResourcePool", "ManagedEntity"),
            Map.entry("VirtualApp", "ResourcePool"),
            Map.entry("Datastore", "ManagedEntity"),
            Map.entry("Network", "ManagedEntity"),
            Map.entry("DistributedVirtualPortgroup", "Network"),
            Map.entry("OpaqueNetwork", "Network"),
            Map.entry("DistributedVirtualSwitch", "ManagedEntity"),
            Map.entry("VmwareDistributedVirtualSwitch", "DistributedVirtualSwitch"),
            Map.entry("ManagedEntity", "ExtensibleManagedObject"),
            Map.entry("ContainerView", "ManagedObjectView"),
            Map.entry("ManagedObjectView", "View"));

    private TypeHierarchy() {
    }

    /** True if {@code type} is {@code wanted} or one of its subtypes. */
    public static boolean isA(String type, String wanted) {
        for (String t = type; t != null; t = PARENT.get(t)) {
            if (t.equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
