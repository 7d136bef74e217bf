package io.jvirt.simulator;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Property values of types no vSphere release has, as a newer server than any client knows
 * would send them: DOM elements with their own {@code xsi:type}, which JAXB writes as they are.
 */
final class FutureValues {
    private static final String VIM25 = "urn:vim25";

    private FutureValues() {
    }

    /** A {@code FutureDatastoreInfo}: DatastoreInfo's fields plus one of its own. */
    static Element datastoreInfo(String name, String url, long freeSpace) {
        Document doc = newDocument();
        Element info = doc.createElementNS(VIM25, "val");
        info.setAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "xsi:type", "FutureDatastoreInfo");
        child(info, "name", name);
        child(info, "url", url);
        child(info, "freeSpace", Long.toString(freeSpace));
        child(info, "maxFileSize", "70368744177664");
        child(info, "quantumTier", "gold");
        doc.appendChild(info);
        return info;
    }

    private static void child(Element parent, String name, String text) {
        Element e = parent.getOwnerDocument().createElementNS(VIM25, name);
        e.setTextContent(text);
        parent.appendChild(e);
    }

    private static Document newDocument() {
        try {
            return DocumentBuilderFactory.newNSInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
