package io.jvirt.spi.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read-only element of a parsed XML document, with the line it started on so that errors can
 * point at it. Produced by {@link SafeXml#parse(String)}.
 */
public final class XmlNode {
    private final String namespace;
    private final String name;
    private final int line;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<XmlNode> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    XmlNode(String namespace, String name, int line) {
        this.namespace = namespace == null ? "" : namespace;
        this.name = name;
        this.line = line;
    }

    void addAttribute(String attrName, String value) {
        attributes.put(attrName, value);
    }

    void addChild(XmlNode child) {
        children.add(child);
    }

    void appendText(char[] ch, int start, int length) {
        text.append(ch, start, length);
    }

    /** The namespace URI, empty for none. */
    public String namespace() {
        return namespace;
    }

    /** The local name. */
    public String name() {
        return name;
    }

    /** The line the start tag is on (1-based), or -1 when unknown. */
    public int line() {
        return line;
    }

    /** The attribute (without namespace) or null. */
    public String attr(String attrName) {
        return attributes.get(attrName);
    }

    /** The text directly inside this element (child elements' text excluded). */
    public String text() {
        return text.toString();
    }

    public List<XmlNode> children() {
        return children;
    }

    /** The first child without namespace of that name, or null. */
    public XmlNode child(String childName) {
        for (XmlNode c : children) {
            if (c.namespace.isEmpty() && c.name.equals(childName)) {
                return c;
            }
        }
        return null;
    }

    /** All children without namespace of that name. */
    public List<XmlNode> children(String childName) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.namespace.isEmpty() && c.name.equals(childName)) {
                out.add(c);
            }
        }
        return out;
    }
}
