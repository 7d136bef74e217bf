package io.jvirt.esx.vi;

import io.jvirt.esx.transport.TransportConfig;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.auth.Secret;
import io.jvirt.vim25.ManagedObjectReference;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The {@code Login} request, sent by the driver itself rather than through the JAX-WS port, so
 * that the password never becomes a {@link String} and never passes through Metro, whose HTTP
 * dump (logger {@code com.sun.xml.ws.transport.http.client.HttpTransportPipe} at {@code FINER})
 * would show it. The password's characters go from the {@link Secret} straight into the
 * UTF-8 request body, and every copy is wiped after sending. Same TLS, proxy, timeouts, session
 * cookie and SOAPAction as the session's other requests; the SOAP trace shows the request with
 * the password masked.
 */
final class SoapLogin {
    private static final int MAX_ANSWER = 1 << 20;

    private SoapLogin() {
    }

    /** Logs in; the answer's {@code Set-Cookie} becomes the session cookie. */
    static void login(String host, URL sdkUrl, String soapAction, TransportConfig transport, SessionCookies cookies,
                      ManagedObjectReference sessionManager, String username, Secret password) {
        byte[] body = body(sessionManager, username, password);
        HttpURLConnection c = null;
        boolean reusable = false;
        try {
            if (SoapTrace.enabled()) {
                SoapTrace.log("SOAP request to " + host, new String(body(sessionManager, username, null), StandardCharsets.UTF_8));
            }
            c = transport.open(sdkUrl);
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(body.length);
            c.setRequestProperty("Content-Type", "text/xml; charset=utf-8");
            c.setRequestProperty("SOAPAction", "\"" + soapAction + "\"");
            c.setRequestProperty("User-Agent", "jvirt-esx");
            String cookie = cookies.header();
            if (!cookie.isEmpty()) {
                c.setRequestProperty("Cookie", cookie);
            }
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            } finally {
                Arrays.fill(body, (byte) 0);
            }
            int status = c.getResponseCode();
            cookies.takeFromLogin(c.getHeaderFields());
            byte[] answer;
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                answer = in == null ? new byte[0] : in.readNBytes(MAX_ANSWER);
                // read to its end, the connection carries the session's next request (no second TLS handshake)
                reusable = in != null && in.read() < 0;
            }
            if (SoapTrace.enabled()) {
                SoapTrace.log("SOAP response from " + host, new String(answer, StandardCharsets.UTF_8));
            }
            check(host, status, answer);
        } catch (IOException e) {
            throw VimFaults.map(host, "Login", e);
        } finally {
            Arrays.fill(body, (byte) 0);
            if (c != null && !reusable) {
                c.disconnect();
            }
        }
    }

    /** The request body; with {@code password == null} the masked copy for the trace. */
    static byte[] body(ManagedObjectReference sessionManager, String username, Secret password) {
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soapenv:Body><Login xmlns=\"urn:vim25\"><_this type=\"" + escape(sessionManager.getType()) + "\">"
                + escape(sessionManager.getValue()) + "</_this><userName>" + escape(username) + "</userName><password>";
        String tail = "</password></Login></soapenv:Body></soapenv:Envelope>";
        if (password == null) {
            return (head + "***" + tail).getBytes(StandardCharsets.UTF_8);
        }
        char[] chars = password.chars();
        char[] escaped = escape(chars);
        Arrays.fill(chars, '\0');
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(escaped));
        Arrays.fill(escaped, '\0');
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[h.length + encoded.remaining() + t.length];
        System.arraycopy(h, 0, out, 0, h.length);
        int n = encoded.remaining();
        encoded.get(out, h.length, n);
        System.arraycopy(t, 0, out, h.length + n, t.length);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return out;
    }

    private static String escape(String s) {
        return new String(escape(s.toCharArray()));
    }

    /** XML-escapes characters (text and attribute values) into a new array. */
    private static char[] escape(char[] s) {
        char[] out = new char[s.length * 6];
        int n = 0;
        for (char ch : s) {
            String rep = switch (ch) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                default -> null;
            };
            if (rep == null) {
                out[n++] = ch;
            } else {
                for (int i = 0; i < rep.length(); i++) {
                    out[n++] = rep.charAt(i);
                }
            }
        }
        char[] result = Arrays.copyOf(out, n);
        Arrays.fill(out, '\0');
        return result;
    }

    /** Success is a LoginResponse; a fault or anything else is an error naming the host. */
    private static void check(String host, int status, byte[] answer) {
        Answer a = parse(answer);
        if (status == 200 && "LoginResponse".equals(a.element())) {
            return;
        }
        if ("Fault".equals(a.element())) {
            if (a.faultType() != null && a.faultType().startsWith("InvalidLogin")) {
                throw new HypervisorException(ErrorCode.AUTH_FAILED, ErrorDomain.ESX,
                        "Cannot log in to '" + host + "': the server rejected the user name or password");
            }
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "Call to 'Login' on '" + host + "' failed. Fault: "
                            + (a.faultType() == null ? "" : a.faultType() + " - ") + a.faultString());
        }
        if (status != 200) {
            throw new HypervisorException(ErrorCode.HTTP_ERROR, ErrorDomain.ESX,
                    "Call to 'Login' on '" + host + "' failed: HTTP status code " + status);
        }
        throw new HypervisorException(ErrorCode.RPC_FAILED, ErrorDomain.ESX,
                "Server '" + host + "' answered the call to 'Login' with something that is not a valid SOAP message"
                        + (a.problem() == null ? "" : ": " + a.problem()));
    }

    /** The first element of the SOAP body and, for a fault, its text and vSphere fault type. */
    private record Answer(String element, String faultString, String faultType, String problem) {
    }

    private static Answer parse(byte[] answer) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(answer));
            String first = null;
            String faultString = null;
            String faultType = null;
            boolean inBody = false;
            boolean inDetail = false;
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = r.getLocalName();
                if (!inBody) {
                    inBody = name.equals("Body");
                    continue;
                }
                if (first == null) {
                    first = name;
                    if (!name.equals("Fault")) {
                        break;
                    }
                } else if (name.equals("faultstring")) {
                    faultString = r.getElementText();
                } else if (name.equals("detail")) {
                    inDetail = true;
                } else if (inDetail && faultType == null) {
                    String xsiType = r.getAttributeValue(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "type");
                    faultType = xsiType != null ? xsiType.substring(xsiType.indexOf(':') + 1) : name;
                }
            }
            return new Answer(first, faultString, faultType, null);
        } catch (XMLStreamException | RuntimeException e) {
            return new Answer(null, null, null, e.getMessage());
        }
    }

    /** For tests: the body as text with the password masked. */
    static String maskedBody(ManagedObjectReference sessionManager, String username) {
        return new String(body(sessionManager, username, null), StandardCharsets.UTF_8);
    }
}
