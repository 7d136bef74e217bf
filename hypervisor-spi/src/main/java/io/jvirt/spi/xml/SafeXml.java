package io.jvirt.spi.xml;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A hardened XML reader: DOCTYPE declarations are refused (so no DTDs, no entity expansion, no
 * external entities), external DTD/schema access is off, secure processing is on. Every failure is
 * a {@link HypervisorException} with {@link ErrorCode#XML_ERROR} and the line/column.
 */
public final class SafeXml {
    /** Documents above this size are refused before parsing (10 MiB of characters). */
    public static final int MAX_CHARS = 10 * 1024 * 1024;
    /** Elements nested deeper than this are refused. */
    public static final int MAX_DEPTH = 256;

    private static final SAXParserFactory FACTORY = createFactory();
    /** Creating a parser costs more than parsing a domain: each thread reuses one (reset after use). */
    private static final ThreadLocal<SAXParser> PARSERS = new ThreadLocal<>();

    private SafeXml() {
    }

    private static SAXParserFactory createFactory() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return f;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot configure a secure XML parser", e);
        }
    }

    /** Parses a whole document and returns its root element. */
    public static XmlNode parse(String xml) {
        if (xml == null) {
            throw new HypervisorException(ErrorCode.XML_ERROR, ErrorDomain.XML, "no XML document given");
        }
        if (xml.length() > MAX_CHARS) {
            throw HypervisorException.of(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "XML document too large: %d characters (at most %d)", xml.length(), MAX_CHARS);
        }
        TreeBuilder builder = new TreeBuilder();
        SAXParser parser = PARSERS.get();
        PARSERS.remove(); // not shared with a nested parse on this thread
        try {
            if (parser == null) {
                parser = FACTORY.newSAXParser();
                parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            }
            parser.parse(new InputSource(new StringReader(xml)), builder);
        } catch (SAXParseException e) {
            throw HypervisorException.of(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "malformed XML at line %d, column %d: %s", e.getLineNumber(), e.getColumnNumber(),
                    e.getMessage());
        } catch (SAXException | IOException | ParserConfigurationException | RuntimeException e) {
            if (e instanceof HypervisorException he) {
                throw he;
            }
            throw new HypervisorException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "malformed XML: " + e.getMessage(), e);
        } finally {
            recycle(parser);
        }
        if (builder.root == null) {
            throw new HypervisorException(ErrorCode.XML_ERROR, ErrorDomain.XML, "XML document has no root element");
        }
        return builder.root;
    }

    /** Resets the parser (also after a failed parse) and keeps it for this thread's next document. */
    private static void recycle(SAXParser parser) {
        if (parser == null) {
            return;
        }
        try {
            parser.reset();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            PARSERS.set(parser);
        } catch (SAXException | RuntimeException e) {
            // a parser that cannot be reset is dropped; the next parse creates a new one
        }
    }

    private static final class TreeBuilder extends DefaultHandler {
        private final Deque<XmlNode> stack = new ArrayDeque<>();
        private Locator locator;
        private XmlNode root;

        @Override
        public void setDocumentLocator(Locator l) {
            locator = l;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            int line = locator == null ? -1 : locator.getLineNumber();
            if (stack.size() >= MAX_DEPTH) {
                throw HypervisorException.of(ErrorCode.XML_ERROR, ErrorDomain.XML,
                        "XML elements nested deeper than %d at line %d", MAX_DEPTH, line);
            }
            XmlNode node = new XmlNode(uri, localName, line);
            for (int i = 0; i < atts.getLength(); i++) {
                if (atts.getURI(i).isEmpty()) {
                    node.addAttribute(atts.getLocalName(i), atts.getValue(i));
                }
            }
            if (stack.isEmpty()) {
                root = node;
            } else {
                stack.peek().addChild(node);
            }
            stack.push(node);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            stack.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!stack.isEmpty()) {
                stack.peek().appendText(ch, start, length);
            }
        }
    }
}
