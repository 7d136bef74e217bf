package io.jvirt.simulator;

import io.jvirt.vim25.ArrayOfManagedObjectReference;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.ObjectSpec;
import io.jvirt.vim25.SelectionSpec;
import io.jvirt.vim25.TraversalSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Finds the objects an ObjectSpec selects, following TraversalSpecs and named SelectionSpecs. */
final class ObjectWalker {

    private final Inventory inventory;

    ObjectWalker(Inventory inventory) {
        this.inventory = inventory;
    }

    /** The selected objects in discovery order (must be called under the inventory lock). */
    List<ManagedObject> walk(ObjectSpec spec, Caller caller) {
        ManagedObject root = inventory.require(spec.getObj());
        Map<String, TraversalSpec> named = new HashMap<>();
        collectNamed(spec.getSelectSet(), named);
        Map<String, ManagedObject> found = new LinkedHashMap<>();
        if (!Boolean.TRUE.equals(spec.isSkip())) {
            found.put(root.toString(), root);
        }
        visit(root, spec.getSelectSet(), named, found, new HashSet<>(), caller);
        return new ArrayList<>(found.values());
    }

    private void visit(ManagedObject object, List<SelectionSpec> selectSet, Map<String, TraversalSpec> named,
                       Map<String, ManagedObject> found, Set<String> visited, Caller caller) {
        for (SelectionSpec selection : selectSet) {
            TraversalSpec traversal = selection instanceof TraversalSpec t ? t : named.get(selection.getName());
            if (traversal == null || !TypeHierarchy.isA(object.type(), traversal.getType())) {
                continue;
            }
            for (ManagedObjectReference ref : references(object.get(traversal.getPath(), caller))) {
                Optional<ManagedObject> child = inventory.find(ref);
                if (child.isEmpty()) {
                    continue;
                }
                if (!Boolean.TRUE.equals(traversal.isSkip())) {
                    found.putIfAbsent(child.get().toString(), child.get());
                }
                if (visited.add(traversal.getName() + "|" + traversal.getPath() + "|" + child.get())) {
                    visit(child.get(), traversal.getSelectSet(), named, found, visited, caller);
                }
            }
        }
    }

    private static List<ManagedObjectReference> references(Object value) {
        if (value instanceof ManagedObjectReference ref) {
            return List.of(ref);
        }
        if (value instanceof ArrayOfManagedObjectReference array) {
            return array.getManagedObjectReference();
        }
        return List.of();
    }

    private static void collectNamed(List<SelectionSpec> selectSet, Map<String, TraversalSpec> named) {
        for (SelectionSpec selection : selectSet) {
            if (selection instanceof TraversalSpec traversal) {
                if (traversal.getName() != null && named.putIfAbsent(traversal.getName(), traversal) == null) {
                    collectNamed(traversal.getSelectSet(), named);
                } else if (traversal.getName() == null) {
                    collectNamed(traversal.getSelectSet(), named);
                }
            }
        }
    }
}
