package io.jvirt.spi.xml;

/**
 * Writes XML in libvirt's layout: two-space indentation, single-quoted attributes, empty elements
 * self-closed, every one of {@code & < > ' "} escaped.
 */
public final class XmlWriter {
    private final StringBuilder out = new StringBuilder(1024);
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
            escape(value.toString());
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
        escape(text);
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

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\'' -> out.append("&apos;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
