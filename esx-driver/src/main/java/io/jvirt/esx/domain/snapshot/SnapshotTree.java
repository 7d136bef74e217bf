package io.jvirt.esx.domain.snapshot;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.VirtualMachineSnapshotTree;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The snapshot tree walks of esx-spec 2.10, all depth-first pre-order over
 * {@code snapshot.rootSnapshotList}: find by name (with the parent), find by MOR, count and
 * names with the {@code recurse}/{@code leaves} rules.
 */
public final class SnapshotTree {
    private SnapshotTree() {
    }

    /** A node and the node whose child list holds it (null for a root). */
    public record Found(VirtualMachineSnapshotTree node, VirtualMachineSnapshotTree parent) {
    }

    /** The first node named {@code name} (exact, case-sensitive), node before its children before its next sibling. */
    public static Optional<Found> findByName(List<VirtualMachineSnapshotTree> list, String name) {
        return findByName(list, name, null);
    }

    private static Optional<Found> findByName(List<VirtualMachineSnapshotTree> list, String name,
                                              VirtualMachineSnapshotTree parent) {
        for (VirtualMachineSnapshotTree node : list) {
            if (name.equals(node.getName())) {
                return Optional.of(new Found(node, parent));
            }
            Optional<Found> below = findByName(node.getChildSnapshotList(), name, node);
            if (below.isPresent()) {
                return below;
            }
        }
        return Optional.empty();
    }

    /** Like {@link #findByName} but {@code NO_DOMAIN_SNAPSHOT} when absent. */
    public static Found requireByName(List<VirtualMachineSnapshotTree> list, String name) {
        return findByName(list, name).orElseThrow(() -> new HypervisorException(ErrorCode.NO_DOMAIN_SNAPSHOT,
                ErrorDomain.ESX, "Could not find snapshot with name '" + name + "'"));
    }

    /** The node whose {@code snapshot} MOR has this value; {@code NO_DOMAIN_SNAPSHOT} when absent. */
    public static VirtualMachineSnapshotTree requireByMor(List<VirtualMachineSnapshotTree> list,
                                                          ManagedObjectReference snapshot) {
        return findByMor(list, snapshot.getValue()).orElseThrow(() -> new HypervisorException(
                ErrorCode.NO_DOMAIN_SNAPSHOT, ErrorDomain.ESX,
                "Could not find domain snapshot with internal name '" + snapshot.getValue() + "'"));
    }

    static Optional<VirtualMachineSnapshotTree> findByMor(List<VirtualMachineSnapshotTree> list, String value) {
        for (VirtualMachineSnapshotTree node : list) {
            if (node.getSnapshot() != null && value.equals(node.getSnapshot().getValue())) {
                return Optional.of(node);
            }
            Optional<VirtualMachineSnapshotTree> below = findByMor(node.getChildSnapshotList(), value);
            if (below.isPresent()) {
                return below;
            }
        }
        return Optional.empty();
    }

    /** Nodes counted: all, or only leaves; the subtrees too when {@code recurse}. */
    public static int count(List<VirtualMachineSnapshotTree> list, boolean recurse, boolean leaves) {
        int count = 0;
        for (VirtualMachineSnapshotTree node : list) {
            if (!leaves || node.getChildSnapshotList().isEmpty()) {
                count++;
            }
            if (recurse) {
                count += count(node.getChildSnapshotList(), true, leaves);
            }
        }
        return count;
    }

    /** The names {@link #count} counts, in pre-order, at most {@code max}. */
    public static List<String> names(List<VirtualMachineSnapshotTree> list, int max, boolean recurse, boolean leaves) {
        List<String> out = new ArrayList<>();
        names(list, max, recurse, leaves, out);
        return out;
    }

    private static void names(List<VirtualMachineSnapshotTree> list, int max, boolean recurse, boolean leaves,
                              List<String> out) {
        for (VirtualMachineSnapshotTree node : list) {
            if (out.size() >= max) {
                return;
            }
            if (!leaves || node.getChildSnapshotList().isEmpty()) {
                out.add(node.getName());
            }
            if (recurse) {
                names(node.getChildSnapshotList(), max, true, leaves, out);
            }
        }
    }
}
