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
        if (list.stream().noneMatch(r -> same(r, ref))) {
            list.add(copy(ref));
        }
    }

    static void remove(ManagedObject owner, String property, ManagedObjectReference ref) {
        list(owner, property).removeIf(r -> same(r, ref));
    }
}
