package io.jvirt.spi.xml;

import static io.jvirt.spi.xml.XmlValues.missing;

import java.util.Set;
import java.util.UUID;

/**
 * A libvirt {@code <domainsnapshot>}.
 *
 * @param name         the snapshot name, or null (the driver picks one)
 * @param description  or null
 * @param state        {@code running}, {@code shutoff}, ... or null
 * @param parentName   {@code <parent><name>}, or null
 * @param creationTime seconds since the epoch, or -1 when not given
 * @param domainUuid   {@code <domain><uuid>}, or null
 */
public record DomainSnapshotDef(String name, String description, String state, String parentName,
        long creationTime, UUID domainUuid) {

    private static final Set<String> STATES = Set.of("nostate", "running", "blocked", "paused", "shutdown",
            "shutoff", "crashed", "pmsuspended", "disk-snapshot");

    public static DomainSnapshotDef parse(String xml) {
        XmlNode root = SafeXml.parse(xml);
        if (!root.name().equals("domainsnapshot")) {
            throw XmlValues.error(root, null, root.name(), "expected root element 'domainsnapshot'");
        }
        XmlNode name = root.child("name");
        XmlNode description = root.child("description");
        XmlNode state = root.child("state");
        XmlNode parent = root.child("parent");
        String parentName = null;
        if (parent != null) {
            XmlNode pn = parent.child("name");
            if (pn == null) {
                throw missing(parent, "element 'name'");
            }
            parentName = pn.text();
        }
        XmlNode created = root.child("creationTime");
        long creationTime = created == null ? -1 : XmlValues.parseLong(created, null, created.text(), 0,
                Long.MAX_VALUE);
        UUID domainUuid = null;
        XmlNode domain = root.child("domain");
        if (domain != null && domain.child("uuid") != null) {
            domainUuid = XmlValues.uuid(domain.child("uuid"), null, domain.child("uuid").text());
        }
        return new DomainSnapshotDef(name == null ? null : name.text(), description == null ? null
                : description.text(), state == null ? null : XmlValues.enumText(state, STATES), parentName,
                creationTime, domainUuid);
    }

    /** The XML with only the domain's UUID in {@code <domain>} (the ESX driver's form). */
    public String format() {
        return format(null, false);
    }

    /**
     * The XML with the full definition the snapshot recorded in {@code <domain>}, as libvirt's
     * test and QEMU drivers give it; {@code secure} includes its secure fields (libvirt's
     * {@code VIR_DOMAIN_SNAPSHOT_XML_SECURE}). With {@code domain} null only {@link #domainUuid}.
     */
    public String format(DomainDef domain, boolean secure) {
        XmlWriter w = new XmlWriter();
        w.start("domainsnapshot").open();
        w.element("name", name);
        w.element("description", description);
        w.element("state", state);
        if (parentName != null) {
            w.start("parent").open();
            w.element("name", parentName);
            w.end("parent");
        }
        if (creationTime >= 0) {
            w.element("creationTime", creationTime);
        }
        if (domain != null) {
            DomainXmlFormatter.write(w, domain, secure, -1);
        } else if (domainUuid != null) {
            w.start("domain").open();
            w.element("uuid", domainUuid);
            w.end("domain");
        }
        w.end("domainsnapshot");
        return w.toString();
    }
}
