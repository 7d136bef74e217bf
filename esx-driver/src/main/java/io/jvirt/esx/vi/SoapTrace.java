package io.jvirt.esx.vi;

import com.sun.xml.ws.api.handler.MessageHandler;
import com.sun.xml.ws.api.handler.MessageHandlerContext;
import com.sun.xml.ws.api.message.Message;
import jakarta.xml.ws.handler.MessageContext;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Logs every SOAP request and response of one session at {@code DEBUG} (JDK logging: {@code FINE}) on the
 * {@link System.Logger}
 * {@value #LOGGER}, like {@code LIBVIRT_DEBUG} shows libvirt's SOAP traffic. The content of
 * every {@code password} element (the {@code Login} call) is replaced by {@code ***} before
 * the text is logged. A Metro {@link MessageHandler} (not a SAAJ handler, which rewrites the
 * messages it sees) logs a copy of each message; it is installed only when that level is enabled.
 */
final class SoapTrace implements MessageHandler<MessageHandlerContext> {
    /** The logger name; enable DEBUG/FINE on it (jvirsh: {@code -d 1}) to see the traffic. */
    static final String LOGGER = "io.jvirt.esx.soap";
    private static final System.Logger LOG = System.getLogger(LOGGER);
    private static final Pattern PASSWORD = Pattern.compile(
            "(<(?:[\\w.-]+:)?password(?:\\s[^>]*)?>)(.*?)(</(?:[\\w.-]+:)?password>)", Pattern.DOTALL);

    private final String host;

    SoapTrace(String host) {
        this.host = host;
    }

    /** True when traffic would be logged, so a session installs the handler. */
    static boolean enabled() {
        return LOG.isLoggable(System.Logger.Level.DEBUG);
    }

    /** Logs one message text (a request the driver sends itself), passwords masked. */
    static void log(String what, String xml) {
        LOG.log(System.Logger.Level.DEBUG, () -> what + ":\n" + mask(xml));
    }

    /** The message text with passwords masked. */
    static String mask(String xml) {
        // every match contains "password": most texts (all answers) are returned unscanned, which
        // keeps tracing a multi-megabyte answer from costing a regular-expression pass over it
        return xml.indexOf("password") < 0 ? xml : PASSWORD.matcher(xml).replaceAll("$1***$3");
    }

    @Override
    public boolean handleMessage(MessageHandlerContext context) {
        if (LOG.isLoggable(System.Logger.Level.DEBUG) && context.getMessage() != null) {
            boolean outbound = Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY));
            String text;
            try {
                text = text(context.getMessage());
            } catch (XMLStreamException | RuntimeException e) {
                if (!outbound) {
                    // copying a broken (e.g. cut) answer consumed it: Metro cannot read it any more, so
                    // the call fails here as a malformed answer instead of with Metro's internal error
                    throw new jakarta.xml.ws.WebServiceException("the answer cannot be read", e);
                }
                text = "(message not printable: " + e.getMessage() + ")";
            }
            String shown = text;
            LOG.log(System.Logger.Level.DEBUG, () -> (outbound ? "SOAP request to " : "SOAP response from ") + host + ":\n"
                    + mask(shown));
        }
        return true;
    }

    @Override
    public boolean handleFault(MessageHandlerContext context) {
        return handleMessage(context);
    }

    @Override
    public void close(MessageContext context) {
    }

    @Override
    public Set<QName> getHeaders() {
        return Set.of();
    }

    private static String text(Message message) throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter writer = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
        message.copy().writeTo(writer);
        writer.flush();
        return out.toString();
    }
}
