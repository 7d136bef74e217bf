package io.jvirt.esx.soap;

/**
 * A call that got no usable SOAP answer, or could not be sent: an HTTP status without a SOAP
 * envelope, an answer that is not a SOAP message, or an argument XML cannot carry. Network and
 * TLS failures stay the JDK's own exceptions (and are mapped by their type).
 */
public final class SoapException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** An HTTP status that carries no SOAP answer (e.g. 503 with an HTML page). */
        HTTP_STATUS,
        /** The answer is not a SOAP message of the expected shape (not XML, cut off, another element). */
        NOT_SOAP,
        /** The request could not be written (e.g. a control character in a name). */
        BAD_REQUEST
    }

    private final Kind kind;

    SoapException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
