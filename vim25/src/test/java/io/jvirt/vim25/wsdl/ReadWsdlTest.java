package io.jvirt.vim25.wsdl;

import io.jvirt.vim25.VimPortType;
import io.jvirt.vim25.VimReadPortType;
import jakarta.jws.WebMethod;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * vimRead.wsdl is vim.wsdl cut down to the read port's operations: every message, port-type
 * operation and binding operation it has is the same element as in vim.wsdl, and it has exactly
 * the operations of {@link VimReadPortType}.
 */
class ReadWsdlTest {
    private static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";

    private static Document parse(URL url) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setIgnoringComments(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        try (InputStream in = url.openStream()) {
            Document d = f.newDocumentBuilder().parse(in);
            d.normalizeDocument();
            return d;
        }
    }

    /** name -> element of every child of {@code parent} named {@code localName} (WSDL namespace). */
    private static Map<String, Element> named(Element parent, String localName) {
        Map<String, Element> out = new LinkedHashMap<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && WSDL.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                out.put(e.getAttribute("name"), e);
            }
        }
        return out;
    }

    private static Element child(Element parent, String localName) {
        NodeList l = parent.getElementsByTagNameNS(WSDL, localName);
        assertEquals(1, l.getLength(), localName);
        return (Element) l.item(0);
    }

    @Test
    void everyPartOfTheReadWsdlIsTheSameAsInTheFullOne() throws Exception {
        URL full = VimWsdl.class.getResource("vim.wsdl");
        URL read = VimWsdl.class.getResource("vimRead.wsdl");
        assertNotNull(full);
        assertNotNull(read);
        assertNotNull(VimWsdl.readServiceWsdl());
        Element f = parse(full).getDocumentElement();
        Element r = parse(read).getDocumentElement();

        Set<String> operations = Arrays.stream(VimReadPortType.class.getMethods())
                .map(m -> m.getAnnotation(WebMethod.class).operationName())
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, Element> readPortOps = named(child(r, "portType"), "operation");
        Map<String, Element> readBindingOps = named(child(r, "binding"), "operation");
        assertEquals(operations, new TreeSet<>(readPortOps.keySet()), "port type operations = VimReadPortType's");
        assertEquals(operations, new TreeSet<>(readBindingOps.keySet()), "binding operations = VimReadPortType's");

        Map<String, Element> fullPortOps = named(child(f, "portType"), "operation");
        Map<String, Element> fullBindingOps = named(child(f, "binding"), "operation");
        for (String op : operations) {
            assertTrue(fullPortOps.get(op).isEqualNode(readPortOps.get(op)), "port type operation " + op);
            assertTrue(fullBindingOps.get(op).isEqualNode(readBindingOps.get(op)), "binding operation " + op);
        }
        Map<String, Element> fullMessages = named(f, "message");
        Map<String, Element> readMessages = named(r, "message");
        assertTrue(readMessages.size() >= operations.size() * 2, "request and response messages");
        for (Map.Entry<String, Element> m : readMessages.entrySet()) {
            assertTrue(m.getValue().isEqualNode(fullMessages.get(m.getKey())), "message " + m.getKey());
        }
        assertTrue(child(f, "types").isEqualNode(child(r, "types")), "the same schema");
        for (String attribute : new String[] {"name", "type"}) {
            assertEquals(child(f, "binding").getAttribute(attribute), child(r, "binding").getAttribute(attribute));
        }
    }

    @Test
    void everyOperationOfTheReadPortTypeIsInTheFullPortType() {
        Set<String> full = Arrays.stream(VimPortType.class.getMethods()).map(Method::getName).collect(Collectors.toSet());
        for (Method m : VimReadPortType.class.getMethods()) {
            assertTrue(full.contains(m.getName()), m.getName());
        }
    }
}
