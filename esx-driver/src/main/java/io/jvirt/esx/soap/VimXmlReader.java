package io.jvirt.esx.soap;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads vim25 values from a StAX reader into the generated classes, following the classes' JAXB
 * annotations ({@link BeanModel}) with the JAXB runtime's rules for them: elements are matched
 * by local name, unknown elements are skipped (a newer server sends more), {@code xsi:type}
 * chooses the subclass (or, in an {@code xsd:anyType} element, the Java type: {@code xsd:int} is
 * an {@link Integer}, {@code ArrayOfString} an {@code ArrayOfString}), {@code xsi:nil} is null,
 * an enum value no constant has is null, and an {@code xsd:anyType} element without a type is
 * kept as a DOM {@link Element}. Malformed values (a number that is not one) are errors naming
 * the element, not silently dropped.
 */
final class VimXmlReader {
    static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    /** vim25 type name -> generated class (absent: not bound). */
    private static final Map<String, Class<?>> TYPES = new ConcurrentHashMap<>();
    private static final Class<?> UNBOUND = Void.class;
    private static final String VIM25_PACKAGE = io.jvirt.vim25.ManagedObjectReference.class.getPackageName();

    private final XMLStreamReader r;

    VimXmlReader(XMLStreamReader reader) {
        this.r = reader;
    }

