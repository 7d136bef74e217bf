package io.jvirt.vim25.typing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads values whose {@code xsi:type} this client does not bind (a newer vSphere than the
 * subset, or a type the subset leaves out) as the nearest type it does bind, instead of as DOM
 * elements or an error. Wrap every reader that JAXB will read vim25 answers from with
 * {@link #filter}; the rules are those of {@link XsiTypeFallbackReader}.
 *
 * <p>Each type that falls back is reported once per instance as a warning naming the type and
 * what it was read as (System.Logger {@code io.jvirt.vim25.typing}, level WARNING), so a long
 * session polling the same server says it once. One instance per connection.
 */
public final class XsiTypeFallback {
    private static final System.Logger LOG = System.getLogger("io.jvirt.vim25.typing");

    private final VimTypeHierarchy hierarchy;
    private final Consumer<String> warnings;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    private XsiTypeFallback(VimTypeHierarchy hierarchy, Consumer<String> warnings) {
        this.hierarchy = hierarchy;
        this.warnings = warnings;
    }

    /** Fallback with the standard hierarchy, warning through System.Logger. */
    public static XsiTypeFallback create() {
        return new XsiTypeFallback(VimTypeHierarchy.standard(), m -> LOG.log(System.Logger.Level.WARNING, m));
    }

    /** Fallback with the standard hierarchy, handing each first-time warning to {@code warnings}. */
    public static XsiTypeFallback create(Consumer<String> warnings) {
        return new XsiTypeFallback(VimTypeHierarchy.standard(), warnings);
    }

    /** Fallback with a given hierarchy (tests use one with types no release has). */
    static XsiTypeFallback create(VimTypeHierarchy hierarchy, Consumer<String> warnings) {
        return new XsiTypeFallback(hierarchy, warnings);
    }

    /** A reader showing {@code reader}'s events with unknown vim25 types replaced. */
    public XMLStreamReader filter(XMLStreamReader reader) {
        return new XsiTypeFallbackReader(reader, this);
    }

    VimTypeHierarchy hierarchy() {
        return hierarchy;
    }

    void fellBack(String from, String to) {
        if (reported.add(from + "\u0000" + to)) {
            warnings.accept("vSphere sent type '" + from + "', which this client does not bind; read as '" + to + "'");
        } else {
            LOG.log(System.Logger.Level.DEBUG, () -> "type '" + from + "' read as '" + to + "'");
        }
    }
}
