package io.jvirt.spi.xml;

/**
 * Writes XML in libvirt's layout: two-space indentation, single-quoted attributes, empty elements
 * self-closed, every one of {@code & < > ' "} escaped, characters XML 1.0 cannot carry dropped.
 */
public final class XmlWriter {
    private final StringBuilder out = new StringBuilder(4096);
    private int depth;
    private boolean tagOpen;

    /** Starts {@code <name}; add attributes, then {@link #open()} or {@link #close()}... */
    public XmlWriter start(String name) {
        indent();
        out.append('<').append(name);
        tagOpen = true;
        return this;
    }

    /** Adds an attribute to the element just started; null values are skipped. */
    public XmlWriter attr(String name, Object value) {
        if (value != null) {
            out.append(' ').append(name).append("='");
            escape(value.toString(), true);
            out.append('\'');
        }
        return this;
    }

    /** Ends the start tag: children follow, then {@link #end(String)}. */
    public XmlWriter open() {
        out.append(">\n");
        tagOpen = false;
        depth++;
        return this;
    }

    /** Self-closes the element just started. */
    public XmlWriter close() {
        out.append("/>\n");
        tagOpen = false;
        return this;
    }

    /** Ends the start tag, writes escaped text and the end tag on the same line. */
    public XmlWriter text(String name, String text) {
        out.append('>');
        escape(text, false);
        out.append("</").append(name).append(">\n");
        tagOpen = false;
        return this;
    }

    /** Convenience: {@code <name>text</name>} on one line. */
    public XmlWriter element(String name, Object text) {
        if (text != null) {
            start(name).text(name, text.toString());
        }
        return this;
    }

    public XmlWriter end(String name) {
        depth--;
        indent();
        out.append("</").append(name).append(">\n");
        return this;
    }

    private void indent() {
        if (tagOpen) {
            throw new IllegalStateException("start tag not finished");
        }
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    private void escape(String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\'' -> out.append("&apos;");
                case '"' -> out.append("&quot;");
                // kept through a parse: XML normalizes a raw CR to LF
                case '\r' -> out.append("&#13;");
                // attribute values would have them normalized to spaces
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        if (Character.isSurrogate(c)) {
                            // keep well-formed pairs, drop lone halves (not representable in XML)
                            if (Character.isHighSurrogate(c) && i + 1 < s.length()
                                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                                out.append(c).append(s.charAt(++i));
                            }
                        } else if (c != 0xFFFE && c != 0xFFFF) {
                            out.append(c);
                        }
                    }
                    // other control characters cannot appear in XML 1.0 and are dropped, as libvirt does
                }
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
