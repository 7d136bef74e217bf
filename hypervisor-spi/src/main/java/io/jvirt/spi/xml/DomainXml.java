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

    /** Formats with secrets (VNC password) included, as libvirt's {@code VIR_DOMAIN_XML_SECURE}. */
    public static String format(DomainDef def) {
        return DomainXmlFormatter.format(def, true);
    }

    /**
     * Formats; with {@code secure} false, secrets such as the VNC password are left out (libvirt's
     * default for read-only callers).
     */
    public static String format(DomainDef def, boolean secure) {
        return DomainXmlFormatter.format(def, secure);
    }
}
