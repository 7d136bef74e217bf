package io.jvirt.simulator;

import io.jvirt.vim25.ArrayOfManagedObjectReference;
import io.jvirt.vim25.ManagedObjectReference;
import java.util.List;

/** Small helpers for managed object references. */
final class Refs {

    private Refs() {
    }

    static ManagedObjectReference of(String type, String value) {
        ManagedObjectReference ref = new ManagedObjectReference();
        ref.setType(type);
        ref.setValue(value);
        return ref;
    }

    static ManagedObjectReference copy(ManagedObjectReference ref) {
        return ref == null ? null : of(ref.getType(), ref.getValue());
    }

    static boolean same(ManagedObjectReference a, ManagedObjectReference b) {
        return a != null && b != null && a.getValue().equals(b.getValue()) && a.getType().equals(b.getType());
    }

    static ArrayOfManagedObjectReference array(List<ManagedObjectReference> refs) {
        ArrayOfManagedObjectReference array = new ArrayOfManagedObjectReference();
        refs.forEach(r -> array.getManagedObjectReference().add(copy(r)));
        return array;
    }

    static ArrayOfManagedObjectReference emptyArray() {
        return new ArrayOfManagedObjectReference();
    }

    /** The list inside a stored ArrayOfManagedObjectReference property (created when absent). */
    static List<ManagedObjectReference> list(ManagedObject owner, String property) {
        Object value = owner.get(property);
        if (value instanceof ArrayOfManagedObjectReference array) {
            return array.getManagedObjectReference();
        }
        ArrayOfManagedObjectReference array = new ArrayOfManagedObjectReference();
        owner.set(property, array);
        return array.getManagedObjectReference();
    }

    static void add(ManagedObject owner, String property, ManagedObjectReference ref) {
        List<ManagedObjectReference> list = list(owner, property);
        // a plain loop, not a stream: building 10,000 VMs adds each to five such lists
        for (int i = 0, n = list.size(); i < n; i++) {
            if (same(list.get(i), ref)) {
                return;
            }
        }
        list.add(copy(ref));
    }

    /**
     * Adds the reference of an object just created under a new id, which no list can hold yet:
     * no search for a duplicate (registering 10,000 VMs searched five lists per VM).
     */
    static void addNew(ManagedObject owner, String property, ManagedObjectReference ref) {
        list(owner, property).add(copy(ref));
    }

    static void remove(ManagedObject owner, String property, ManagedObjectReference ref) {
        list(owner, property).removeIf(r -> same(r, ref));
    }
}
