package io.jvirt.esx.vi;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import org.w3c.dom.Element;

/**
 * Reads a property value that the read port ({@link ReadBinding}) left as XML, because its class
 * is not among the read binding's, with the full binding: the value the driver gets is the same
 * object the full port would have read. The XML was already through the connection's xsi:type
 * fallback, so every type in it is one the full binding has.
 */
final class LateBinding {
    private static final System.Logger LOG = System.getLogger(LateBinding.class.getName());

    private LateBinding() {
    }

    /** {@code value} itself, or, for XML, what the full binding reads from it. */
    static Object complete(String property, Object value) {
        if (!(value instanceof Element xml)) {
            return value;
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "property '" + property + "' (" + xml.getAttributeNS(
                "http://www.w3.org/2001/XMLSchema-instance", "type") + ") read with the full vim25 binding");
        try {
            JAXBElement<Object> read = VimServiceHolder.fullBinding().createUnmarshaller().unmarshal(xml, Object.class);
            Object bound = read.getValue();
            if (bound instanceof Element) {
                throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                        "Property '" + property + "' has a value of type '" + xml.getAttributeNS(
                                "http://www.w3.org/2001/XMLSchema-instance", "type") + "' that the vim25 binding cannot read");
            }
            return bound;
        } catch (JAXBException e) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "Cannot read the value of property '" + property + "': " + VimFaults.plainReason(e), e);
        }
    }
}
