package io.jvirt.simulator;

import io.jvirt.vim25.ManagedObjectReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One managed object of the simulated inventory: its reference and its top-level properties.
 * Values are vim25 data objects (mutated in place under the inventory lock) or
 * {@link DerivedProperty} instances computed when read.
 */
final class ManagedObject {

    private final ManagedObjectReference ref;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Map<String, Object> internal = new LinkedHashMap<>();

    ManagedObject(String type, String value) {
        this.ref = Refs.of(type, value);
    }

    ManagedObjectReference ref() {
        return Refs.copy(ref);
    }

    String type() {
        return ref.getType();
    }

    String value() {
        return ref.getValue();
    }

    ManagedObject set(String name, Object value) {
        if (value == null) {
            properties.remove(name);
        } else {
            properties.put(name, value);
        }
        return this;
    }

    ManagedObject derive(String name, DerivedProperty value) {
        properties.put(name, value);
        return this;
    }

    /** The stored value (derived values are computed for {@code caller}); null when unset. */
    Object get(String name, Caller caller) {
        Object value = properties.get(name);
        return value instanceof DerivedProperty derived ? derived.value(caller) : value;
    }

    Object get(String name) {
        return get(name, Caller.SYSTEM);
    }

    boolean has(String name) {
        return properties.containsKey(name);
    }

    Set<String> names() {
        return properties.keySet();
    }

    @SuppressWarnings("unchecked")
    <T> T require(String name, Class<T> type) {
        Object value = get(name);
        if (!type.isInstance(value)) {
            throw new IllegalStateException(ref.getType() + " " + ref.getValue() + " has no " + name);
        }
        return (T) value;
    }

    /** Simulator-only state attached to the object, never visible as a property. */
    ManagedObject setInternal(String name, Object value) {
        internal.put(name, value);
        return this;
    }

    @SuppressWarnings("unchecked")
    <T> T internal(String name, Class<T> type) {
        Object value = internal.get(name);
        if (!type.isInstance(value)) {
            throw new IllegalStateException(this + " has no internal " + name);
        }
        return (T) value;
    }

    Object internal(String name) {
        return internal.get(name);
    }

    @Override
    public String toString() {
        return ref.getType() + ":" + ref.getValue();
    }

    /** A property computed at read time, possibly depending on who reads it. */
    @FunctionalInterface
    interface DerivedProperty {
        Object value(Caller caller);
    }
}
