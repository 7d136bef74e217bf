package io.jvirt.esx.transport;

import io.jvirt.vim25.typing.XsiTypeFallback;
import io.jvirt.esx.shared.EsxOptions;
import io.jvirt.esx.uri.EsxUriParameters;
import io.jvirt.esx.uri.ProxySpec;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.uri.ConnectionUri;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransportConfigTest {
    private static TransportConfig config(String uri, Map<String, ?> env) {
        return TransportConfig.create(EsxUriParameters.parse(ConnectionUri.parse(uri)), env);
    }

    @Test
    void defaultsVerifyCertificatesAndKeepTheJdkHostnameCheck() {
        TransportConfig c = config("esx://h/", Map.of());
        assertNotNull(c.sslSocketFactory());
        assertNull(c.hostnameVerifier(), "the JDK checks the host name during the handshake");
        assertFalse(c.noVerify());
        assertEquals(Proxy.NO_PROXY, c.proxy());
        assertEquals(EsxOptions.DEFAULT_CONNECT_TIMEOUT, c.connectTimeout());
        assertEquals(EsxOptions.DEFAULT_REQUEST_TIMEOUT, c.requestTimeout());
    }

    @Test
    void noVerifyAcceptsAnyHost() {
        TransportConfig c = config("esx://h/?no_verify=1", Map.of());
        assertTrue(c.noVerify());
        assertTrue(c.hostnameVerifier().verify("anything", null));
    }

    @Test
    void theUriTellsWhetherTheCaCertificatesAreNeeded() throws Exception {
        EsxUriParameters sim = EsxUriParameters.parse(ConnectionUri.parse("esx://127.0.0.1/?no_verify=1"));
        assertFalse(TransportConfig.needsCaCertificates(sim),
                "the embedded simulator's connection trusts its certificate without the CA certificates");
        assertFalse(TransportConfig.needsCaCertificates(EsxUriParameters.parse(ConnectionUri.parse("esx://h/?no_verify=1"))));
        assertTrue(TransportConfig.needsCaCertificates(EsxUriParameters.parse(ConnectionUri.parse("esx://h/"))));
        assertFalse(TransportConfig.needsCaCertificates(EsxUriParameters.parse(ConnectionUri.parse("esx://h/?transport=http"))));
        TransportConfig.prepare(sim); // connects nowhere, throws nothing
    }

    @Test
    void httpHasNoTls() {
        assertNull(config("esx://h/?transport=http", Map.of()).sslSocketFactory());
    }

    @Test
    void timeoutsFromEnvGoIntoTheRequestContext() {
        TransportConfig c = config("esx://h/", Map.of(EsxOptions.CONNECT_TIMEOUT, "2s", EsxOptions.REQUEST_TIMEOUT, 1500));
        Map<String, Object> rc = new HashMap<>();
        c.applyTo(rc, XsiTypeFallback.create());
        assertEquals(2000, rc.get(TransportConfig.CONNECT_TIMEOUT));
        assertEquals(1500, rc.get(TransportConfig.REQUEST_TIMEOUT));
        assertNotNull(rc.get(TransportConfig.SSL_SOCKET_FACTORY));
        assertFalse(rc.containsKey(ProxyTransportTubeFactory.PROXY_PROPERTY));
        assertEquals(Duration.ofSeconds(2), c.connectTimeout());
    }

    @Test
    void proxiesMapToJavaProxies() {
        Proxy http = TransportConfig.toProxy(new ProxySpec(ProxySpec.Type.HTTP, "p", 3128));
        assertEquals(Proxy.Type.HTTP, http.type());
        assertEquals(3128, ((InetSocketAddress) http.address()).getPort());
        assertEquals(Proxy.Type.SOCKS, TransportConfig.toProxy(new ProxySpec(ProxySpec.Type.SOCKS5, "p", 1080)).type());
        assertEquals(Proxy.Type.SOCKS, TransportConfig.toProxy(new ProxySpec(ProxySpec.Type.SOCKS4A, "p", 1080)).type());
        Map<String, Object> rc = new HashMap<>();
        config("esx://h/?proxy=socks5://127.0.0.1:1090", Map.of()).applyTo(rc, XsiTypeFallback.create());
        assertEquals(Proxy.Type.SOCKS, ((Proxy) rc.get(ProxyTransportTubeFactory.PROXY_PROPERTY)).type());
    }

    @Test
    void unreadableTrustStoreIsNamed() {
        HypervisorException e = assertThrows(HypervisorException.class,
                () -> config("esx://h/", Map.of(EsxOptions.TRUST_STORE, Path.of("/nonexistent/ts.p12"))));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertTrue(e.getMessage().contains("/nonexistent/ts.p12"));
    }
}
