package io.jvirt.esx.soap;

/**
 * A SOAP fault whose detail is not one the operation declares (a server sends
 * {@code <ManagedObjectNotFoundFault>} or {@code <NotAuthenticatedFault>} to any call): the fault
 * code, the fault string and, when the detail holds a vim25 fault, that fault read into its
 * class. Declared faults arrive as the operation's generated {@code ...FaultMsg} exceptions.
 */
public final class SoapFault extends Exception {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final String detailElement;
    private final transient Object detail;

    SoapFault(String code, String faultString, String detailElement, Object detail) {
        super(faultString, null, false, false);
        this.code = code;
        this.detailElement = detailElement;
        this.detail = detail;
    }

    /** The local part of the fault code, e.g. {@code ServerFaultCode}. */
    public String code() {
        return code;
    }

    /** The fault string, e.g. "The object has already been deleted or has not been completely created". */
    public String faultString() {
        return getMessage();
    }

    /** The local name of the first detail element, e.g. {@code ManagedObjectNotFoundFault}; null without detail. */
    public String detailElement() {
        return detailElement;
    }

    /** The vim25 fault of the detail (a {@code MethodFault}), or null when there is none or it is not vim25. */
    public Object detail() {
        return detail;
    }
}
