package io.jvirt.spi.readonly;

import io.jvirt.spi.Connection;
import io.jvirt.spi.ProgressListener;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A fake driver made of dynamic proxies: every call on any of its handles is recorded as
 * {@code Type.method}, handles return further recording handles, and {@code connection()}
 * returns the one recording connection. Lets a test see whether a call reached the "driver".
 */
final class RecordingHandles {
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final Connection connection = (Connection) handle(Connection.class);

    Object handle(Class<?> type) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "Recording" + type.getSimpleName();
                };
            }
            calls.add(type.getSimpleName() + "." + m.getName());
            return answer(m);
        });
    }

    private Object answer(Method m) {
        Class<?> r = m.getReturnType();
        if (r == Connection.class) {
            return connection;
        }
        if (ReadOnlyHandles.HANDLE_TYPES.contains(r)) {
            return handle(r);
        }
        if (r == List.class) {
            Type element = ((ParameterizedType) m.getGenericReturnType()).getActualTypeArguments()[0];
            return element instanceof Class<?> c && ReadOnlyHandles.HANDLE_TYPES.contains(c) ? List.of(handle(c), handle(c))
                    : List.of();
        }
        return defaultValue(r);
    }

    /** A harmless value of each parameter or return type the API uses. */
    static Object defaultValue(Class<?> t) {
        if (t == boolean.class) {
            return false;
        }
        if (t == int.class) {
            return 0;
        }
        if (t == long.class) {
            return 0L;
        }
        if (t == String.class) {
            return "x";
        }
        if (t == UUID.class) {
            return new UUID(0, 0);
        }
        if (t == Set.class) {
            return Set.of();
        }
        if (t == List.class) {
            return List.of();
        }
        if (t == ProgressListener.class) {
            return ProgressListener.NONE;
        }
        if (t == java.io.InputStream.class) {
            return new ByteArrayInputStream(new byte[0]);
        }
        if (t == OutputStream.class) {
            return OutputStream.nullOutputStream();
        }
        if (t.isEnum()) {
            return t.getEnumConstants()[0];
        }
        return null;
    }

    /** Arguments for {@code m}: default values, handles from this fake for handle parameters. */
    Object[] arguments(Method m) {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = ReadOnlyHandles.HANDLE_TYPES.contains(types[i]) ? handle(types[i]) : defaultValue(types[i]);
        }
        return args;
    }
}
