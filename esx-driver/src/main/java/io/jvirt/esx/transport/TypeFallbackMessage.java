package io.jvirt.esx.transport;

import com.sun.xml.ws.api.message.FilterMessageImpl;
import com.sun.xml.ws.api.message.Message;
import com.sun.xml.ws.api.message.Packet;
import com.sun.xml.ws.spi.db.XMLBridge;
import io.jvirt.vim25.typing.XsiTypeFallback;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.Source;
import javax.xml.transform.stax.StAXSource;

/**
 * A received SOAP message whose payload is read through {@link XsiTypeFallback}: values of
 * vim25 types our subset does not bind reach JAXB as their nearest bound type, so the stub
 * never hands the driver a DOM element or fails on them. Every way Metro reads a response body
 * (the SEI response builder reads {@link #readPayload}, the fault builder
 * {@link #readPayloadAsJAXB(Unmarshaller)}) goes through the filter; writing the message
 * (SOAP trace) shows it as it came.
 */
final class TypeFallbackMessage extends FilterMessageImpl {
    /** Request-context key holding the connection's {@link XsiTypeFallback}. */
    static final String PROPERTY = "io.jvirt.esx.transport.typeFallback";

    private final XsiTypeFallback fallback;

    private TypeFallbackMessage(Message delegate, XsiTypeFallback fallback) {
        super(delegate);
        this.fallback = fallback;
    }

    /** Puts a connection's fallback into the request context of one of its ports. */
    static void enable(java.util.Map<String, Object> requestContext, XsiTypeFallback fallback) {
        requestContext.put(PROPERTY, fallback);
    }

    /** The response with its payload filtered, when the request asked for it. */
    static Packet wrap(Packet request, Packet response) {
        Object fallback = request.invocationProperties.get(PROPERTY);
        if (fallback instanceof XsiTypeFallback f && response != null && response.getMessage() != null) {
            response.setMessage(new TypeFallbackMessage(response.getMessage(), f));
        }
        return response;
    }

    @Override
    public XMLStreamReader readPayload() throws XMLStreamException {
        return fallback.filter(super.readPayload());
    }

    @Override
    public <T> T readPayloadAsJAXB(Unmarshaller unmarshaller) throws JAXBException {
        try {
            @SuppressWarnings("unchecked")
            T value = (T) unmarshaller.unmarshal(readPayload());
            return value;
        } catch (XMLStreamException e) {
            throw new JAXBException(e);
        }
    }

    @Override
    public <T> T readPayloadAsJAXB(XMLBridge<T> bridge) throws JAXBException {
        try {
            return bridge.unmarshal(readPayload(), null);
        } catch (XMLStreamException e) {
            throw new JAXBException(e);
        }
    }

    @Override
    public Source readPayloadAsSource() {
        try {
            return new StAXSource(readPayload());
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot read the SOAP payload: " + e.getMessage(), e);
        }
    }

    @Override
    public Message copy() {
        return new TypeFallbackMessage(super.copy(), fallback);
    }
}
