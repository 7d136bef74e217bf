package io.jvirt.cli.commands;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What {@code snapshot-list} shows of a snapshot, read from its {@code <domainsnapshot>} XML.
 *
 * @param name         the snapshot name
 * @param creationTime seconds since the epoch, or -1 when absent
 * @param state        the domain state recorded in the snapshot, or "" when absent
 * @param parent       the parent's name, or {@code null} for a root
 */
record SnapshotXml(String name, long creationTime, String state, String parent) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT);

    /** virsh's creation time column, in the local time zone. */
    String creationTimeText(ZoneId zone) {
        return creationTime < 0 ? "" : TIME.format(Instant.ofEpochSecond(creationTime).atZone(zone));
    }

    static SnapshotXml parse(String fallbackName, String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            Element root = doc.getDocumentElement();
            String name = text(child(root, "name"), fallbackName);
            String time = text(child(root, "creationTime"), null);
            String state = text(child(root, "state"), "");
            Element parent = child(root, "parent");
            String parentName = parent == null ? null : text(child(parent, "name"), null);
            return new SnapshotXml(name, time == null ? -1 : Long.parseLong(time.strip()), state, parentName);
        } catch (Exception e) {
            return new SnapshotXml(fallbackName, -1, "", null);
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element e, String fallback) {
        return e == null ? fallback : e.getTextContent().strip();
    }
}
