package io.jvirt.esx.soap;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlEnumValue;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one generated vim25 class maps to XML, read from its JAXB annotations the way the JAXB
 * runtime reads them for these classes (field access, {@code propOrder}, base class first):
 * the element of each field, the field's item type and whether it repeats, the
 * {@code @XmlValue}/{@code @XmlAttribute} fields of {@code ManagedObjectReference}, and the
 * constants of an enum by their XML value. Built on a class's first use and kept
 * ({@link ClassValue}); only the classes an answer or a request actually contains are ever
 * looked at, which is what makes a first call in a fresh JVM cheap.
 */
final class BeanModel {
    private static final ClassValue<BeanModel> MODELS = new ClassValue<>() {
        @Override
        protected BeanModel computeValue(Class<?> type) {
            return new BeanModel(type);
        }
    };

    /** One element of a class: the field it fills, its item type, and whether it repeats. */
    record Property(String element, Field field, Class<?> itemType, boolean repeated) {
    }

    private final Class<?> type;
    private final String typeName;
    /** In document order: base class properties first, each class's in its propOrder. */
    private final List<Property> properties;
    private final Map<String, Property> byElement;
    private final Field valueField;
    private final Map<String, Field> attributes;
    private final Map<String, Object> enumConstants;
    private final Constructor<?> constructor;

    private BeanModel(Class<?> type) {
        this.type = type;
        XmlType xmlType = type.getAnnotation(XmlType.class);
        this.typeName = xmlType == null || xmlType.name().isEmpty() ? null : xmlType.name();
        if (type.isEnum()) {
            Map<String, Object> constants = new HashMap<>();
            for (Field f : type.getDeclaredFields()) {
                if (f.isEnumConstant()) {
                    XmlEnumValue v = f.getAnnotation(XmlEnumValue.class);
                    constants.put(v == null ? f.getName() : v.value(), enumConstant(type, f.getName()));
                }
            }
            this.enumConstants = Map.copyOf(constants);
            this.properties = List.of();
            this.byElement = Map.of();
            this.valueField = null;
            this.attributes = Map.of();
            this.constructor = null;
            return;
        }
        this.enumConstants = Map.of();
        List<Property> props = new ArrayList<>();
        Field value = null;
        Map<String, Field> attrs = new LinkedHashMap<>();
        Class<?> superclass = type.getSuperclass();
        if (superclass != null && superclass != Object.class && superclass.isAnnotationPresent(XmlType.class)) {
            props.addAll(of(superclass).properties);
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                continue;
            }
            if (f.isAnnotationPresent(XmlValue.class)) {
                value = accessible(f);
            } else if (f.isAnnotationPresent(XmlAttribute.class)) {
                attrs.put(f.getAnnotation(XmlAttribute.class).name(), accessible(f));
            } else {
                fields.put(f.getName(), f);
            }
        }
        List<String> order = new ArrayList<>();
        if (xmlType != null) {
            for (String name : xmlType.propOrder()) {
                if (!name.isEmpty() && fields.containsKey(name)) {
                    order.add(name);
                }
            }
        }
        for (String name : fields.keySet()) {
            if (!order.contains(name)) {
                order.add(name);
            }
        }
        for (String name : order) {
            props.add(property(fields.get(name)));
        }
        this.properties = List.copyOf(props);
        Map<String, Property> index = new HashMap<>();
        for (Property p : properties) {
            index.put(p.element(), p);
        }
        this.byElement = Map.copyOf(index);
        this.valueField = value;
        this.attributes = Map.copyOf(attrs);
        Constructor<?> c = null;
        if (!Modifier.isAbstract(type.getModifiers()) && !type.isInterface()) {
            try {
                c = type.getDeclaredConstructor();
                c.setAccessible(true);
            } catch (NoSuchMethodException e) {
                c = null;
            }
        }
        this.constructor = c;
    }

    /** The model of a generated class. */
    static BeanModel of(Class<?> type) {
        return MODELS.get(type);
    }

    private static Property property(Field f) {
        XmlElement element = f.getAnnotation(XmlElement.class);
        String name = element == null || element.name().equals("##default") ? f.getName() : element.name();
        boolean repeated = List.class.isAssignableFrom(f.getType());
        Class<?> item = f.getType();
        if (repeated) {
            item = f.getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c
                    ? c : Object.class;
        }
        return new Property(name, accessible(f), item, repeated);
    }

    private static Field accessible(Field f) {
        f.setAccessible(true);
        return f;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    Class<?> type() {
        return type;
    }

    /** The {@code @XmlType} name, or null for an anonymous type (operation wrappers). */
    String typeName() {
        return typeName;
    }

    List<Property> properties() {
        return properties;
    }

    /** The property of a child element, or null for an element this class does not have. */
    Property property(String element) {
        return byElement.get(element);
    }

    /** The {@code @XmlValue} field, or null. */
    Field valueField() {
        return valueField;
    }

    /** The {@code @XmlAttribute} fields by attribute name. */
    Map<String, Field> attributes() {
        return attributes;
    }

    /** The enum constant of an XML value, or null when this enum has none of that value. */
    Object enumConstant(String xmlValue) {
        return enumConstants.get(xmlValue);
    }

    /** The XML value of one of this enum's constants. */
    String enumValue(Object constant) {
        for (Map.Entry<String, Object> e : enumConstants.entrySet()) {
            if (e.getValue() == constant) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException(constant + " is not a constant of " + type.getName());
    }

    /** A new instance (the generated classes have a public no-argument constructor). */
    Object newInstance() {
        if (constructor == null) {
            throw new IllegalStateException(type.getName() + " cannot be instantiated");
        }
        try {
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + type.getName() + ": " + e, e);
        }
    }
}
