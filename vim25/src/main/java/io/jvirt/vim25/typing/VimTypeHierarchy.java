package io.jvirt.vim25.typing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What this client knows about vim25 types: the full type hierarchy VMware publishes (the
 * generated {@code vim-type-hierarchy.txt}) and the names our WSDL subset binds. From these it
 * answers which bound type a value of any published type is read as: the type itself when the
 * subset has it, otherwise its nearest ancestor that the subset has.
 *
 * <p>Immutable and shared: {@link #standard()} loads the resources once. Answers name bound types
 * almost only, and {@link #isBound} is all that reading them asks, so the standard hierarchy
 * starts from the short list of bound type names ({@code vim-bound-types.txt}, checked against
 * {@code vim-types.xsd} by a test) and reads the published table and the schemas on the first
 * question about anything else (the first type that falls back): that is most of the cost of a
 * first answer in a fresh JVM otherwise.
 */
public final class VimTypeHierarchy {
    static final String TABLE = "/io/jvirt/vim25/typing/vim-type-hierarchy.txt";
    static final String BOUND_TYPES = "/io/jvirt/vim25/typing/vim-bound-types.txt";
    static final String TYPES_XSD = "/io/jvirt/vim25/wsdl/vim-types.xsd";
    static final String MESSAGES_XSD = "/io/jvirt/vim25/wsdl/vim-messages.xsd";
    private static final String ROOT = "-";

    private final Set<String> boundTypes;
    /** The published table, the bound global elements and the anyType elements; read on first use. */
    private volatile Rest rest;

    private record Rest(Map<String, String> baseOf, Set<String> boundElements, Set<String> anyTypeElements) {
    }

    VimTypeHierarchy(Map<String, String> baseOf, Set<String> boundTypes, Set<String> boundElements,
                     Set<String> anyTypeElements) {
        this.boundTypes = Set.copyOf(boundTypes);
        this.rest = new Rest(Map.copyOf(baseOf), Set.copyOf(boundElements), Set.copyOf(anyTypeElements));
    }

    private VimTypeHierarchy(Set<String> boundTypes) {
        this.boundTypes = Set.copyOf(boundTypes);
    }

    private Rest rest() {
        Rest r = rest;
        if (r == null) {
            synchronized (this) {
                r = rest;
                if (r == null) {
                    SchemaNames types = SchemaNames.read(TYPES_XSD);
                    SchemaNames messages = SchemaNames.read(MESSAGES_XSD);
                    r = new Rest(Map.copyOf(readTable()), Set.copyOf(messages.elements),
                            Set.copyOf(types.anyTypeElements()));
                    rest = r;
                }
            }
        }
        return r;
    }

    private static final class Lazy {
        static final VimTypeHierarchy STANDARD = load();
    }

    /** The hierarchy of the generated table and the subset on the class path. */
    public static VimTypeHierarchy standard() {
        return Lazy.STANDARD;
    }

    static VimTypeHierarchy load() {
        return new VimTypeHierarchy(readBoundTypes());
    }

    /** True when the subset binds this type (a complex or simple type of {@code vim-types.xsd}). */
    public boolean isBound(String type) {
        return boundTypes.contains(type);
    }

    /** True when VMware's published hierarchy has this type. */
    public boolean isPublished(String type) {
        return rest().baseOf().containsKey(type);
    }

    /** The published base type, empty for a root or an unknown type. */
    public Optional<String> baseOf(String type) {
        String base = rest().baseOf().get(type);
        return base == null || base.equals(ROOT) ? Optional.empty() : Optional.of(base);
    }

    /**
     * The bound type a value of {@code type} is read as: itself when bound, else its nearest
     * bound ancestor; empty when the type is not published (nothing is known about it) or no
     * ancestor is bound.
     */
    public Optional<String> nearestBound(String type) {
        Map<String, String> baseOf = rest().baseOf();
        for (String t = type; t != null && !t.equals(ROOT); t = baseOf.get(t)) {
            if (boundTypes.contains(t)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** True when {@code type} is {@code ancestor} or derives from it in the published hierarchy. */
    public boolean isA(String type, String ancestor) {
        Map<String, String> baseOf = rest().baseOf();
        for (String t = type; t != null && !t.equals(ROOT); t = baseOf.get(t)) {
            if (t.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** True when the messages schema declares a global element of this name (e.g. {@code InvalidStateFault}). */
    boolean isBoundElement(String name) {
        return rest().boundElements().contains(name);
    }

    /**
     * True when every element of this local name in the subset is declared {@code xsd:anyType}
     * ({@code DynamicProperty.val}, ...): a value there has no declared type to fall back to.
     */
    boolean isAnyTypeElement(String localName) {
        return rest().anyTypeElements().contains(localName);
    }

    /** Names of the bound types (for tests). */
    Set<String> boundTypes() {
        return boundTypes;
    }

    Map<String, String> table() {
        return rest().baseOf();
    }

    private static Set<String> readBoundTypes() {
        Set<String> names = new HashSet<>();
        try (InputStream in = open(BOUND_TYPES);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BOUND_TYPES, e);
        }
        return names;
    }

    private static Map<String, String> readTable() {
        Map<String, String> table = new HashMap<>();
        try (InputStream in = open(TABLE);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int space = line.indexOf(' ');
                table.put(line.substring(0, space), line.substring(space + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TABLE, e);
        }
        return table;
    }

    static InputStream open(String resource) {
        InputStream in = VimTypeHierarchy.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("resource " + resource + " is missing from the vim25 jar");
        }
        return in;
    }

    /** The named types and global elements of one of our schema files, and its element typing. */
    static final class SchemaNames {
        final Set<String> types = new HashSet<>();
        final Set<String> elements = new HashSet<>();
        /** Local element names declared xsd:anyType, and those declared with any other type. */
        final Set<String> anyTyped = new HashSet<>();
        final Set<String> otherTyped = new HashSet<>();
        /** Complex type name to its base (extension) type, for the consistency test. */
        final Map<String, String> bases = new HashMap<>();

        Set<String> anyTypeElements() {
            Set<String> out = new HashSet<>(anyTyped);
            out.removeAll(otherTyped);
            return out;
        }

        static SchemaNames read(String resource) {
            SchemaNames names = new SchemaNames();
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            try (InputStream in = open(resource)) {
                XMLStreamReader r = factory.createXMLStreamReader(in);
                int depth = 0;
                String currentType = null;
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                        continue;
                    }
                    if (event != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    depth++;
                    if (!XMLConstants.W3C_XML_SCHEMA_NS_URI.equals(r.getNamespaceURI())) {
                        continue;
                    }
                    String local = r.getLocalName();
                    String name = r.getAttributeValue(null, "name");
                    if (depth == 2 && (local.equals("complexType") || local.equals("simpleType"))) {
                        names.types.add(name);
                        currentType = name;
                    } else if (depth == 2 && local.equals("element")) {
                        names.elements.add(name);
                    } else if (local.equals("element") && name != null) {
                        String type = r.getAttributeValue(null, "type");
                        (("xsd:anyType".equals(type)) ? names.anyTyped : names.otherTyped).add(name);
                    } else if (local.equals("extension") && currentType != null) {
                        names.bases.put(currentType, r.getAttributeValue(null, "base"));
                    }
                }
                r.close();
            } catch (IOException | XMLStreamException e) {
                throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
            }
            return names;
        }
    }
}
