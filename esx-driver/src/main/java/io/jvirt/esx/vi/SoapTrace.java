package io.jvirt.esx.vi;

import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;

import javax.xml.namespace.QName;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Logs every SOAP request and response of one session at {@link Level#FINE} on logger
 * {@value #LOGGER}, like {@code LIBVIRT_DEBUG} shows libvirt's SOAP traffic. The content of
 * every {@code password} element (the {@code Login} call) is replaced by {@code ***} before
 * the text is logged. Installed only when that level is enabled, because a handler makes Metro
 * build a SAAJ tree of every message.
 */
final class SoapTrace implements SOAPHandler<SOAPMessageContext> {
    /** The logger name; enable FINE on it (jvirsh: {@code -d 1}) to see the traffic. */
    static final String LOGGER = "io.jvirt.esx.soap";
    private static final Logger LOG = Logger.getLogger(LOGGER);
    private static final Pattern PASSWORD = Pattern.compile(
            "(<(?:[\\w.-]+:)?password(?:\\s[^>]*)?>)(.*?)(</(?:[\\w.-]+:)?password>)", Pattern.DOTALL);

    private final String host;

    SoapTrace(String host) {
        this.host = host;
    }

    /** True when traffic would be logged, so a session installs the handler. */
    static boolean enabled() {
        return LOG.isLoggable(Level.FINE);
    }

    /** The message text with passwords masked. */
    static String mask(String xml) {
        return PASSWORD.matcher(xml).replaceAll("$1***$3");
    }

    @Override
    public boolean handleMessage(SOAPMessageContext context) {
        if (LOG.isLoggable(Level.FINE)) {
            boolean outbound = Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY));
            LOG.fine((outbound ? "SOAP request to " : "SOAP response from ") + host + ":\n"
                    + mask(text(context.getMessage())));
        }
        return true;
    }

    @Override
    public boolean handleFault(SOAPMessageContext context) {
        return handleMessage(context);
    }

    @Override
    public void close(MessageContext context) {
    }

    @Override
    public Set<QName> getHeaders() {
        return Set.of();
    }

    private static String text(SOAPMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (SOAPException | IOException e) {
            return "(message not printable: " + e.getMessage() + ")";
        }
    }
}
