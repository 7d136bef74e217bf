package io.jvirt.simulator;

import io.jvirt.vim25.ManagedObjectReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
    /**
     * The same objects by concrete type, then by value, each with its insertion number: {@link #ofType}
     * and the supertype lookup of {@link #find} visit only the types that match instead of every
     * object (an inventory of 10,000 VMs looked up its datastores once per VM it created).
     */
    private final Map<String, Map<String, Indexed>> byType = new HashMap<>();
    private long added;
    private long version;
    private long nextId = 1;

    private record Indexed(long number, ManagedObject object) {
    }

    synchronized ManagedObject add(ManagedObject object) {
        objects.put(key(object.type(), object.value()), object);
        Map<String, Indexed> ofThisType = byType.computeIfAbsent(object.type(), t -> new LinkedHashMap<>());
        Indexed previous = ofThisType.get(object.value());
        // a replaced object keeps its place, as in the insertion-ordered map of all objects
        ofThisType.put(object.value(), new Indexed(previous == null ? added++ : previous.number(), object));
        changed();
        return object;
    }

    synchronized void remove(ManagedObjectReference ref) {
        objects.remove(key(ref.getType(), ref.getValue()));
        Map<String, Indexed> ofThisType = byType.get(ref.getType());
        if (ofThisType != null) {
            ofThisType.remove(ref.getValue());
        }
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
        // Clients may name a subtype by its supertype (ComputeResource for a cluster): the first
        // object added with this value whose type is related either way.
        Indexed first = null;
        for (Map.Entry<String, Map<String, Indexed>> type : byType.entrySet()) {
            if (TypeHierarchy.isA(type.getKey(), ref.getType()) || TypeHierarchy.isA(ref.getType(), type.getKey())) {
                Indexed candidate = type.getValue().get(ref.getValue());
                if (candidate != null && (first == null || candidate.number() < first.number())) {
                    first = candidate;
                }
            }
        }
        return Optional.ofNullable(first).map(Indexed::object);
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

    /** The objects of this type and its subtypes, in the order they were added. */
    synchronized List<ManagedObject> ofType(String type) {
        List<Map<String, Indexed>> matching = new ArrayList<>();
        for (Map.Entry<String, Map<String, Indexed>> concrete : byType.entrySet()) {
            if (!concrete.getValue().isEmpty() && TypeHierarchy.isA(concrete.getKey(), type)) {
                matching.add(concrete.getValue());
            }
        }
        List<ManagedObject> result = new ArrayList<>();
        if (matching.size() == 1) {
            for (Indexed i : matching.get(0).values()) {
                result.add(i.object());
            }
            return result;
        }
        List<Indexed> merged = new ArrayList<>();
        matching.forEach(m -> merged.addAll(m.values()));
        merged.sort(Comparator.comparingLong(Indexed::number));
        merged.forEach(i -> result.add(i.object()));
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
