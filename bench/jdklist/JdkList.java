import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;

/**
 * The least a Java client does to list a vSphere server's VMs: the requests of the benchmark's
 * govmomi client (bench/golist: RetrieveServiceContent, Login, CreateContainerView over the root
 * folder, one RetrieveProperties of name and power state, Logout), sent with the JDK's HTTPS
 * client and read with the JDK's StAX parser, nothing else: no binding, no checks beyond what
 * the next request needs, certificates not verified. bench/run.sh runs it beside jvirsh, virsh and
 * golist, with jvirsh's JVM options and a class-data archive of its own, to show what a cold JVM
 * costs before any driver code runs.
 *
 * <p>Usage: {@code java JdkList https://host:port/sdk user password}; prints one "name state"
 * line per VM. Not part of jvirt: a measuring stick, kept to one file of plain JDK code.
 */
public final class JdkList {
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope"
            + " xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>";
    private static final String TAIL = "</soapenv:Body></soapenv:Envelope>";

    private final URL url;
    private final SSLSocketFactory tls;
    private String cookie;

    private JdkList(URL url, SSLSocketFactory tls) {
        this.url = url;
        this.tls = tls;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java JdkList https://host:port/sdk user password");
            System.exit(2);
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String type) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String type) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        JdkList c = new JdkList(new URL(args[0]), ctx.getSocketFactory());

        Map<String, String> sc = c.call("<RetrieveServiceContent xmlns=\"urn:vim25\"><_this type=\"ServiceInstance\">"
                + "ServiceInstance</_this></RetrieveServiceContent>", null);
        String sessionManager = sc.get("sessionManager");
        c.call("<Login xmlns=\"urn:vim25\"><_this type=\"SessionManager\">" + sessionManager + "</_this><userName>"
                + xml(args[1]) + "</userName><password>" + xml(args[2]) + "</password></Login>", null);
        Map<String, String> view = c.call("<CreateContainerView xmlns=\"urn:vim25\"><_this type=\"ViewManager\">"
                + sc.get("viewManager") + "</_this><container type=\"Folder\">" + sc.get("rootFolder")
                + "</container><type>VirtualMachine</type><recursive>true</recursive></CreateContainerView>", null);
        StringBuilder out = new StringBuilder();
        c.call("<RetrieveProperties xmlns=\"urn:vim25\"><_this type=\"PropertyCollector\">" + sc.get("propertyCollector")
                + "</_this><specSet><propSet><type>VirtualMachine</type><pathSet>name</pathSet>"
                + "<pathSet>runtime.powerState</pathSet></propSet><objectSet><obj type=\"ContainerView\">"
                + view.get("returnval") + "</obj><skip>true</skip><selectSet xsi:type=\"TraversalSpec\">"
                + "<type>ContainerView</type><path>view</path><skip>false</skip></selectSet></objectSet>"
                + "</specSet></RetrieveProperties>", out);
        c.call("<Logout xmlns=\"urn:vim25\"><_this type=\"SessionManager\">" + sessionManager + "</_this></Logout>", null);
        System.out.print(out);
    }

    /**
     * Sends one request and reads its answer: the text of each element that has only text, by
     * its local name (the last one wins), or with {@code vms} set, one "name state" line per
     * object (returnval) of a RetrieveProperties answer.
     */
    private Map<String, String> call(String body, StringBuilder vms) throws Exception {
        HttpsURLConnection h = (HttpsURLConnection) url.openConnection();
        h.setSSLSocketFactory(tls);
        h.setHostnameVerifier((host, session) -> true);
        h.setRequestMethod("POST");
        h.setDoOutput(true);
        h.setRequestProperty("Content-Type", "text/xml; charset=utf-8");
        h.setRequestProperty("SOAPAction", "\"urn:vim25/6.5\"");
        if (cookie != null) {
            h.setRequestProperty("Cookie", cookie);
        }
        try (OutputStream o = h.getOutputStream()) {
            o.write((HEAD + body + TAIL).getBytes(StandardCharsets.UTF_8));
        }
        int status = h.getResponseCode();
        String set = h.getHeaderField("Set-Cookie");
        if (set != null) {
            cookie = set.split(";", 2)[0];
        }
        if (status != 200) {
            throw new IllegalStateException("HTTP status " + status + " for " + body.substring(1, body.indexOf(' ')));
        }
        Map<String, String> texts = new HashMap<>();
        try (InputStream in = h.getInputStream()) {
            XMLStreamReader r = XMLInputFactory.newDefaultFactory().createXMLStreamReader(in);
            String element = null;
            String property = null;
            String name = null;
            String state = null;
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        element = r.getLocalName();
                        text.setLength(0);
                    }
                    case XMLStreamConstants.CHARACTERS -> text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    case XMLStreamConstants.END_ELEMENT -> {
                        String local = r.getLocalName();
                        if (local.equals(element)) {
                            String t = text.toString();
                            texts.put(local, t);
                            if (vms != null && local.equals("name")) {
                                property = t;
                            } else if (vms != null && local.equals("val") && "name".equals(property)) {
                                name = t;
                            } else if (vms != null && local.equals("val") && "runtime.powerState".equals(property)) {
                                state = t;
                            }
                        }
                        element = null;
                        if (vms != null && name != null && local.equals("returnval")) {
                            vms.append(name).append(' ').append(state).append('\n');
                            name = null;
                            state = null;
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return texts;
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
