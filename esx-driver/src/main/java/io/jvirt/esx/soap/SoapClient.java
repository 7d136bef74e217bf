package io.jvirt.esx.soap;

import io.jvirt.esx.transport.TransportConfig;
import io.jvirt.vim25.typing.XsiTypeFallback;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.xml.ws.WebFault;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.CookieHandler;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * A SOAP 1.1 client for the operations of a JAX-WS service endpoint interface (the vim25
 * {@code VimReadPortType}), without a JAX-WS runtime: each call is one HTTP POST over the
 * connection's own {@link TransportConfig} (TLS, proxy, timeouts) with its session cookie, the
 * request written from the interface's {@code @WebMethod}/{@code @WebParam} annotations and the
 * answer read into the generated classes ({@link VimXmlReader}) through the connection's
 * {@link XsiTypeFallback}. A fault the operation declares becomes its generated
 * {@code ...FaultMsg} exception with the fault read into its class, as a JAX-WS stub throws it;
 * any other fault a {@link SoapFault}.
 *
 * <p>Why: a JAX-WS port needs its runtime (Metro) and a JAXB model of every class it can meet,
 * built on a port's first use; in a short-lived process (one jvirsh command) that was most of
 * the CPU time before the first request (benchmarks/STARTUP.md). This client looks at a class
 * only when an answer contains it. Thread-safe: requests run in parallel; the settings below are
 * read once per request.
 */
public final class SoapClient {
    static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<soapenv:Envelope xmlns:soapenv=\"" + SOAP_ENV + "\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>";
    private static final String TAIL = "</soapenv:Body></soapenv:Envelope>";
    private static final Map<Method, Operation> OPERATIONS = new ConcurrentHashMap<>();

    private final String host;
    private final TransportConfig transport;
    private final CookieHandler cookies;
    private final XsiTypeFallback fallback;
    private final BiConsumer<String, String> trace;
    private volatile URL address;
    private volatile String soapAction;
    private volatile Map<String, List<String>> headers = Map.of();

    /**
     * @param host      the server's name, for the trace
     * @param address   the SOAP endpoint ({@code https://host/sdk})
     * @param transport TLS, proxy and timeouts
     * @param cookies   the session's cookie jar: asked for every request, told every answer's headers
     * @param fallback  how types this client does not bind are read
     * @param trace     gets ("SOAP request to host", xml) and ("SOAP response from host", xml); null for none
     */
    public SoapClient(String host, URL address, TransportConfig transport, CookieHandler cookies,
                      XsiTypeFallback fallback, BiConsumer<String, String> trace) {
        this.host = host;
        this.address = address;
        this.transport = transport;
        this.cookies = cookies;
        this.fallback = fallback;
        this.trace = trace;
        this.soapAction = "urn:vim25";
    }

    /** The SOAPAction of later requests (vCenter chooses the API version by it). */
    public void soapAction(String action) {
        this.soapAction = action;
    }

    /** The endpoint of later requests. */
    public void address(URL url) {
        this.address = url;
    }

    /** Extra HTTP request headers of later requests (e.g. {@code Connection: close} for the last one). */
    public void headers(Map<String, List<String>> extra) {
        this.headers = Map.copyOf(extra);
    }

    /**
     * Calls the operation of an endpoint-interface method with these arguments and returns its
     * result (null for {@code void} and for an answer without {@code returnval}).
     *
     * @throws Exception a declared {@code ...FaultMsg}, a {@link SoapFault}, a {@link SoapException},
     *                   an {@link IOException} of the network or TLS, or an {@link XMLStreamException}
     *                   for an answer that is not well-formed
     */
    public Object invoke(Method method, Object[] args) throws Exception {
        Operation op = OPERATIONS.computeIfAbsent(method, Operation::of);
        byte[] body;
        try {
            body = op.request(args == null ? new Object[0] : args);
        } catch (IllegalArgumentException e) {
            throw new SoapException(SoapException.Kind.BAD_REQUEST, e.getMessage(), e);
        }
        if (trace != null) {
            trace.accept("SOAP request to " + host, new String(body, StandardCharsets.UTF_8));
        }
        URL url = address;
        HttpURLConnection c = transport.open(url);
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        // not in streaming mode: the JDK then sends the request again once when a kept-alive
        // connection turns out to have been closed by the server (as it does for the JAX-WS port)
        c.setRequestProperty("Content-Type", "text/xml; charset=utf-8");
        c.setRequestProperty("SOAPAction", "\"" + soapAction + "\"");
        c.setRequestProperty("User-Agent", "jvirt-esx");
        URI uri = uri(url);
        cookies.get(uri, Map.of()).forEach((k, values) -> values.forEach(v -> c.addRequestProperty(k, v)));
        headers.forEach((k, values) -> values.forEach(v -> c.setRequestProperty(k, v)));
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        int status = c.getResponseCode();
        cookies.put(uri, c.getHeaderFields());
        InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
        String contentType = c.getContentType();
        boolean xml = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("xml");
        // SOAP 1.1 over HTTP: 200 carries the answer, 500 (and 400) a fault; anything else is HTTP's own error
        if (!(status == 200 || ((status == 500 || status == 400) && xml && in != null))) {
            drain(in);
            throw new SoapException(SoapException.Kind.HTTP_STATUS,
                    "The server sent HTTP status code " + status + ": " + c.getResponseMessage(), null);
        }
        if (in == null) {
            throw new SoapException(SoapException.Kind.NOT_SOAP, "the answer has no body", null);
        }
        if (!xml) {
            drain(in);
            throw new SoapException(SoapException.Kind.NOT_SOAP,
                    "the answer's content type is '" + contentType + "', not XML", null);
        }
        // from here on `source` owns the body: closing it closes (or hands back) the connection's stream
        InputStream source = in;
        try {
            if (trace != null) {
                byte[] all;
                try (in) {
                    all = in.readAllBytes();
                }
                trace.accept("SOAP response from " + host, new String(all, StandardCharsets.UTF_8));
                source = new ByteArrayInputStream(all);
            } else {
                source = ReadAhead.of(in);
            }
            Object result = op.answer(reader(source, charset(contentType)), fallback);
            drain(source);
            return result;
        } finally {
            source.close();
        }
    }

