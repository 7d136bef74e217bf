package io.jvirt.simulator;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * Turns property values into what goes into {@code DynamicProperty.val}: lists become the
 * matching {@code ArrayOfXxx} wrapper, everything else is sent as is (JAXB adds xsi:type).
 */
final class WireValues {

    private static final Map<Class<?>, String> PRIMITIVE_ARRAYS = Map.of(
            String.class, "ArrayOfString",
            Integer.class, "ArrayOfInt",
            Long.class, "ArrayOfLong",
            Short.class, "ArrayOfShort",
            Boolean.class, "ArrayOfBoolean",
            Byte.class, "ArrayOfByte");

    private WireValues() {
    }

    /** The wire form, or null if a list of this element type cannot be represented. */
    static Object toWire(Object value, Type declaredType) {
        if (!(value instanceof List<?> list)) {
            return value;
        }
        Class<?> element = elementType(list, declaredType);
        if (element == null) {
            return null;
        }
        String arrayName = PRIMITIVE_ARRAYS.getOrDefault(element, "ArrayOf" + element.getSimpleName());
        try {
            Class<?> arrayClass = Class.forName("io.jvirt.vim25." + arrayName);
            Object array = arrayClass.getConstructor().newInstance();
            Method getter = listGetter(arrayClass);
            @SuppressWarnings("unchecked")
            List<Object> items = (List<Object>) getter.invoke(array);
            items.addAll(list);
            return array;
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException
                 | IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static Class<?> elementType(List<?> list, Type declaredType) {
        if (declaredType instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return list.isEmpty() ? null : list.get(0).getClass();
    }

    private static Method listGetter(Class<?> arrayClass) throws NoSuchMethodException {
        for (Method m : arrayClass.getMethods()) {
            if (m.getName().startsWith("get") && m.getParameterCount() == 0 && List.class.isAssignableFrom(m.getReturnType())) {
                return m;
            }
        }
        throw new NoSuchMethodException(arrayClass.getName() + " has no list getter");
    }
}
