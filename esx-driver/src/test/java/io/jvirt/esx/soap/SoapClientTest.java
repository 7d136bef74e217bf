package io.jvirt.esx.soap;

import io.jvirt.esx.testing.CannedServer;
import io.jvirt.esx.transport.TransportConfig;
import io.jvirt.esx.uri.Transport;
import io.jvirt.fixtures.replay.Recording;
import io.jvirt.vim25.InvalidProperty;
import io.jvirt.vim25.InvalidPropertyFaultMsg;
import io.jvirt.vim25.ManagedObjectNotFound;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.NotAuthenticated;
import io.jvirt.vim25.ObjectFactory;
import io.jvirt.vim25.ObjectSpec;
import io.jvirt.vim25.PropertyFilterSpec;
import io.jvirt.vim25.PropertySpec;
import io.jvirt.vim25.RetrieveOptions;
import io.jvirt.vim25.RetrievePropertiesExRequestType;
import io.jvirt.vim25.RetrieveResult;
import io.jvirt.vim25.RuntimeFaultFaultMsg;
import io.jvirt.vim25.SelectionSpec;
import io.jvirt.vim25.TraversalSpec;
import io.jvirt.vim25.VimReadPortType;
import io.jvirt.vim25.VirtualMachinePowerState;
import io.jvirt.vim25.typing.XsiTypeFallback;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Element;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.CookieManager;
import java.net.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The SOAP client reads and writes exactly what the JAXB runtime reads and writes for the same
 * classes (JAXB is the reference: every recorded answer of the corpus, real and constructed, is
 * read both ways and compared field by field), and turns every kind of failed answer into its
 * own exception.
 */
class SoapClientTest {
    private static final String ENV = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<soapenv:Body>";
    private static final String END = "</soapenv:Body></soapenv:Envelope>";
    private static JAXBContext jaxb;

    @BeforeAll
    static void jaxb() throws JAXBException {
        jaxb = JAXBContext.newInstance(ObjectFactory.class);
    }