    /**
     * Reads the element the reader is at (a START_ELEMENT) as a value of {@code declared} and
     * leaves the reader at its END_ELEMENT.
     */
    Object read(Class<?> declared) throws XMLStreamException {
        if ("true".equals(r.getAttributeValue(XSI, "nil"))) {
            skip();
            return null;
        }
        Class<?> actual = declared;
        String xsiType = r.getAttributeValue(XSI, "type");
        if (xsiType != null) {
            Class<?> typed = typeOf(xsiType.strip());
            if (typed != null && (declared == Object.class || wrapper(declared).isAssignableFrom(typed))) {
                actual = typed;
            }
        }
        if (actual == Object.class) {
            return dom();
        }
        if (isSimple(actual)) {
            return simple(actual, r.getElementText());
        }
        BeanModel model = BeanModel.of(actual);
        if (actual.isEnum()) {
            return model.enumConstant(r.getElementText().strip());
        }
        if (model.type().isInterface() || java.lang.reflect.Modifier.isAbstract(model.type().getModifiers())) {
            skip(); // an abstract type without a usable xsi:type: nothing to instantiate
            return null;
        }
        Object bean = model.newInstance();
        try {
            for (Map.Entry<String, java.lang.reflect.Field> a : model.attributes().entrySet()) {
                String v = unqualifiedAttribute(a.getKey());
                if (v != null) {
                    a.getValue().set(bean, v);
                }
            }
            if (model.valueField() != null) {
                model.valueField().set(bean, r.getElementText());
                return bean;
            }
            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                BeanModel.Property p = model.property(r.getLocalName());
                if (p == null) {
                    skip();
                    continue;
                }
                Object value = read(p.itemType());
                if (p.repeated()) {
                    if (value != null) {
                        list(p, bean).add(value);
                    }
                } else if (value != null || !p.field().getType().isPrimitive()) {
                    p.field().set(bean, value);
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot fill " + actual.getName() + ": " + e, e);
        }
        return bean;
    }

    /**
     * The attribute of this name in no namespace ({@code getAttributeValue(null, name)} would
     * also match {@code xsi:type} for "type").
     */
    private String unqualifiedAttribute(String name) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String ns = r.getAttributeNamespace(i);
            if ((ns == null || ns.isEmpty()) && name.equals(r.getAttributeLocalName(i))) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(BeanModel.Property p, Object bean) throws IllegalAccessException {
        List<Object> list = (List<Object>) p.field().get(bean);
        if (list == null) {
            list = new ArrayList<>();
            p.field().set(bean, list);
        }
        return list;
    }

    /** Like {@link XMLStreamReader#nextTag()}, with a message naming the element on text. */
    int nextTag() throws XMLStreamException {
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT:
                    return event;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE:
                    if (!r.isWhiteSpace()) {
                        throw new XMLStreamException("unexpected text inside element '" + parentName() + "'", r.getLocation());
                    }
                    break;
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION:
                    break;
                case XMLStreamConstants.END_DOCUMENT:
                    throw new XMLStreamException("the answer ends inside an element", r.getLocation());
                default:
                    throw new XMLStreamException("unexpected XML content", r.getLocation());
            }
        }
    }

    private String parentName() {
        return r.hasName() ? r.getLocalName() : "?";
    }

    /** Skips the element the reader is at, with everything inside. */
    void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("the answer ends inside an element", r.getLocation());
            }
        }
    }

    /** The class of an {@code xsi:type} value ({@code xsd:int}, {@code vim25:ArrayOfString}, {@code VirtualMachineConfigInfo}). */
    private Class<?> typeOf(String qname) {
        int colon = qname.indexOf(':');
        String prefix = colon < 0 ? XMLConstants.DEFAULT_NS_PREFIX : qname.substring(0, colon);
        String local = qname.substring(colon + 1);
        String ns = r.getNamespaceContext().getNamespaceURI(prefix);
        if (XSD.equals(ns)) {
            return xsdType(local);
        }
        return vimType(local);
    }

    /** The generated class of a vim25 type name, or null. */
    static Class<?> vimType(String name) {
        Class<?> c = TYPES.computeIfAbsent(name, VimXmlReader::findVimType);
        return c == UNBOUND ? null : c;
    }

    private static Class<?> findVimType(String name) {
        // XJC's class names: the type name, with a letter after a digit capitalised (VirtualE1000e -> VirtualE1000E)
        for (String candidate : new String[] {name, xjcName(name)}) {
            try {
                Class<?> c = Class.forName(VIM25_PACKAGE + "." + candidate, false, VimXmlReader.class.getClassLoader());
                jakarta.xml.bind.annotation.XmlType t = c.getAnnotation(jakarta.xml.bind.annotation.XmlType.class);
                if (t != null && t.name().equals(name)) {
                    return c;
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next spelling
            }
        }
        return UNBOUND;
    }

    private static String xjcName(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            sb.append(i == 0 || Character.isDigit(name.charAt(i - 1)) ? Character.toUpperCase(ch) : ch);
        }
        return sb.toString();
    }

    private static Class<?> xsdType(String local) {
        return switch (local) {
            case "string", "anyURI", "normalizedString", "token", "ID", "NCName", "Name", "language" -> String.class;
            case "int", "unsignedShort" -> Integer.class;
            case "long", "unsignedInt" -> Long.class;
            case "short", "unsignedByte" -> Short.class;
            case "byte" -> Byte.class;
            case "boolean" -> Boolean.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "decimal" -> BigDecimal.class;
            case "integer", "unsignedLong", "nonNegativeInteger", "positiveInteger", "negativeInteger",
                 "nonPositiveInteger" -> BigInteger.class;
            case "dateTime", "date", "time" -> XMLGregorianCalendar.class;
            case "base64Binary" -> byte[].class;
            default -> null;
        };
    }

    static boolean isSimple(Class<?> c) {
        return c == String.class || c.isPrimitive() || c == Boolean.class || c == Integer.class || c == Long.class
                || c == Short.class || c == Byte.class || c == Double.class || c == Float.class
                || c == XMLGregorianCalendar.class || c == byte[].class || c == BigDecimal.class || c == BigInteger.class;
    }

    private static Class<?> wrapper(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return switch (c.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "boolean" -> Boolean.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            default -> c;
        };
    }

    /** The value of a simple-typed element's text, with the XML Schema lexical rules. */
    private Object simple(Class<?> type, String text) throws XMLStreamException {
        if (type == String.class) {
            return text;
        }
        String t = text.strip();
        try {
            Class<?> w = wrapper(type);
            if (w == Integer.class) {
                return Integer.valueOf(number(t));
            } else if (w == Long.class) {
                return Long.valueOf(number(t));
            } else if (w == Short.class) {
                return Short.valueOf(number(t));
            } else if (w == Byte.class) {
                return Byte.valueOf(number(t));
            } else if (w == Boolean.class) {
                return switch (t) {
                    case "true", "1" -> Boolean.TRUE;
                    case "false", "0" -> Boolean.FALSE;
                    default -> throw new NumberFormatException();
                };
            } else if (w == Double.class) {
                return Double.valueOf(floating(t));
            } else if (w == Float.class) {
                return Float.valueOf(floating(t));
            } else if (w == BigDecimal.class) {
                return new BigDecimal(number(t));
            } else if (w == BigInteger.class) {
                return new BigInteger(number(t));
            } else if (w == XMLGregorianCalendar.class) {
                return Datatypes.FACTORY.newXMLGregorianCalendar(t);
            } else if (w == byte[].class) {
                return Base64.getMimeDecoder().decode(t);
            }
        } catch (IllegalArgumentException e) {
            throw new XMLStreamException("element '" + r.getLocalName() + "' has the value '" + shorten(t)
                    + "', which is not a valid " + type.getSimpleName(), r.getLocation());
        }
        throw new IllegalStateException("no reader for " + type);
    }

    private static String number(String t) {
        return t.startsWith("+") ? t.substring(1) : t;
    }

    private static String floating(String t) {
        return switch (t) {
            case "INF" -> "Infinity";
            case "-INF" -> "-Infinity";
            default -> t;
        };
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /** The JDK's DatatypeFactory, made on the first date in an answer (the service look-up costs). */
    private static final class Datatypes {
        static final DatatypeFactory FACTORY = create();

        private static DatatypeFactory create() {
            try {
                return DatatypeFactory.newDefaultInstance();
            } catch (RuntimeException e) {
                throw new IllegalStateException("no XML datatype factory: " + e.getMessage(), e);
            }
        }
    }

    /** The element the reader is at as a DOM element (an untyped {@code xsd:anyType} value). */
    private Element dom() throws XMLStreamException {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            doc = f.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new XMLStreamException("cannot keep an untyped value: " + e.getMessage(), e);
        }
        Element root = element(doc);
        Node at = root;
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    Element child = element(doc);
                    at.appendChild(child);
                    at = child;
                    depth++;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    at = at.getParentNode();
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        at.appendChild(doc.createTextNode(r.getText()));
                case XMLStreamConstants.END_DOCUMENT ->
                        throw new XMLStreamException("the answer ends inside an element", r.getLocation());
                default -> {
                }
            }
        }
        return root;
    }

    private Element element(Document doc) {
        String prefix = r.getPrefix();
        Element e = doc.createElementNS(r.getNamespaceURI(),
                prefix == null || prefix.isEmpty() ? r.getLocalName() : prefix + ":" + r.getLocalName());
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            String p = r.getNamespacePrefix(i);
            e.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, p == null || p.isEmpty() ? "xmlns" : "xmlns:" + p,
                    r.getNamespaceURI(i));
        }
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String p = r.getAttributePrefix(i);
            String ns = r.getAttributeNamespace(i);
            e.setAttributeNS(ns == null || ns.isEmpty() ? null : ns,
                    p == null || p.isEmpty() ? r.getAttributeLocalName(i) : p + ":" + r.getAttributeLocalName(i),
                    r.getAttributeValue(i));
        }
        return e;
    }
}
