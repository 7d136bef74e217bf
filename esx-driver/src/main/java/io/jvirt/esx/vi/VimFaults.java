package io.jvirt.esx.vi;

import com.sun.xml.ws.client.ClientTransportException;
import io.jvirt.esx.soap.SoapException;
import io.jvirt.esx.soap.SoapFault;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vim25.InvalidLogin;
import io.jvirt.vim25.LocalizedMethodFault;
import io.jvirt.vim25.ManagedObjectNotFound;
import io.jvirt.vim25.MethodFault;
import io.jvirt.vim25.MissingProperty;
import io.jvirt.vim25.NotAuthenticated;
import jakarta.xml.ws.soap.SOAPFaultException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.xml.stream.XMLStreamException;
import java.io.FileNotFoundException;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one place where failures of vSphere calls become {@link HypervisorException}s: a table of
 * rules, first match wins, each naming the host, the call and the cause. Rules look at the
 * whole cause chain, so it does not matter how deeply Metro wrapped the original exception.
 */
public final class VimFaults {

    /** One row of the table: when {@code matches} holds for some exception in the cause chain. */
    private record Rule(Predicate<Throwable> matches, ErrorCode code, Message message) {
    }

    /** Builds the text: host, method (the SOAP operation or the URL), the matched exception. */
    @FunctionalInterface
    private interface Message {
        String text(String host, String call, Throwable matched);
    }

    private static final String CERTIFICATE_ADVICE =
            " Either add 'no_verify=1' to the URI to skip the check (only on a network you trust),"
                    + " or install a certificate on the server that is signed by a CA known to this"
                    + " computer (or pass its CA in the esx.trustStore option).";

