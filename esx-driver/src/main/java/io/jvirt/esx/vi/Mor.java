package io.jvirt.esx.vi;

import io.jvirt.vim25.ManagedObjectReference;

/** Helpers for {@link ManagedObjectReference}s (the generated class has no equals). */
public final class Mor {
    private Mor() {
    }

    public static ManagedObjectReference of(String type, String value) {
        ManagedObjectReference m = new ManagedObjectReference();
        m.setType(type);
        m.setValue(value);
        return m;
    }

    public static boolean same(ManagedObjectReference a, ManagedObjectReference b) {
        return a != null && b != null && a.getValue().equals(b.getValue()) && a.getType().equals(b.getType());
    }

    public static String text(ManagedObjectReference m) {
        return m == null ? "null" : m.getType() + ":" + m.getValue();
    }
}
