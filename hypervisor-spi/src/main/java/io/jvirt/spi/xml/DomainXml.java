package io.jvirt.spi.xml;



/**
 * Entry point for libvirt domain XML: {@link #parse(String)} and {@link #format(DomainDef)}.
 *
 * <p>Parsing is hardened (no DTDs, no entities) and strict about the values it reads: an invalid
 * UUID, MAC, number or enum value is an {@code XML_ERROR} naming the element, attribute, line and
 * value. Elements this model does not represent are ignored, as libvirt does for devices its VMX
 * writer cannot express.
 */
public final class DomainXml {
    private DomainXml() {
    }

    /** Parses a {@code <domain>} document. */
    public static DomainDef parse(String xml) {
        return DomainXmlParser.parse(SafeXml.parse(xml));
    }

    /**
     * Formats without secure fields (no VNC password), as libvirt does unless asked for secure
     * information: what a converted or dumped definition shows by default.
     */
    public static String format(DomainDef def) {
        return DomainXmlFormatter.format(def, false, -1);
    }

    /**
     * Formats; with {@code secure} true, secure fields such as the VNC password are included
     * (libvirt's {@code VIR_DOMAIN_XML_SECURE}), with false they are left out.
     */
    public static String format(DomainDef def, boolean secure) {
        return DomainXmlFormatter.format(def, secure, -1);
    }

    /**
     * Formats the live description of a running domain: {@code id > 0} is written as the root's
     * {@code id} attribute, as libvirt does for active domains; {@code -1} leaves it out.
     */
    public static String format(DomainDef def, boolean secure, int id) {
        return DomainXmlFormatter.format(def, secure, id);
    }
}
