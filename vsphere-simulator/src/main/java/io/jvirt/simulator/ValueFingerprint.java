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
                return out.toString();
            } catch (JAXBException e) {
                throw new IllegalStateException("cannot fingerprint " + value.getClass(), e);
            }
        }
        return value.getClass().getSimpleName() + ":" + value;
    }
}
