package io.jvirt.vim25.typing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * A StAX view of a vim25 answer in which every {@code xsi:type} names a type the subset binds:
 * <ul>
 * <li>a bound type, or a type outside urn:vim25 ({@code xsd:int}), is left alone;</li>
 * <li>a published type the subset lacks is read as its nearest bound ancestor
 *     ({@code VirtualMachineFileLayoutEx} is read as {@code DynamicData},
 *     a {@code HostTcpHba} as {@code HostHostBusAdapter});</li>
 * <li>{@code ArrayOfX} of such a type is read as {@code ArrayOfY} of X's nearest bound
 *     ancestor Y when the subset has that wrapper (its {@code <X>} items are renamed
 *     {@code <Y>}), otherwise as {@code ArrayOfAnyType} with typed {@code <anyType>} items;</li>
 * <li>a type nobody published to us (a future vSphere): in an {@code xsd:anyType} element
 *     ({@code DynamicProperty.val}, ...) it is read as {@code DynamicData}; elsewhere the
 *     attribute is dropped, so the element's declared type is used;</li>
 * <li>a fault detail entry {@code <XFault xsi:type="X">} whose type falls back to Y is renamed
 *     {@code <YFault>} (or {@code MethodFaultFault} when nothing is known about X).</li>
 * </ul>
 * Every replacement is reported to the {@link XsiTypeFallback} (a warning naming the type).
 */
final class XsiTypeFallbackReader extends StreamReaderDelegate {
    static final String VIM25 = "urn:vim25";
    private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    private static final String ARRAY = "ArrayOf";

    private final XsiTypeFallback fallback;
    private final VimTypeHierarchy types;
    private final Deque<Frame> open = new ArrayDeque<>();
    /** The frame of the current START_ELEMENT or END_ELEMENT event; null for other events. */
    private Frame current;

    /** What the view changes about one open element and its children. */
    private static final class Frame {
        String localName;
        /** -1: attributes as in the source; else the xsi:type attribute index and its new value (null: dropped). */
        int typeIndex = -1;
        String typeValue;
        /** An xsi:type attribute the source lacks (array items given a type), or null. */
        String addedType;
        String addedTypePrefix;
        /** Children named childFrom (urn:vim25) are shown as childTo, with xsi:type childType when they have none. */
        String childFrom;
        String childTo;
        String childType;
        String xsiPrefix;
    }

