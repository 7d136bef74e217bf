package io.jvirt.esx.transport;

import io.jvirt.esx.shared.EsxOptions;
import io.jvirt.esx.uri.EsxUriParameters;
import io.jvirt.esx.uri.ProxySpec;
import io.jvirt.esx.uri.Transport;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vim25.typing.XsiTypeFallback;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URL;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;

/**
 * Everything about how one connection reaches its server: TLS, proxy and timeouts. Nothing here
 * is JVM-global; {@link #applyTo} puts it into a JAX-WS request context and {@link #open}
 * applies it to a plain HTTP(S) connection for file transfers.
 *
 * @param transport         http or https
 * @param noVerify          true when certificate checks are off
 * @param sslSocketFactory  TLS socket factory (null for http)
 * @param hostnameVerifier  null to keep the JDK's host-name check (done during the handshake)
 * @param proxy             {@link Proxy#NO_PROXY} or the URI's proxy
 * @param connectTimeout    TCP connect timeout
 * @param requestTimeout    read timeout of one request
 */
public record TransportConfig(Transport transport, boolean noVerify, SSLSocketFactory sslSocketFactory,
                              HostnameVerifier hostnameVerifier, Proxy proxy, Duration connectTimeout,
                              Duration requestTimeout) {

    /** Metro request-context keys (values of {@code com.sun.xml.ws.developer.JAXWSProperties}). */
    static final String SSL_SOCKET_FACTORY = "com.sun.xml.ws.transport.https.client.SSLSocketFactory";
    static final String HOSTNAME_VERIFIER = "com.sun.xml.ws.transport.https.client.hostname.verifier";
    static final String CONNECT_TIMEOUT = "com.sun.xml.ws.connect.timeout";
    static final String REQUEST_TIMEOUT = "com.sun.xml.ws.request.timeout";

    /** Builds the transport of a connection from its URI parameters and {@code env} options. */
    public static TransportConfig create(EsxUriParameters params, Map<String, ?> env) {
        Duration connect = EsxOptions.duration(env, EsxOptions.CONNECT_TIMEOUT, EsxOptions.DEFAULT_CONNECT_TIMEOUT);
        Duration request = EsxOptions.duration(env, EsxOptions.REQUEST_TIMEOUT, EsxOptions.DEFAULT_REQUEST_TIMEOUT);
        SSLSocketFactory factory = null;
        HostnameVerifier verifier = null;
        if (params.transport() == Transport.HTTPS) {
            Object pin = env.get(EsxOptions.THUMBPRINT);
            if (params.noVerify()) {
                factory = Tls.trustAllSocketFactory();
                verifier = (host, session) -> true;
            } else if (pin != null) {
                factory = Tls.pinnedSocketFactory(pin.toString());
                verifier = (host, session) -> true; // the pinned certificate identifies the server
            } else {
                factory = Tls.verifyingSocketFactory(Tls.trustStore(env));
            }
        }
        return new TransportConfig(params.transport(), params.noVerify(), factory, verifier,
                toProxy(params.proxy()), connect, request);
    }

    /**
     * Makes the TLS of a connection with these URI parameters ready ({@link Tls#warmUp}), for a
     * thread that runs beside a process's other start-up work; nothing is sent.
     */
    public static void prepare(EsxUriParameters params) throws GeneralSecurityException {
        if (params.transport() == Transport.HTTPS) {
            Tls.warmUp(needsCaCertificates(params));
        }
    }

    /** True when a connection will check the server's certificate against the JDK's CA certificates. */
    static boolean needsCaCertificates(EsxUriParameters params) {
        return params.transport() == Transport.HTTPS && !params.noVerify();
    }

    /** The {@link Proxy} for a proxy parameter (SOCKS4/4a use the JDK's SOCKS client, see README). */
    static Proxy toProxy(ProxySpec spec) {
        if (spec == null) {
            return Proxy.NO_PROXY;
        }
        InetSocketAddress address = InetSocketAddress.createUnresolved(spec.host(), spec.port());
        return new Proxy(spec.type().isSocks() ? Proxy.Type.SOCKS : Proxy.Type.HTTP, address);
    }

    /**
     * Puts TLS, proxy and timeout settings into a JAX-WS request context, and the connection's
     * xsi:type fallback for reading answers ({@link TypeFallbackMessage}): one per connection, so
     * that each type that falls back is reported once whichever client read it.
     */
    public void applyTo(Map<String, Object> requestContext, XsiTypeFallback fallback) {
        if (sslSocketFactory != null) {
            requestContext.put(SSL_SOCKET_FACTORY, sslSocketFactory);
        }
        if (hostnameVerifier != null) {
            requestContext.put(HOSTNAME_VERIFIER, hostnameVerifier);
        }
        if (proxy != Proxy.NO_PROXY) {
            requestContext.put(ProxyTransportTubeFactory.PROXY_PROPERTY, proxy);
        }
        requestContext.put(CONNECT_TIMEOUT, millis(connectTimeout));
        requestContext.put(REQUEST_TIMEOUT, millis(requestTimeout));
        TypeFallbackMessage.enable(requestContext, fallback);
    }

    /** Opens a plain HTTP(S) connection with the same TLS, proxy and timeouts. */
    public HttpURLConnection open(URL url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) url.openConnection(proxy);
        if (c instanceof HttpsURLConnection https) {
            if (sslSocketFactory == null) {
                throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                        "HTTPS URL '" + url + "' on a connection with transport=http");
            }
            https.setSSLSocketFactory(sslSocketFactory);
            if (hostnameVerifier != null) {
                https.setHostnameVerifier(hostnameVerifier);
            }
        }
        c.setConnectTimeout(millis(connectTimeout));
        c.setReadTimeout(millis(requestTimeout));
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        return c;
    }

    private static int millis(Duration d) {
        long ms = d.toMillis();
        return ms > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) ms;
    }
}