    private static final List<Rule> RULES = List.of(
            // ---- answers from the server ------------------------------------------------------
            new Rule(t -> fault(t) instanceof InvalidLogin, ErrorCode.AUTH_FAILED,
                    (h, c, t) -> "Cannot log in to '" + h + "': the server rejected the user name or password"),
            new Rule(t -> fault(t) instanceof NotAuthenticated, ErrorCode.AUTH_FAILED,
                    (h, c, t) -> "Call to '" + c + "' on '" + h + "' was refused: the session is not authenticated ("
                            + faultText(t) + ")"),
            new Rule(t -> fault(t) instanceof ManagedObjectNotFound m && m.getObj() != null
                            && "VirtualMachine".equals(m.getObj().getType()), ErrorCode.NO_DOMAIN,
                    (h, c, t) -> "Domain (VirtualMachine '" + ((ManagedObjectNotFound) fault(t)).getObj().getValue()
                            + "') no longer exists on '" + h + "'"),
            // a fault the operation's WSDL does not declare arrives untyped (e.g. ManagedObjectNotFound
            // from RetrievePropertiesEx when a VM vanished): read the detail element
            new Rule(t -> t instanceof SOAPFaultException s
                            && "VirtualMachine".equals(notFoundObject(s)[0]), ErrorCode.NO_DOMAIN,
                    (h, c, t) -> "Domain (VirtualMachine '" + notFoundObject((SOAPFaultException) t)[1]
                            + "') no longer exists on '" + h + "'"),
            new Rule(t -> t instanceof SoapFault s && s.detail() instanceof ManagedObjectNotFound m && m.getObj() != null
                            && "VirtualMachine".equals(m.getObj().getType()), ErrorCode.NO_DOMAIN,
                    (h, c, t) -> "Domain (VirtualMachine '" + ((ManagedObjectNotFound) ((SoapFault) t).detail()).getObj()
                            .getValue() + "') no longer exists on '" + h + "'"),
            new Rule(t -> fault(t) != null, ErrorCode.INTERNAL_ERROR,
                    (h, c, t) -> "Call to '" + c + "' on '" + h + "' failed. Fault: " + faultText(t)),
            new Rule(t -> t instanceof SOAPFaultException, ErrorCode.INTERNAL_ERROR,
                    (h, c, t) -> "Call to '" + c + "' on '" + h + "' failed. Fault: " + soapFaultText((SOAPFaultException) t)),
            new Rule(t -> t instanceof SoapFault, ErrorCode.INTERNAL_ERROR,
                    (h, c, t) -> "Call to '" + c + "' on '" + h + "' failed. Fault: "
                            + (((SoapFault) t).code() == null ? "?" : ((SoapFault) t).code()) + " - " + t.getMessage()),
            new Rule(t -> t instanceof SoapException s && s.kind() == SoapException.Kind.BAD_REQUEST, ErrorCode.INVALID_ARG,
                    (h, c, t) -> "Cannot send the call to '" + c + "' to '" + h + "': " + t.getMessage()),
            // ---- TLS -------------------------------------------------------------------------
            new Rule(VimFaults::isHostnameMismatch, ErrorCode.CERTIFICATE_FAILED,
                    (h, c, t) -> "The TLS certificate of '" + h + "' does not match the host name ("
                            + t.getMessage() + ")." + CERTIFICATE_ADVICE),
            new Rule(t -> t instanceof CertificateException
                            || t instanceof java.security.cert.CertPathValidatorException
                            || (t instanceof SSLHandshakeException && hasCertificateCause(t)),
                    ErrorCode.CERTIFICATE_FAILED,
                    (h, c, t) -> "The TLS certificate of '" + h + "' cannot be verified: the server certificate is"
                            + " not trusted (" + t.getMessage() + ")." + CERTIFICATE_ADVICE),
            new Rule(t -> t instanceof SSLException, ErrorCode.SYSTEM_ERROR,
                    (h, c, t) -> "TLS connection to '" + h + "' failed: " + t.getMessage()
                            + " (is the server speaking HTTPS on that port? try transport=http)"),
            // ---- network ---------------------------------------------------------------------
            new Rule(t -> t instanceof UnknownHostException, ErrorCode.SYSTEM_ERROR,
                    (h, c, t) -> "Cannot resolve host name '" + t.getMessage() + "' while contacting '" + h + "'"),
            new Rule(t -> t instanceof SocketTimeoutException, ErrorCode.OPERATION_TIMEOUT,
                    (h, c, t) -> "Call to '" + c + "' on '" + h + "' timed out (" + t.getMessage()
                            + "); see the esx.connectTimeout and esx.requestTimeout options"),
            new Rule(t -> t instanceof ConnectException || t instanceof NoRouteToHostException, ErrorCode.SYSTEM_ERROR,
                    (h, c, t) -> "Cannot connect to '" + h + "': " + t.getMessage()),
            new Rule(t -> t instanceof SocketException, ErrorCode.SYSTEM_ERROR,
                    (h, c, t) -> "Connection to '" + h + "' failed during '" + c + "': " + t.getMessage()),
            // ---- HTTP and malformed answers --------------------------------------------------
            new Rule(t -> t instanceof SoapException s && s.kind() == SoapException.Kind.HTTP_STATUS, ErrorCode.HTTP_ERROR,
                    (h, c, t) -> "Call to '" + c + "' on '" + h + "' failed: " + t.getMessage()),
            new Rule(t -> t instanceof SoapException s && s.kind() == SoapException.Kind.NOT_SOAP, ErrorCode.RPC_FAILED,
                    (h, c, t) -> "Server '" + h + "' answered the call to '" + c
                            + "' with something that is not a valid SOAP message: " + t.getMessage()),
            new Rule(t -> t instanceof ClientTransportException && t.getMessage() != null
                            && t.getMessage().contains("HTTP status code"), ErrorCode.HTTP_ERROR,
                    (h, c, t) -> "Call to '" + c + "' on '" + h + "' failed: " + t.getMessage()),
            // Metro's words when the connection ended before any answer arrived (a reset, a cut answer)
            new Rule(t -> t instanceof jakarta.xml.ws.WebServiceException && t.getMessage() != null
                            && t.getMessage().startsWith("No response returned"), ErrorCode.RPC_FAILED,
                    (h, c, t) -> "Server '" + h + "' closed the connection without answering the call to '" + c + "'"),
            new Rule(t -> t instanceof FileNotFoundException, ErrorCode.HTTP_ERROR,
                    (h, c, t) -> "Request '" + c + "' on '" + h + "' failed: HTTP 404 not found"),
            new Rule(t -> t instanceof XMLStreamException
                            || t.getClass().getName().startsWith("com.sun.xml.ws.encoding")
                            || t.getClass().getName().startsWith("com.sun.xml.ws.protocol.soap")
                            || t.getClass().getName().startsWith("com.sun.xml.ws.streaming")
                            || (t instanceof ClientTransportException),
                    ErrorCode.RPC_FAILED,
                    (h, c, t) -> "Server '" + h + "' answered the call to '" + c
                            + "' with something that is not a valid SOAP message: " + plainReason(t)),
            // any other I/O failure while the answer streams in, e.g. the JDK's "Premature EOF"
            // when a chunked answer is cut off (found by SoakProofTest)
            new Rule(t -> t instanceof java.io.IOException, ErrorCode.RPC_FAILED,
                    (h, c, t) -> "Server '" + h + "' ended the connection in the middle of the answer to '" + c
                            + "' (" + t.getMessage() + ")"));

