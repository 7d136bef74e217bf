package io.jvirt.esx.transport;

import com.sun.xml.ws.api.EndpointAddress;
import com.sun.xml.ws.api.WSBinding;
import com.sun.xml.ws.api.message.Packet;
import com.sun.xml.ws.api.pipe.ClientTubeAssemblerContext;
import com.sun.xml.ws.api.pipe.Codec;
import com.sun.xml.ws.api.pipe.TransportTubeFactory;
import com.sun.xml.ws.api.pipe.Tube;
import com.sun.xml.ws.api.pipe.TubeCloner;
import com.sun.xml.ws.transport.http.client.HttpClientTransport;
import com.sun.xml.ws.transport.http.client.HttpTransportPipe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gives Metro a per-request proxy. Metro itself only consults the JVM-wide
 * {@link java.net.ProxySelector}; this factory builds the stock HTTP transport pipe with one
 * change: when a request's context carries a {@link Proxy} under {@link #PROXY_PROPERTY}, the
 * connection is opened through it. It is not registered on the class path: only the driver's own
 * service gets it, through {@link TransportContainer}.
 */
final class ProxyTransportTubeFactory extends TransportTubeFactory {

    /** Request-context key holding the {@link Proxy} of a connection. */
    public static final String PROXY_PROPERTY = "io.jvirt.esx.transport.proxy";

    @Override
    public Tube doCreate(ClientTubeAssemblerContext context) {
        EndpointAddress address = context.getAddress();
        String scheme = address.getURI().getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            return null; // let Metro handle other transports
        }
        return new ProxyAwarePipe(context.getCodec(), context.getBinding());
    }

    /** The stock HTTP pipe whose transport honours {@link #PROXY_PROPERTY}. */
    static final class ProxyAwarePipe extends HttpTransportPipe {
        private final Codec codec;
        private final WSBinding binding;

        ProxyAwarePipe(Codec codec, WSBinding binding) {
            super(codec, binding);
            this.codec = codec;
            this.binding = binding;
        }

        @Override
        protected HttpClientTransport getTransport(Packet request, Map<String, List<String>> reqHeaders) {
            return new ProxyAwareTransport(request, reqHeaders);
        }

        /** Responses of vim25 connections are read through the xsi:type fallback ({@link TypeFallbackMessage}). */
        @Override
        public Packet process(Packet request) {
            return TypeFallbackMessage.wrap(request, super.process(request));
        }

        /** Every call runs on a pooled copy: the copy must keep this subclass. */
        @Override
        public HttpTransportPipe copy(TubeCloner cloner) {
            ProxyAwarePipe clone = new ProxyAwarePipe(codec.copy(), binding);
            cloner.add(this, clone);
            return clone;
        }
    }

    /**
     * Opens the connection through the request's proxy when it has one, and releases the
     * connection of an HTTP error whose body is not SOAP: Metro rejects such an answer (or throws
     * for its status) without ever closing the response stream, which would leave the socket open
     * until the garbage collector finds it.
     */
    static final class ProxyAwareTransport extends HttpClientTransport {
        private HttpURLConnection connection;

        ProxyAwareTransport(Packet packet, Map<String, List<String>> reqHeaders) {
            super(packet, reqHeaders);
        }

        @Override
        protected HttpURLConnection openConnection(Packet packet) {
            Object proxy = packet.invocationProperties.get(PROXY_PROPERTY);
            try {
                URL url = packet.endpointAddress.getURL();
                connection = (HttpURLConnection) (proxy instanceof Proxy p ? url.openConnection(p) : url.openConnection());
                return connection;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        protected InputStream readResponse() {
            InputStream in = super.readResponse();
            if (in == null || connection == null) {
                return in;
            }
            int status;
            try {
                status = connection.getResponseCode();
            } catch (IOException e) {
                return in;
            }
            String type = connection.getContentType();
            if (status >= 400 && (type == null || !type.toLowerCase(Locale.ROOT).contains("xml"))) {
                try {
                    in.close(); // reads the rest: the connection goes back to the keep-alive cache
                } catch (IOException ignored) {
                    connection.disconnect();
                }
                return null; // Metro then reports "HTTP status code <status>"
            }
            return in;
        }
    }
}
