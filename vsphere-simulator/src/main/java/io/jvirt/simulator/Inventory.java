package io.jvirt.simulator;

import io.jvirt.vim25.ManagedObjectReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The in-memory inventory: every managed object by reference, guarded by one monitor.
 * Every write bumps a version number and wakes property-collector long polls and tasks
 * waiting for an answer to a question.
 */
final class Inventory {

    private final Map<String, ManagedObject> objects = new LinkedHashMap<>();
    private long version;
    private long nextId = 1;

    synchronized ManagedObject add(ManagedObject object) {
        objects.put(key(object.type(), object.value()), object);
        changed();
        return object;
    }

    synchronized void remove(ManagedObjectReference ref) {
        objects.remove(key(ref.getType(), ref.getValue()));
        changed();
    }

    synchronized Optional<ManagedObject> find(ManagedObjectReference ref) {
        if (ref == null || ref.getType() == null || ref.getValue() == null) {
            return Optional.empty();
        }
        ManagedObject exact = objects.get(key(ref.getType(), ref.getValue()));
        if (exact != null) {
            return Optional.of(exact);
        }
        // Clients may name a subtype by its supertype (ComputeResource for a cluster).
        return objects.values().stream()
                .filter(o -> o.value().equals(ref.getValue())
                        && (TypeHierarchy.isA(o.type(), ref.getType()) || TypeHierarchy.isA(ref.getType(), o.type())))
                .findFirst();
    }

    /** The object, or a ManagedObjectNotFound fault. */
    synchronized ManagedObject require(ManagedObjectReference ref) {
        return find(ref).orElseThrow(() -> VimFaults.objectNotFound(ref == null ? Refs.of("ManagedObject", "null") : ref));
    }

    synchronized ManagedObject require(ManagedObjectReference ref, String type) {
        ManagedObject object = require(ref);
        if (!TypeHierarchy.isA(object.type(), type)) {
            throw VimFaults.invalidArgument("_this");
        }
        return object;
    }

    synchronized List<ManagedObject> ofType(String type) {
        List<ManagedObject> result = new ArrayList<>();
        for (ManagedObject o : objects.values()) {
            if (TypeHierarchy.isA(o.type(), type)) {
                result.add(o);
            }
        }
        return result;
    }

    synchronized Optional<ManagedObject> byName(String type, String name) {
        return ofType(type).stream().filter(o -> name.equals(o.get("name"))).findFirst();
    }

    /** Runs a read under the inventory lock. */
    synchronized <T> T read(Supplier<T> reader) {
        return reader.get();
    }

    /** Runs a change under the inventory lock and announces it. */
    synchronized <T> T write(Supplier<T> writer) {
        try {
            return writer.get();
        } finally {
            changed();
        }
    }

    synchronized void write(Runnable writer) {
        try {
            writer.run();
        } finally {
            changed();
        }
    }

    synchronized long version() {
        return version;
    }

    /** Waits (releasing the lock) until the version passes {@code seen} or the time is up. */
    synchronized long awaitChange(long seen, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (version <= seen) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return version;
    }

    /** Waits (releasing the lock) until the condition holds; checked after every change. */
    synchronized void awaitCondition(Supplier<Boolean> condition) throws InterruptedException {
        while (!condition.get()) {
            wait(1000);
        }
    }

    synchronized String nextId(String prefix) {
        return prefix + (nextId++);
    }

    synchronized long nextNumber() {
        return nextId++;
    }

    private void changed() {
        version++;
        notifyAll();
    }

    private static String key(String type, String value) {
        return type + ":" + value;
    }
}
