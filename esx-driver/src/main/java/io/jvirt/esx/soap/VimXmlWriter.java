package io.jvirt.esx.soap;

import javax.xml.datatype.XMLGregorianCalendar;
import java.util.Base64;
import java.util.List;

/**
 * Writes vim25 request values as XML text, following the generated classes' JAXB annotations
 * ({@link BeanModel}) as the JAXB runtime writes them: elements in {@code propOrder}, base class
 * first; null values and empty lists left out; an {@code xsi:type} when the value's class is not
 * the declared one (a {@code TraversalSpec} in a list of {@code SelectionSpec}); a managed object
 * reference as {@code <name type="T">value</name>}. Every element is in the vim25 namespace, the
 * default namespace of the operation element.
 */
final class VimXmlWriter {
    private final StringBuilder out;

    VimXmlWriter(StringBuilder out) {
        this.out = out;
    }

    /** Writes {@code value} as element {@code name} (each item for a list; nothing for null). */
    void write(String name, Object value, Class<?> declared) {
        if (value == null) {
            return;
        }
        if (value instanceof List<?> items) {
            for (Object item : items) {
                write(name, item, declared);
            }
            return;
        }
        Class<?> type = value.getClass();
        out.append('<').append(name);
        if (VimXmlReader.isSimple(type) || type.isEnum()) {
            if (declared == Object.class) {
                out.append(" xsi:type=\"").append(xsdName(value)).append('"');
            }
            out.append('>');
            text(simple(value));
            out.append("</").append(name).append('>');
            return;
        }
        BeanModel model = BeanModel.of(type);
        if (type != declared && model.typeName() != null) {
            out.append(" xsi:type=\"").append(model.typeName()).append('"');
        }
        try {
            model.attributes().forEach((attr, field) -> {
                Object v = get(field, value);
                if (v != null) {
                    out.append(' ').append(attr).append("=\"");
                    text(v.toString());
                    out.append('"');
                }
            });
            out.append('>');
            if (model.valueField() != null) {
                Object v = get(model.valueField(), value);
                text(v == null ? "" : v.toString());
            } else {
                for (BeanModel.Property p : model.properties()) {
                    Object v = get(p.field(), value);
                    if (v != null) {
                        write(p.element(), v, p.itemType());
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot write a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        out.append("</").append(name).append('>');
    }

    private static Object get(java.lang.reflect.Field f, Object bean) {
        try {
            return f.get(bean);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + f + ": " + e, e);
        }
    }

    private static String simple(Object v) {
        if (v instanceof Enum<?> e) {
            return BeanModel.of(e.getDeclaringClass()).enumValue(e);
        } else if (v instanceof XMLGregorianCalendar c) {
            return c.toXMLFormat();
        } else if (v instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        return v.toString();
    }

    private static String xsdName(Object v) {
        return switch (v.getClass().getSimpleName()) {
            case "String" -> "xsd:string";
            case "Integer" -> "xsd:int";
            case "Long" -> "xsd:long";
            case "Short" -> "xsd:short";
            case "Byte" -> "xsd:byte";
            case "Boolean" -> "xsd:boolean";
            case "Double" -> "xsd:double";
            case "Float" -> "xsd:float";
            case "BigDecimal" -> "xsd:decimal";
            case "BigInteger" -> "xsd:integer";
            case "byte[]" -> "xsd:base64Binary";
            default -> v instanceof XMLGregorianCalendar ? "xsd:dateTime"
                    : v instanceof Enum<?> e ? BeanModel.of(e.getDeclaringClass()).typeName() : "xsd:anyType";
        };
    }

    /** XML-escapes text or an attribute value; a character XML 1.0 cannot carry is an error, never dropped. */
    void text(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (ch < 0x20 && ch != '\t' && ch != '\n') {
                        throw new IllegalArgumentException(String.format("the text contains the control character U+%04X,"
                                + " which XML cannot carry", (int) ch));
                    }
                    out.append(ch);
                }
            }
        }
    }
}
