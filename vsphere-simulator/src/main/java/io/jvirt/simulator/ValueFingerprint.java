package io.jvirt.simulator;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.annotation.XmlType;
import java.io.StringWriter;
import javax.xml.namespace.QName;

/** A comparable text form of a property value, to tell which properties changed between polls. */
final class ValueFingerprint {

    private ValueFingerprint() {
    }

    static String of(Object value) {
        if (value == null) {
            return "<unset>";
        }
        if (value.getClass().isAnnotationPresent(XmlType.class) && !value.getClass().isEnum()) {
            try {
                Marshaller marshaller = VimJaxb.context().createMarshaller();
                marshaller.setProperty(Marshaller.JAXB_FRAGMENT, true);
                StringWriter out = new StringWriter();
                marshaller.marshal(new JAXBElement<>(new QName(SoapFaults.VIM25, "v"), Object.class, value), out);
                return digest(out.toString());
            } catch (JAXBException e) {
                throw new IllegalStateException("cannot fingerprint " + value.getClass(), e);
            }
        }
        return value.getClass().getSimpleName() + ":" + value;
    }

    /**
     * Long texts (device lists are kilobytes) are kept as their SHA-256, so that a filter over
     * 10,000 VMs does not hold their whole XML (watch: the watcher's memory test runs the
     * simulator in the same JVM).
     */
    private static String digest(String text) {
        if (text.length() <= 64) {
            return text;
        }
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "sha256:" + java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