    XsiTypeFallbackReader(XMLStreamReader reader, XsiTypeFallback fallback) {
        super(reader);
        this.fallback = fallback;
        this.types = fallback.hierarchy();
        if (reader.getEventType() == XMLStreamConstants.START_ELEMENT) {
            startElement();
        }
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
            startElement();
        } else if (event == XMLStreamConstants.END_ELEMENT) {
            current = open.poll();
        } else {
            current = null;
        }
        return event;
    }

    @Override
    public int nextTag() throws XMLStreamException {
        int event = next();
        while ((event == XMLStreamConstants.CHARACTERS && isWhiteSpace())
                || (event == XMLStreamConstants.CDATA && isWhiteSpace())
                || event == XMLStreamConstants.SPACE
                || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                || event == XMLStreamConstants.COMMENT) {
            event = next();
        }
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            throw new XMLStreamException("expected a start or end tag", getLocation());
        }
        return event;
    }

    @Override
    public String getElementText() throws XMLStreamException {
        if (getEventType() != XMLStreamConstants.START_ELEMENT) {
            throw new XMLStreamException("not at a start tag", getLocation());
        }
        StringBuilder text = new StringBuilder();
        int event = next();
        while (event != XMLStreamConstants.END_ELEMENT) {
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE || event == XMLStreamConstants.ENTITY_REFERENCE) {
                text.append(getText());
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                throw new XMLStreamException("element text expected, found a child element", getLocation());
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("document ended inside an element", getLocation());
            }
            event = next();
        }
        return text.toString();
    }

    @Override
    public void require(int type, String namespaceURI, String localName) throws XMLStreamException {
        if (type != getEventType()
                || (namespaceURI != null && !namespaceURI.equals(getNamespaceURI()))
                || (localName != null && !localName.equals(getLocalName()))) {
            throw new XMLStreamException("expected event " + type + " {" + namespaceURI + "}" + localName, getLocation());
        }
    }

    @Override
    public String getLocalName() {
        return current != null ? current.localName : super.getLocalName();
    }

    @Override
    public QName getName() {
        if (current == null) {
            return super.getName();
        }
        QName name = super.getName();
        return new QName(name.getNamespaceURI(), current.localName, name.getPrefix());
    }

    // ---- attributes: the source's, with xsi:type replaced, dropped or added ---------------------

    private boolean changesAttributes() {
        return current != null && getEventType() == XMLStreamConstants.START_ELEMENT
                && (current.typeIndex >= 0 || current.addedType != null);
    }

    /** Source index of view attribute i (added attribute: -1). */
    private int source(int i) {
        Frame f = current;
        if (f.addedType != null) {
            return i < super.getAttributeCount() ? i : -1;
        }
        if (f.typeValue == null && i >= f.typeIndex) {
            return i + 1; // the dropped attribute is skipped
        }
        return i;
    }

    private boolean isAdded(int i) {
        return current.addedType != null && source(i) < 0;
    }

    @Override
    public int getAttributeCount() {
        int n = super.getAttributeCount();
        if (!changesAttributes()) {
            return n;
        }
        if (current.addedType != null) {
            return n + 1;
        }
        return current.typeValue == null ? n - 1 : n;
    }

    @Override
    public String getAttributeValue(int index) {
        if (!changesAttributes()) {
            return super.getAttributeValue(index);
        }
        if (isAdded(index)) {
            return current.addedType;
        }
        int s = source(index);
        return s == current.typeIndex ? current.typeValue : super.getAttributeValue(s);
    }

    @Override
    public String getAttributeLocalName(int index) {
        if (!changesAttributes()) {
            return super.getAttributeLocalName(index);
        }
        return isAdded(index) ? "type" : super.getAttributeLocalName(source(index));
    }

    @Override
    public String getAttributeNamespace(int index) {
        if (!changesAttributes()) {
            return super.getAttributeNamespace(index);
        }
        return isAdded(index) ? XSI : super.getAttributeNamespace(source(index));
    }

    @Override
    public String getAttributePrefix(int index) {
        if (!changesAttributes()) {
            return super.getAttributePrefix(index);
        }
        return isAdded(index) ? current.addedTypePrefix : super.getAttributePrefix(source(index));
    }

    @Override
    public QName getAttributeName(int index) {
        if (!changesAttributes()) {
            return super.getAttributeName(index);
        }
        return new QName(getAttributeNamespace(index), getAttributeLocalName(index), getAttributePrefix(index));
    }

    @Override
    public String getAttributeType(int index) {
        if (!changesAttributes()) {
            return super.getAttributeType(index);
        }
        return isAdded(index) ? "CDATA" : super.getAttributeType(source(index));
    }

    @Override
    public boolean isAttributeSpecified(int index) {
        if (!changesAttributes()) {
            return super.isAttributeSpecified(index);
        }
        return isAdded(index) || super.isAttributeSpecified(source(index));
    }

    @Override
    public String getAttributeValue(String namespaceURI, String localName) {
        if (!changesAttributes()) {
            return super.getAttributeValue(namespaceURI, localName);
        }
        for (int i = 0; i < getAttributeCount(); i++) {
            if (getAttributeLocalName(i).equals(localName)
                    && (namespaceURI == null || namespaceURI.equals(getAttributeNamespace(i)))) {
                return getAttributeValue(i);
            }
        }
        return null;
    }

    // ---- the rules ------------------------------------------------------------------------------

    private void startElement() {
        Frame parent = open.peek();
        Frame f = new Frame();
        String sourceName = super.getLocalName();
        boolean vim = VIM25.equals(super.getNamespaceURI());
        f.localName = sourceName;
        if (parent != null && parent.childFrom != null && vim && sourceName.equals(parent.childFrom)) {
            f.localName = parent.childTo;
        }
        int typeIndex = -1;
        for (int i = 0, n = super.getAttributeCount(); i < n; i++) {
            if (XSI.equals(super.getAttributeNamespace(i)) && "type".equals(super.getAttributeLocalName(i))) {
                typeIndex = i;
                f.xsiPrefix = super.getAttributePrefix(i);
                break;
            }
        }
        if (typeIndex >= 0) {
            rewriteType(f, sourceName, typeIndex, super.getAttributeValue(typeIndex).strip());
        } else if (parent != null && parent.childType != null && !f.localName.equals(sourceName)) {
            // an array item without xsi:type whose element was renamed: give it its item type
            f.addedType = parent.childType;
            f.addedTypePrefix = parent.xsiPrefix == null ? "xsi" : parent.xsiPrefix;
        }
        open.push(f);
        current = f;
    }

    private void rewriteType(Frame f, String sourceName, int index, String value) {
        int colon = value.indexOf(':');
        String prefix = colon < 0 ? "" : value.substring(0, colon);
        String type = value.substring(colon + 1);
        String ns = getNamespaceContext().getNamespaceURI(prefix);
        if (!VIM25.equals(ns) || types.isBound(type)) {
            return;
        }
        String qualifier = colon < 0 ? "" : prefix + ":";
        boolean anyTypeElement = types.isAnyTypeElement(f.localName);
        if (type.startsWith(ARRAY) && type.length() > ARRAY.length()) {
            String item = type.substring(ARRAY.length());
            Optional<String> itemBound = types.nearestBound(item);
            f.typeIndex = index;
            f.childFrom = item;
            if (itemBound.isPresent() && types.isBound(ARRAY + itemBound.get())) {
                f.typeValue = qualifier + ARRAY + itemBound.get();
                f.childTo = itemBound.get().intern();
            } else {
                f.typeValue = qualifier + "ArrayOfAnyType";
                f.childTo = "anyType"; // a literal: interned
                f.childType = qualifier + itemBound.orElse("DynamicData");
            }
            fallback.fellBack(type, f.typeValue.substring(qualifier.length()));
            return;
        }
        boolean faultEntry = sourceName.equals(type + "Fault");
        Optional<String> bound = types.nearestBound(type);
        String to;
        if (bound.isPresent()) {
            to = bound.get();
        } else if (faultEntry) {
            to = "MethodFault";
        } else if (anyTypeElement) {
            to = "DynamicData";
        } else {
            f.typeIndex = index;
            f.typeValue = null;
            fallback.fellBack(type, "the declared type of <" + f.localName + ">");
            return;
        }
        f.typeIndex = index;
        f.typeValue = qualifier + to;
        if (faultEntry && types.isBoundElement(to + "Fault")) {
            f.localName = (to + "Fault").intern(); // JAXB compares element names by identity
        }
        fallback.fellBack(type, to);
    }
}
