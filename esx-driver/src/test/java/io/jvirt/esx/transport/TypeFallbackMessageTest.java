package io.jvirt.esx.transport;

import io.jvirt.vim25.typing.XsiTypeFallback;
import com.sun.xml.ws.api.message.Message;
import com.sun.xml.ws.api.message.Messages;
import com.sun.xml.ws.api.message.Packet;
import com.sun.xml.ws.fault.SOAPFaultBuilder;
import io.jvirt.vim25.DynamicData;
import io.jvirt.vim25.ObjectFactory;
import io.jvirt.vim25.RetrievePropertiesExResponse;
import io.jvirt.vim25.VmConfigFault;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.ws.soap.SOAPFaultException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.stream.XMLInputFactory;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The two ways Metro reads a response body (payload reader, fault builder) both go through the fallback. */
class TypeFallbackMessageTest {
    private static final String ENVELOPE = "<soapenv:Envelope xmlns:soapenv='http://schemas.xmlsoap.org/soap/envelope/'"
            + " xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'><soapenv:Body>%s</soapenv:Body></soapenv:Envelope>";

    private static Message message(String body) throws Exception {
        return Messages.create(XMLInputFactory.newFactory().createXMLStreamReader(new StringReader(String.format(ENVELOPE, body))));
    }

    private static Packet wrapped(String body) throws Exception {
        Packet request = new Packet();
        Map<String, Object> context = new HashMap<>();
        TypeFallbackMessage.enable(context, XsiTypeFallback.create());
        request.invocationProperties.putAll(context);
        return TypeFallbackMessage.wrap(request, new Packet(message(body)));
    }

    private static final String FUTURE_VALUE = "<RetrievePropertiesExResponse xmlns='urn:vim25'><returnval><objects>"
                + "<obj type='VirtualMachine'>vm-1</obj><propSet><name>layoutEx.future</name>"
                + "<val xsi:type='VirtualMachineFutureLayout'><file><key>1</key></file></val></propSet>"
                + "</objects></returnval></RetrievePropertiesExResponse>";

    private static Object firstValue(Packet response) throws Exception {
        Object body = JAXBContext.newInstance(ObjectFactory.class).createUnmarshaller().unmarshal(response.getMessage().readPayload());
        RetrievePropertiesExResponse r = (RetrievePropertiesExResponse) (body instanceof JAXBElement<?> e ? e.getValue() : body);
        return r.getReturnval().getObjects().get(0).getPropSet().get(0).getVal();
    }

    @Test
    void payloadsAreReadThroughTheFallback() throws Exception {
        Packet response = wrapped(FUTURE_VALUE);
        Object body = JAXBContext.newInstance(ObjectFactory.class).createUnmarshaller().unmarshal(response.getMessage().readPayload());
        RetrievePropertiesExResponse r = (RetrievePropertiesExResponse) (body instanceof JAXBElement<?> e ? e.getValue() : body);
        assertSame(DynamicData.class, r.getReturnval().getObjects().get(0).getPropSet().get(0).getVal().getClass());
    }

    @Test
    void aFaultOfAPublishedButUnboundTypeArrivesAsItsBoundAncestor() throws Exception {
        // InvalidDeviceSpec -> InvalidVmConfig -> VmConfigFault in VMware's hierarchy; only VmConfigFault is bound
        Packet response = wrapped("<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>bad spec</faultstring>"
                + "<detail><InvalidDeviceSpecFault xmlns='urn:vim25' xsi:type='InvalidDeviceSpec'>"
                + "<property>virtualDeviceSpec.device</property><deviceIndex>2</deviceIndex></InvalidDeviceSpecFault></detail>"
                + "</soapenv:Fault>");
        Throwable t = SOAPFaultBuilder.create(response.getMessage()).createException(Map.of());
        SOAPFaultException sfe = assertInstanceOf(SOAPFaultException.class, t);
        assertEquals("bad spec", sfe.getFault().getFaultString());
        Element entry = firstElement(sfe.getFault().getDetail());
        assertEquals("VmConfigFaultFault", entry.getLocalName());
        assertEquals("VmConfigFault", entry.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type"));
        Object fault = JAXBContext.newInstance(ObjectFactory.class).createUnmarshaller().unmarshal(entry);
        assertEquals(VmConfigFault.class, ((JAXBElement<?>) fault).getValue().getClass());
    }

    @Test
    void requestsWithoutTheFallbackAreReadAsTheyCame() throws Exception {
        Packet response = TypeFallbackMessage.wrap(new Packet(), new Packet(message(FUTURE_VALUE)));
        assertInstanceOf(Element.class, firstValue(response));
    }

    private static Element firstElement(Node parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new AssertionError("no element in " + parent);
    }
}