    private VimFaults() {
    }

    /** Maps any failure of a call to {@code call} on {@code host}. */
    public static HypervisorException map(String host, String call, Throwable failure) {
        if (failure instanceof HypervisorException he) {
            return he;
        }
        for (Rule rule : RULES) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (rule.matches().test(t)) {
                    return new HypervisorException(rule.code(), ErrorDomain.ESX,
                            rule.message().text(host, call, t), failure);
                }
            }
        }
        return new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                "Call to '" + call + "' on '" + host + "' failed: " + describe(failure), failure);
    }

    /** True when the failure says the session is not (or no longer) logged in. */
    public static boolean isNotAuthenticated(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (fault(t) instanceof NotAuthenticated) {
                return true;
            }
            if (t instanceof SoapFault s && (s.detail() instanceof NotAuthenticated
                    || String.valueOf(s.faultString()).contains("NotAuthenticated")
                    || "NotAuthenticated".equals(s.detailElement()) || "NotAuthenticatedFault".equals(s.detailElement()))) {
                return true;
            }
            if (t instanceof SOAPFaultException sfe && sfe.getFault() != null) {
                String detail = sfe.getFault().getDetail() == null ? "" : sfe.getFault().getDetail().getTextContent();
                String name = String.valueOf(sfe.getFault().getFaultString());
                if (name.contains("NotAuthenticated") || detail.contains("NotAuthenticated")
                        || hasDetailElement(sfe, "NotAuthenticated")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A {@code NotAuthenticated} entry in a property-collector {@code missingSet}, if any. */
    public static Optional<MissingProperty> notAuthenticated(List<MissingProperty> missing) {
        for (MissingProperty m : missing) {
            if (m.getFault() != null && m.getFault().getFault() instanceof NotAuthenticated) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The text of a fault inside a task or property result. */
    public static String describe(LocalizedMethodFault fault) {
        if (fault == null) {
            return "Unknown error";
        }
        String type = fault.getFault() == null ? "MethodFault" : fault.getFault().getClass().getSimpleName();
        return fault.getLocalizedMessage() == null || fault.getLocalizedMessage().isEmpty()
                ? type : type + " - " + fault.getLocalizedMessage();
    }

    /** A Java class name as parsers put it into their messages, e.g. {@code com.ctc.wstx.exc.WstxIOException}. */
    private static final java.util.regex.Pattern JAVA_CLASS_NAME =
            java.util.regex.Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+\\.[A-Z][A-Za-z0-9_$]*\\b:?");

    /**
     * What is wrong with a malformed answer, in the parser's words but without Java class names
     * (Metro wraps the parser's message in its own, naming exception classes): the innermost
     * message of the cause chain.
     */
    static String plainReason(Throwable failure) {
        String message = null;
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                message = c.getMessage();
            }
        }
        String plain = message == null ? "" : JAVA_CLASS_NAME.matcher(message.replace("[failed to localize]", ""))
                .replaceAll("").replaceAll("- with linked exception:", "").replaceAll("[\\[\\]()]", " ")
                .replaceAll("\\s+", " ").strip();
        return plain.isEmpty() ? "the answer is incomplete or not XML" : plain;
    }

    private static String describe(Throwable t) {
        List<String> parts = new ArrayList<>();
        for (Throwable c = t; c != null && parts.size() < 3; c = c.getCause() == c ? null : c.getCause()) {
            parts.add(c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage()));
        }
        return String.join(" <- ", parts);
    }

    /** The vSphere fault object of a generated {@code XxxFaultMsg} exception, or null. */
    static MethodFault fault(Throwable t) {
        if (t == null || !t.getClass().getName().startsWith("io.jvirt.vim25.") || !t.getClass().getName().endsWith("FaultMsg")) {
            return null;
        }
        try {
            Method m = t.getClass().getMethod("getFaultInfo");
            Object info = m.invoke(t);
            return info instanceof MethodFault mf ? mf : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static String faultText(Throwable t) {
        MethodFault f = fault(t);
        String type = f == null ? "Fault" : f.getClass().getSimpleName();
        String msg = t.getMessage();
        return msg == null || msg.isEmpty() ? type : type + " - " + msg;
    }

    private static String soapFaultText(SOAPFaultException e) {
        if (e.getFault() == null) {
            return String.valueOf(e.getMessage());
        }
        String code = e.getFault().getFaultCodeAsQName() == null ? "?" : e.getFault().getFaultCodeAsQName().getLocalPart();
        return code + " - " + e.getFault().getFaultString();
    }

    private static boolean hasDetailElement(SOAPFaultException e, String localName) {
        var detail = e.getFault().getDetail();
        if (detail == null) {
            return false;
        }
        var it = detail.getDetailEntries();
        while (it.hasNext()) {
            var entry = it.next();
            if (localName.equals(entry.getElementName().getLocalName())
                    || (localName + "Fault").equals(entry.getElementName().getLocalName())) {
                return true;
            }
        }
        return false;
    }

    /** {type, value} of the {@code obj} in a ManagedObjectNotFound detail, or {null, null}. */
    private static String[] notFoundObject(SOAPFaultException e) {
        if (e.getFault() == null || e.getFault().getDetail() == null) {
            return new String[2];
        }
        var it = e.getFault().getDetail().getDetailEntries();
        while (it.hasNext()) {
            var entry = it.next();
            if (!entry.getElementName().getLocalName().startsWith("ManagedObjectNotFound")) {
                continue;
            }
            var children = entry.getElementsByTagNameNS("*", "obj");
            if (children.getLength() > 0 && children.item(0) instanceof org.w3c.dom.Element obj) {
                return new String[] {obj.getAttribute("type"), obj.getTextContent().trim()};
            }
        }
        return new String[2];
    }

    private static boolean hasCertificateCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof CertificateException || c instanceof java.security.cert.CertPathValidatorException
                    || c.getClass().getName().equals("sun.security.validator.ValidatorException")) {
                return true;
            }
        }
        String m = String.valueOf(t.getMessage());
        return m.contains("PKIX") || m.contains("certificate");
    }

    private static boolean isHostnameMismatch(Throwable t) {
        String m = String.valueOf(t.getMessage());
        return (t instanceof CertificateException || t instanceof SSLHandshakeException || t instanceof java.io.IOException)
                && (m.contains("No subject alternative") || m.contains("No name matching")
                || m.contains("HTTPS hostname wrong"));
    }
}
