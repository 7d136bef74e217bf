package io.jvirt.simulator;

import io.jvirt.vim25.MethodFault;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.soap.Detail;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFactory;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.StringWriter;
import javax.xml.namespace.QName;

/**
 * Writes vSphere faults the way vSphere servers do: faultcode {@code ServerFaultCode}, the message
 * as faultstring and a detail element named {@code <Type>Fault} carrying {@code xsi:type="<Type>"}.
 */
final class SoapFaults {

    static final String VIM25 = "urn:vim25";

    private SoapFaults() {
    }

    /** The fault as thrown from the endpoint implementation (Metro serialises it). */
    static SOAPFaultException toSoapFault(VimFaultException e) {
        try {
            SOAPFactory factory = SOAPFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL);
            SOAPFault fault = factory.createFault(e.getMessage(), new QName("ServerFaultCode"));
            Detail detail = fault.addDetail();
            Marshaller marshaller = VimJaxb.context().createMarshaller();
            marshaller.marshal(detailElement(e.fault()), detail);
            return new SOAPFaultException(fault);
        } catch (SOAPException | JAXBException ex) {
            throw new IllegalStateException("cannot build SOAP fault", ex);
        }
    }

    /** A complete SOAP 1.1 fault envelope, for faults injected below the SOAP stack. */
    static String envelope(MethodFault fault, String message) {
        try {
            Marshaller marshaller = VimJaxb.context().createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FRAGMENT, true);
            StringWriter detail = new StringWriter();
            marshaller.marshal(detailElement(fault), detail);
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                    + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\""
                    + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n<soapenv:Body>\n<soapenv:Fault>\n"
                    + "<faultcode>ServerFaultCode</faultcode>\n<faultstring>" + escape(message) + "</faultstring>\n"
                    + "<detail>" + detail + "</detail>\n</soapenv:Fault>\n</soapenv:Body>\n</soapenv:Envelope>\n";
        } catch (JAXBException ex) {
            throw new IllegalStateException("cannot build SOAP fault", ex);
        }
    }

    private static JAXBElement<MethodFault> detailElement(MethodFault fault) {
        QName name = new QName(VIM25, fault.getClass().getSimpleName() + "Fault");
        return new JAXBElement<>(name, MethodFault.class, fault);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