    /**
     * Loads and links now what a first call needs (the XML parser, the operations of
     * {@code seiMethods}' interface, the classes of a typical answer) by writing one request and
     * reading one answer of each kind in memory; nothing is sent. For a thread that runs beside a
     * process's other start-up work. Failures are left for the first real call to report.
     */
    public static void prepare(Class<?> sei, XsiTypeFallback fallback) throws Exception {
        Method retrieveServiceContent = null;
        Method retrieveProperties = null;
        for (Method m : sei.getMethods()) {
            Operation op = OPERATIONS.computeIfAbsent(m, Operation::of);
            if (op.name().equals("RetrieveServiceContent")) {
                retrieveServiceContent = m;
            } else if (op.name().equals("RetrievePropertiesEx")) {
                retrieveProperties = m;
            }
        }
        String env = "<soapenv:Envelope xmlns:soapenv=\"" + SOAP_ENV + "\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>";
        if (retrieveServiceContent != null) {
            String answer = env + "<RetrieveServiceContentResponse xmlns=\"urn:vim25\"><returnval>"
                    + "<rootFolder type=\"Folder\">f</rootFolder><about><name>n</name><apiVersion>8.0</apiVersion>"
                    + "</about></returnval></RetrieveServiceContentResponse>" + TAIL;
            OPERATIONS.get(retrieveServiceContent).answer(reader(
                    new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)), null), fallback);
        }
        if (retrieveProperties != null) {
            String answer = env + "<RetrievePropertiesExResponse xmlns=\"urn:vim25\"><returnval><objects>"
                    + "<obj type=\"VirtualMachine\">vm-1</obj>"
                    + "<propSet><name>a</name><val xsi:type=\"xsd:string\">x</val></propSet>"
                    + "<propSet><name>b</name><val xsi:type=\"ManagedObjectReference\" type=\"Folder\">f</val></propSet>"
                    + "<propSet><name>c</name><val xsi:type=\"VirtualMachinePowerState\">poweredOn</val></propSet>"
                    + "<propSet><name>d</name><val xsi:type=\"xsd:int\">1</val></propSet>"
                    + "<propSet><name>e</name><val xsi:type=\"ArrayOfManagedObjectReference\">"
                    + "<ManagedObjectReference type=\"HostSystem\">h</ManagedObjectReference></val></propSet>"
                    + "</objects></returnval></RetrievePropertiesExResponse>" + TAIL;
            OPERATIONS.get(retrieveProperties).answer(reader(
                    new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)), null), fallback);
        }
    }

    private static URI uri(URL url) throws IOException {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("not a valid URI: " + url, e);
        }
    }

    private static String charset(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8).replace("\"", "").strip();
            }
        }
        return null;
    }

    private static XMLStreamReader reader(InputStream in, String charset) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return charset == null ? f.createXMLStreamReader(in) : f.createXMLStreamReader(in, charset);
    }

    /** Reads what is left of an answer so that the connection can carry the next request. */
    private static void drain(InputStream in) throws IOException {
        if (in != null) {
            in.transferTo(OutputStream.nullOutputStream());
            in.close();
        }
    }

    /** One operation of the endpoint interface: its name, parameters, result and declared faults. */
    private record Operation(String name, String[] params, Class<?>[] paramTypes, Class<?> result,
                             List<Fault> faults) {

        static Operation of(Method m) {
            WebMethod wm = m.getAnnotation(WebMethod.class);
            String name = wm != null && !wm.operationName().isEmpty() ? wm.operationName() : m.getName();
            Annotation[][] annotations = m.getParameterAnnotations();
            Type[] types = m.getGenericParameterTypes();
            String[] params = new String[types.length];
            Class<?>[] paramTypes = new Class<?>[types.length];
            for (int i = 0; i < types.length; i++) {
                String p = null;
                for (Annotation a : annotations[i]) {
                    if (a instanceof WebParam w) {
                        p = w.name();
                    }
                }
                if (p == null) {
                    throw new IllegalArgumentException(m + " has a parameter without @WebParam");
                }
                params[i] = p;
                paramTypes[i] = itemType(types[i]);
            }
            List<Fault> faults = new ArrayList<>();
            for (Class<?> e : m.getExceptionTypes()) {
                WebFault wf = e.getAnnotation(WebFault.class);
                if (wf != null) {
                    faults.add(Fault.of(wf.name(), e));
                }
            }
            return new Operation(name, params, paramTypes, m.getReturnType(), List.copyOf(faults));
        }

        private static Class<?> itemType(Type t) {
            if (t instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
                return c;
            }
            return t instanceof Class<?> c ? c : Object.class;
        }

        byte[] request(Object[] args) {
            StringBuilder sb = new StringBuilder(512).append(HEAD);
            sb.append('<').append(name).append(" xmlns=\"urn:vim25\">");
            VimXmlWriter w = new VimXmlWriter(sb);
            for (int i = 0; i < params.length; i++) {
                w.write(params[i], args[i], paramTypes[i]);
            }
            sb.append("</").append(name).append('>').append(TAIL);
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }

        Object answer(XMLStreamReader raw, XsiTypeFallback fallback) throws Exception {
            XMLStreamReader r = fallback.filter(raw);
            VimXmlReader v = new VimXmlReader(r);
            if (v.nextTag() != XMLStreamConstants.START_ELEMENT || !isSoap(r, "Envelope")) {
                throw notSoap("it is not a SOAP 1.1 envelope (found <" + r.getLocalName() + ">)");
            }
            while (true) {
                if (v.nextTag() != XMLStreamConstants.START_ELEMENT) {
                    throw notSoap("the envelope has no body");
                }
                if (isSoap(r, "Body")) {
                    break;
                }
                v.skip(); // a Header
            }
            if (v.nextTag() != XMLStreamConstants.START_ELEMENT) {
                throw notSoap("the body is empty");
            }
            if (isSoap(r, "Fault")) {
                throw fault(r, v);
            }
            if (!r.getLocalName().equals(name + "Response")) {
                throw notSoap("expected <" + name + "Response>, found <" + r.getLocalName() + ">");
            }
            Object result = null;
            while (v.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if (result == null && result() != void.class && r.getLocalName().equals("returnval")) {
                    result = v.read(result());
                } else {
                    v.skip();
                }
            }
            return result;
        }

        private static boolean isSoap(XMLStreamReader r, String local) {
            return SOAP_ENV.equals(r.getNamespaceURI()) && local.equals(r.getLocalName());
        }

        private static SoapException notSoap(String why) {
            return new SoapException(SoapException.Kind.NOT_SOAP, why, null);
        }

        /** The exception of the fault the reader is at. */
        private Exception fault(XMLStreamReader r, VimXmlReader v) throws XMLStreamException {
            String code = null;
            String text = null;
            String detailElement = null;
            Object detail = null;
            Fault declared = null;
            while (v.nextTag() == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "faultcode" -> {
                        String q = r.getElementText().strip();
                        code = q.substring(q.indexOf(':') + 1);
                    }
                    case "faultstring" -> text = r.getElementText();
                    case "detail" -> {
                        while (v.nextTag() == XMLStreamConstants.START_ELEMENT) {
                            if (detailElement != null) {
                                v.skip();
                                continue;
                            }
                            detailElement = r.getLocalName();
                            declared = declaredFault(detailElement);
                            Class<?> type = declared != null ? declared.info()
                                    : VimXmlReader.vimType(detailElement.endsWith("Fault")
                                    ? detailElement.substring(0, detailElement.length() - "Fault".length()) : detailElement);
                            if (type == null) {
                                v.skip();
                            } else {
                                detail = v.read(type);
                            }
                        }
                    }
                    default -> v.skip();
                }
            }
            String message = text == null ? "" : text;
            if (declared != null && declared.info().isInstance(detail)) {
                return declared.create(message, detail);
            }
            return new SoapFault(code, message, detailElement, detail);
        }

        private Fault declaredFault(String element) {
            for (Fault f : faults) {
                if (f.element().equals(element)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** A fault an operation declares: its detail element, exception class and fault class. */
    private record Fault(String element, Constructor<?> constructor, Class<?> info) {
        static Fault of(String element, Class<?> exception) {
            try {
                Class<?> info = exception.getMethod("getFaultInfo").getReturnType();
                return new Fault(element, exception.getConstructor(String.class, info), info);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(exception + " is not a generated fault exception", e);
            }
        }

        Exception create(String message, Object info) {
            try {
                return (Exception) constructor.newInstance(message, info);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create " + constructor.getDeclaringClass() + ": " + e, e);
            }
        }
    }
}