    // ---- reading: the same objects as JAXB -------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyRecordedAnswerIsReadAsJaxbReadsIt() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : Recording.names()) {
            Recording.load(name).files().forEach((file, bytes) -> {
                if (file.endsWith(".xml")) {
                    tests.add(DynamicTest.dynamicTest(name + "/" + file, () -> readsAsJaxb(bytes)));
                }
            });
        }
        assertTrue(tests.size() > 100, "the corpus has " + tests.size() + " answers");
        return tests.stream();
    }

    private static void readsAsJaxb(byte[] answer) throws Exception {
        XMLStreamReader ours = atAnswer(answer);
        String element = ours.getLocalName();
        // an operation's answer (a wrapper class), or the detail of a fault (<NotAuthenticatedFault>)
        Class<?> type = element.endsWith("Fault") ? VimXmlReader.vimType(element.substring(0, element.length() - 5))
                : Class.forName("io.jvirt.vim25." + element);
        Object read = new VimXmlReader(XsiTypeFallback.create(w -> { }).filter(ours)).read(type);

        Unmarshaller u = jaxb.createUnmarshaller();
        XMLStreamReader theirs = XsiTypeFallback.create(w -> { }).filter(atAnswer(answer));
        Object expected = u.unmarshal(theirs, type).getValue();
        assertSameGraph(expected, read, type.getSimpleName());
    }

    /** At the body's first element of an envelope (the detail's, for a fault), or at the root otherwise. */
    private static XMLStreamReader atAnswer(byte[] answer) throws XMLStreamException {
        XMLStreamReader r = XMLInputFactory.newDefaultFactory().createXMLStreamReader(new ByteArrayInputStream(answer));
        r.nextTag();
        if (!r.getLocalName().equals("Envelope")) {
            return r;
        }
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT && !Set.of("Body", "Fault", "faultcode", "faultstring", "detail")
                    .contains(r.getLocalName()) && !r.getLocalName().equals("Header")) {
                return r;
            }
        }
        throw new AssertionError("no answer in the SOAP body");
    }

    /** Field-by-field equality of two object graphs of generated classes. */
    private static void assertSameGraph(Object expected, Object actual, String path) throws IllegalAccessException {
        if (expected == null || actual == null) {
            if (expected instanceof List<?> l && l.isEmpty() || actual instanceof List<?> m && m.isEmpty()) {
                return; // JAXB leaves an absent list null or empty: the getter makes both empty
            }
            assertEquals(expected, actual, path);
            return;
        }
        assertEquals(expected.getClass(), actual.getClass(), path);
        Class<?> c = expected.getClass();
        if (expected instanceof List<?> e) {
            List<?> a = (List<?>) actual;
            assertEquals(e.size(), a.size(), path + ".size()");
            for (int i = 0; i < e.size(); i++) {
                assertSameGraph(e.get(i), a.get(i), path + "[" + i + "]");
            }
        } else if (c.isArray()) {
            assertEquals(Array.getLength(expected), Array.getLength(actual), path + ".length");
            assertTrue(Arrays.equals((byte[]) expected, (byte[]) actual), path);
        } else if (expected instanceof Element e) {
            assertTrue(e.isEqualNode((Element) actual), path);
        } else if (c.getName().startsWith("io.jvirt.vim25.") && !c.isEnum()) {
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    f.setAccessible(true);
                    assertSameGraph(f.get(expected), f.get(actual), path + "." + f.getName());
                }
            }
        } else {
            assertEquals(expected, actual, path);
        }
    }

    @Test
    void theGraphComparisonSeesADifferenceDeepDown() throws Exception {
        String a = "<RetrieveResult xmlns=\"urn:vim25\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<objects><obj type=\"VirtualMachine\">vm-1</obj><propSet><name>p</name>"
                + "<val xsi:type=\"ManagedObjectReference\" type=\"Folder\">f-1</val></propSet></objects></RetrieveResult>";
        assertSameGraph(read(a, RetrieveResult.class), read(a, RetrieveResult.class), "same");
        assertThrows(AssertionError.class, () -> assertSameGraph(read(a, RetrieveResult.class),
                read(a.replace("f-1", "f-2"), RetrieveResult.class), "different"));
    }

    @Test
    void valuesOfEveryKind() throws Exception {
        String answer = "<RetrievePropertiesExResponse xmlns=\"urn:vim25\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"><returnval><token>t1</token><objects>"
                + "<obj type=\"VirtualMachine\">vm-1</obj>"
                + "<propSet><name>s</name><val xsi:type=\"xsd:string\"> a &amp; b </val></propSet>"
                + "<propSet><name>i</name><val xsi:type=\"xsd:int\"> +42 </val></propSet>"
                + "<propSet><name>l</name><val xsi:type=\"xsd:long\">-9000000000</val></propSet>"
                + "<propSet><name>b</name><val xsi:type=\"xsd:boolean\">1</val></propSet>"
                + "<propSet><name>d</name><val xsi:type=\"xsd:dateTime\">2026-12-04T10:00:00Z</val></propSet>"
                + "<propSet><name>bin</name><val xsi:type=\"xsd:base64Binary\">AQID</val></propSet>"
                + "<propSet><name>state</name><val xsi:type=\"VirtualMachinePowerState\">suspended</val></propSet>"
                + "<propSet><name>future</name><val xsi:type=\"VirtualMachinePowerState\">hibernated</val></propSet>"
                + "<propSet><name>mor</name><val xsi:type=\"ManagedObjectReference\" type=\"Folder\">group-v3</val></propSet>"
                + "<propSet><name>untyped</name><val><x>1</x></val></propSet>"
                + "<propSet><name>nil</name><val xsi:nil=\"true\"/></propSet>"
                + "<propSet><name>newer</name><val xsi:type=\"xsd:int\">7</val><addedInVsphere10>x</addedInVsphere10></propSet>"
                + "</objects></returnval></RetrievePropertiesExResponse>";
        RetrieveResult r = ((io.jvirt.vim25.RetrievePropertiesExResponse) read(answer,
                io.jvirt.vim25.RetrievePropertiesExResponse.class)).getReturnval();
        assertEquals("t1", r.getToken());
        Map<String, Object> v = new java.util.LinkedHashMap<>();
        r.getObjects().get(0).getPropSet().forEach(p -> v.put(p.getName(), p.getVal()));
        assertEquals(" a & b ", v.get("s"), "strings are kept as sent");
        assertEquals(42, v.get("i"));
        assertEquals(-9000000000L, v.get("l"));
        assertEquals(Boolean.TRUE, v.get("b"));
        assertEquals("2026-12-04T10:00:00Z", ((javax.xml.datatype.XMLGregorianCalendar) v.get("d")).toXMLFormat());
        assertTrue(Arrays.equals(new byte[] {1, 2, 3}, (byte[]) v.get("bin")));
        assertEquals(VirtualMachinePowerState.SUSPENDED, v.get("state"));
        assertNull(v.get("future"), "an enum value this client does not know is null, as JAXB reads it");
        ManagedObjectReference mor = (ManagedObjectReference) v.get("mor");
        assertEquals("Folder", mor.getType(), "the type attribute, not xsi:type");
        assertEquals("group-v3", mor.getValue());
        assertEquals("val", assertInstanceOf(Element.class, v.get("untyped")).getLocalName());
        assertNull(v.get("nil"));
        assertEquals(7, v.get("newer"), "an element this client does not know is skipped");
        assertEquals(12, v.size());
    }

    @Test
    void aMalformedNumberIsAnErrorNamingTheElement() {
        String answer = "<RetrieveResult xmlns=\"urn:vim25\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"><objects><obj type=\"VirtualMachine\">vm-1</obj>"
                + "<propSet><name>n</name><val xsi:type=\"xsd:int\">forty-two</val></propSet></objects></RetrieveResult>";
        XMLStreamException e = assertThrows(XMLStreamException.class, () -> read(answer, RetrieveResult.class));
        assertTrue(e.getMessage().contains("element 'val' has the value 'forty-two', which is not a valid Integer"),
                e.getMessage());
    }

    private static Object read(String xml, Class<?> type) throws XMLStreamException {
        XMLStreamReader r = XMLInputFactory.newDefaultFactory()
                .createXMLStreamReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        r.nextTag();
        return new VimXmlReader(XsiTypeFallback.create(w -> { }).filter(r)).read(type);
    }

    // ---- writing: JAXB reads back what was written ----------------------------------------

    @Test
    void aRequestIsWrittenSoThatJaxbReadsBackTheSameObject() throws Exception {
        RetrievePropertiesExRequestType request = new RetrievePropertiesExRequestType();
        request.setThis(mor("PropertyCollector", "propertyCollector"));
        PropertyFilterSpec spec = new PropertyFilterSpec();
        PropertySpec props = new PropertySpec();
        props.setType("VirtualMachine");
        props.setAll(false);
        props.getPathSet().addAll(List.of("name", "runtime.powerState"));
        spec.getPropSet().add(props);
        ObjectSpec from = new ObjectSpec();
        from.setObj(mor("Folder", "group-d1 & <root>"));
        from.setSkip(true);
        TraversalSpec folders = new TraversalSpec();
        folders.setName("folders");
        folders.setType("Folder");
        folders.setPath("childEntity");
        folders.setSkip(false);
        SelectionSpec again = new SelectionSpec();
        again.setName("folders");
        folders.getSelectSet().add(again);
        from.getSelectSet().add(folders);
        spec.getObjectSet().add(from);
        request.getSpecSet().add(spec);
        RetrieveOptions options = new RetrieveOptions();
        options.setMaxObjects(100);
        request.setOptions(options);

        StringBuilder xml = new StringBuilder("<RetrievePropertiesEx xmlns=\"urn:vim25\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");
        VimXmlWriter w = new VimXmlWriter(xml);
        w.write("_this", request.getThis(), ManagedObjectReference.class);
        w.write("specSet", request.getSpecSet(), PropertyFilterSpec.class);
        w.write("options", request.getOptions(), RetrieveOptions.class);
        xml.append("</RetrievePropertiesEx>");
        assertTrue(xml.toString().contains("<selectSet xsi:type=\"TraversalSpec\">"), xml.toString());

        Object back = jaxb.createUnmarshaller().unmarshal(XMLInputFactory.newDefaultFactory().createXMLStreamReader(
                new ByteArrayInputStream(xml.toString().getBytes(StandardCharsets.UTF_8))), RetrievePropertiesExRequestType.class)
                .getValue();
        assertSameGraph(request, back, "request");
    }

    @Test
    void aControlCharacterInAnArgumentIsRefusedNotDropped() throws Exception {
        try (CannedServer s = CannedServer.http(200, "text/xml", ENV + END, Duration.ZERO)) {
            SoapException e = assertThrows(SoapException.class,
                    () -> call(s, "findByInventoryPath", mor("SearchIndex", "idx"), "dc/vm/bad\u0001name"));
            assertEquals(SoapException.Kind.BAD_REQUEST, e.kind());
            assertTrue(e.getMessage().contains("U+0001"), e.getMessage());
            assertEquals(0, s.requests(), "nothing was sent");
        }
    }

    // ---- answers over HTTP ---------------------------------------------------------------

    @Test
    void aResultAndAnAbsentResult() throws Exception {
        try (CannedServer s = CannedServer.http(200, "text/xml; charset=utf-8", ENV
                + "<FindByInventoryPathResponse xmlns=\"urn:vim25\"><returnval type=\"VirtualMachine\">vm-7</returnval>"
                + "</FindByInventoryPathResponse>" + END, Duration.ZERO)) {
            ManagedObjectReference found = (ManagedObjectReference) call(s, "findByInventoryPath", mor("SearchIndex", "idx"), "dc/vm/a");
            assertEquals("vm-7", found.getValue());
        }
        try (CannedServer s = CannedServer.http(200, "text/xml", ENV
                + "<FindByInventoryPathResponse xmlns=\"urn:vim25\"></FindByInventoryPathResponse>" + END, Duration.ZERO)) {
            assertNull(call(s, "findByInventoryPath", mor("SearchIndex", "idx"), "dc/vm/none"), "not found is null");
        }
    }

    @Test
    void aDeclaredFaultIsItsGeneratedException() throws Exception {
        InvalidPropertyFaultMsg invalid = assertThrows(InvalidPropertyFaultMsg.class, () -> continueAfterFault("bad path",
                "<InvalidPropertyFault xmlns=\"urn:vim25\" xsi:type=\"InvalidProperty\"><name>nosuch</name></InvalidPropertyFault>"));
        assertEquals("bad path", invalid.getMessage());
        assertEquals("nosuch", assertInstanceOf(InvalidProperty.class, invalid.getFaultInfo()).getName());

        RuntimeFaultFaultMsg expired = assertThrows(RuntimeFaultFaultMsg.class, () -> continueAfterFault("expired",
                "<RuntimeFaultFault xmlns=\"urn:vim25\" xsi:type=\"NotAuthenticated\"></RuntimeFaultFault>"));
        assertInstanceOf(NotAuthenticated.class, expired.getFaultInfo(), "the subclass named by xsi:type");
    }

    /** ContinueRetrievePropertiesEx against a server answering a fault with this string and detail. */
    private static Object continueAfterFault(String faultString, String detail) throws Exception {
        try (CannedServer s = CannedServer.http(500, "text/xml; charset=utf-8", ENV + "<soapenv:Fault>"
                + "<faultcode>ServerFaultCode</faultcode><faultstring>" + faultString + "</faultstring><detail>" + detail
                + "</detail></soapenv:Fault>" + END, Duration.ZERO)) {
            return call(s, "continueRetrievePropertiesEx", mor("PropertyCollector", "pc"), "token");
        }
    }

    @Test
    void anUndeclaredFaultIsASoapFaultWithItsDetailRead() throws Exception {
        try (CannedServer s = CannedServer.http(500, "text/xml", ENV + "<soapenv:Fault>"
                + "<faultcode>ServerFaultCode</faultcode><faultstring>The object has already been deleted</faultstring>"
                + "<detail><ManagedObjectNotFoundFault xmlns=\"urn:vim25\" xsi:type=\"ManagedObjectNotFound\">"
                + "<obj type=\"VirtualMachine\">vm-9</obj></ManagedObjectNotFoundFault></detail></soapenv:Fault>" + END,
                Duration.ZERO)) {
            SoapFault e = assertThrows(SoapFault.class,
                    () -> call(s, "findByInventoryPath", mor("SearchIndex", "idx"), "x"));
            assertEquals("ServerFaultCode", e.code());
            assertEquals("The object has already been deleted", e.faultString());
            assertEquals("ManagedObjectNotFoundFault", e.detailElement());
            assertEquals("vm-9", assertInstanceOf(ManagedObjectNotFound.class, e.detail()).getObj().getValue());
        }
        try (CannedServer s = CannedServer.http(500, "text/xml", ENV + "<soapenv:Fault><faultcode>soapenv:Server</faultcode>"
                + "<faultstring>no detail</faultstring></soapenv:Fault>" + END, Duration.ZERO)) {
            SoapFault e = assertThrows(SoapFault.class, () -> call(s, "findByInventoryPath", mor("SearchIndex", "idx"), "x"));
            assertEquals("Server", e.code());
            assertNull(e.detailElement());
            assertNull(e.detail());
        }
    }

    @Test
    void answersThatAreNotSoap() throws Exception {
        record Case(int status, String contentType, String body, SoapException.Kind kind, String message) {
        }
        List<Case> cases = List.of(
                new Case(503, "text/html", "<html>busy</html>", SoapException.Kind.HTTP_STATUS,
                        "The server sent HTTP status code 503: "),
                new Case(500, "text/html", "<html>oops</html>", SoapException.Kind.HTTP_STATUS,
                        "The server sent HTTP status code 500: "),
                new Case(404, "text/xml", ENV + END, SoapException.Kind.HTTP_STATUS, "The server sent HTTP status code 404: "),
                new Case(200, "text/html", "<html>login page</html>", SoapException.Kind.NOT_SOAP,
                        "the answer's content type is 'text/html', not XML"),
                new Case(200, "text/xml", "<html/>", SoapException.Kind.NOT_SOAP, "it is not a SOAP 1.1 envelope (found <html>)"),
                new Case(200, "text/xml", "<e:Envelope xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\"><e:Body/></e:Envelope>",
                        SoapException.Kind.NOT_SOAP, "it is not a SOAP 1.1 envelope (found <Envelope>)"),
                new Case(200, "text/xml", ENV + "<LogoutResponse xmlns=\"urn:vim25\"/>" + END, SoapException.Kind.NOT_SOAP,
                        "expected <FindByInventoryPathResponse>, found <LogoutResponse>"),
                new Case(200, "text/xml", ENV + END, SoapException.Kind.NOT_SOAP, "the body is empty"));
        for (Case c : cases) {
            try (CannedServer s = CannedServer.http(c.status(), c.contentType(), c.body(), Duration.ZERO)) {
                SoapException e = assertThrows(SoapException.class,
                        () -> call(s, "findByInventoryPath", mor("SearchIndex", "idx"), "x"), c.toString());
                assertEquals(c.kind(), e.kind(), c.toString());
                assertTrue(e.getMessage().startsWith(c.message()), c + ": " + e.getMessage());
            }
        }
        try (CannedServer s = CannedServer.http(200, "text/xml", ENV + "<FindByInventoryPathResponse xmlns=\"urn:vim25\">"
                + "<returnval type=\"VirtualMachine\">vm", Duration.ZERO)) {
            assertThrows(XMLStreamException.class, () -> call(s, "findByInventoryPath", mor("SearchIndex", "idx"), "x"),
                    "a cut answer is not well-formed XML");
        }
    }

    @Test
    void theSessionCookieSoapActionAndExtraHeadersAreSent() throws Exception {
        AtomicInteger traced = new AtomicInteger();
        try (CannedServer s = CannedServer.http(200, "text/xml", ENV
                + "<LogoutResponse xmlns=\"urn:vim25\"/>" + END, Duration.ZERO)) {
            CookieManager cookies = new CookieManager();
            URL url = new URL("http://127.0.0.1:" + s.port() + "/sdk");
            cookies.put(url.toURI(), Map.of("Set-Cookie", List.of("vmware_soap_session=\"abc\"; Path=/")));
            SoapClient client = new SoapClient("127.0.0.1", url, transport(), cookies, XsiTypeFallback.create(w -> { }),
                    (what, xml) -> traced.incrementAndGet());
            client.soapAction("urn:vim25/8.0.3.0");
            client.headers(Map.of("Connection", List.of("close")));
            assertNull(client.invoke(method("logout"), new Object[] {mor("SessionManager", "sm")}));
            String request = s.lastRequest();
            String headers = request.toLowerCase(java.util.Locale.ROOT); // the JDK's server capitalises names its own way
            assertTrue(headers.contains("soapaction: \"urn:vim25/8.0.3.0\""), request);
            assertTrue(headers.contains("cookie: vmware_soap_session="), request);
            assertTrue(headers.contains("connection: close"), request);
            assertTrue(request.contains("<Logout xmlns=\"urn:vim25\"><_this type=\"SessionManager\">sm</_this></Logout>"),
                    request);
            assertEquals(2, traced.get(), "request and answer traced");
        }
    }

    private static Object call(CannedServer s, String name, Object... args) throws Exception {
        SoapClient client = new SoapClient("127.0.0.1", new URL("http://127.0.0.1:" + s.port() + "/sdk"), transport(),
                new CookieManager(), XsiTypeFallback.create(w -> { }), null);
        return client.invoke(method(name), args);
    }

    private static Method method(String name) {
        return Arrays.stream(VimReadPortType.class.getMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    private static TransportConfig transport() {
        return new TransportConfig(Transport.HTTP, false, null, null, Proxy.NO_PROXY, Duration.ofSeconds(5),
                Duration.ofSeconds(5));
    }

    private static ManagedObjectReference mor(String type, String value) {
        ManagedObjectReference m = new ManagedObjectReference();
        m.setType(type);
        m.setValue(value);
        return m;
    }
}
