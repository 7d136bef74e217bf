package io.jvirt.simulator;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * Deep copies of vim25 data objects. Property values are copied under the inventory lock, so
 * that Metro marshals a snapshot while tasks keep changing the live objects.
 */
final class DeepCopy {

    private final Map<Class<?>, List<Field>> fields = new ConcurrentHashMap<>();

    Object of(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value instanceof Character) {
            return value;
        }
        if (value instanceof XMLGregorianCalendar calendar) {
            return calendar.clone();
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(of(item)));
            return copy;
        }
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        if (!value.getClass().getPackageName().equals("io.jvirt.vim25")) {
            return value;
        }
        try {
            Object copy = value.getClass().getConstructor().newInstance();
            for (Field field : fieldsOf(value.getClass())) {
                field.set(copy, of(field.get(value)));
            }
            return copy;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + value.getClass().getName(), e);
        }
    }

    private List<Field> fieldsOf(Class<?> type) {
        return fields.computeIfAbsent(type, t -> {
            List<Field> result = new ArrayList<>();
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        field.setAccessible(true);
                        result.add(field);
                    }
                }
            }
            return result;
        });
    }
}
