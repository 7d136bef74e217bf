package io.jvirt.simulator;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves property paths such as {@code config.hardware.memoryMB} against a managed object:
 * the first segment names a stored property, the rest follow the vim25 data object getters.
 */
final class PropertyPaths {

    /** A resolved path: the value (null when unset) and the declared Java type of the last step. */
    record Resolved(Object value, Type declaredType) {
    }

    private final Map<String, Optional<Method>> getters = new ConcurrentHashMap<>();

    /** Empty when the path names no property of this object (an invalid property). */
    Optional<Resolved> resolve(ManagedObject object, String path, Caller caller) {
        String[] segments = path.split("\\.");
        if (!object.has(segments[0])) {
            return Optional.empty();
        }
        Object current = object.get(segments[0], caller);
        Type declared = current == null ? Object.class : current.getClass();
        for (int i = 1; i < segments.length; i++) {
            if (current == null) {
                return Optional.of(new Resolved(null, Object.class));
            }
            Optional<Method> getter = getter(current.getClass(), segments[i]);
            if (getter.isEmpty()) {
                return Optional.empty();
            }
            try {
                declared = getter.get().getGenericReturnType();
                current = getter.get().invoke(current);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + path, e);
            }
        }
        return Optional.of(new Resolved(current, declared));
    }

    private Optional<Method> getter(Class<?> type, String name) {
        return getters.computeIfAbsent(type.getName() + "#" + name, k -> findGetter(type, name));
    }

    private static Optional<Method> findGetter(Class<?> type, String name) {
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String prefix : new String[] {"get", "is"}) {
            try {
                return Optional.of(type.getMethod(prefix + capitalized));
            } catch (NoSuchMethodException e) {
                // try the next prefix
            }
        }
        return Optional.empty();
    }
}
