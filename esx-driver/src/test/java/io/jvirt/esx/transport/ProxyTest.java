package io.jvirt.esx.transport;

import io.jvirt.esx.testing.CannedServer;
import io.jvirt.esx.testing.LoopbackProxy;
import io.jvirt.esx.testing.TestCertificates;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.auth.Authenticator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The {@code proxy} parameter routes SOAP requests through HTTP and SOCKS5 proxies, per
 * connection. The canned server answers with something that is not SOAP, so a request that
 * arrived is seen as RPC_FAILED, while a request that did not pass the proxy never arrives.
 */
class ProxyTest {
    private static final Authenticator AUTH = Authenticator.fixed("root", "pw".toCharArray());

    @TempDir
    Path dir;

    private static HypervisorException open(String uri) {
        return assertThrows(HypervisorException.class, () -> ConnectionFactory.open(uri, AUTH, Map.of()));
    }

    @Test
    void plainHttpThroughAnHttpProxy() throws Exception {
        try (CannedServer s = CannedServer.http(200, "text/xml", "not soap", Duration.ZERO);
             LoopbackProxy proxy = new LoopbackProxy(LoopbackProxy.Kind.HTTP)) {
            HypervisorException e = open("esx://127.0.0.1:" + s.port() + "/?transport=http&proxy=http://127.0.0.1:" + proxy.port());
            assertEquals(ErrorCode.RPC_FAILED, e.code(), e.toString());
            assertEquals(List.of("127.0.0.1:" + s.port()), proxy.destinations());
            assertEquals(1, s.requests());
        }
    }

    @Test
    void httpsThroughAnHttpConnectTunnel() throws Exception {
        TestCertificates certs = TestCertificates.selfSigned(dir, "ip:127.0.0.1");
        try (CannedServer s = CannedServer.https(certs.serverContext(), 200, "text/xml", "not soap");
             LoopbackProxy proxy = new LoopbackProxy(LoopbackProxy.Kind.HTTP)) {
            HypervisorException e = open("esx://127.0.0.1:" + s.port() + "/?no_verify=1&proxy=127.0.0.1:" + proxy.port());
            assertEquals(ErrorCode.RPC_FAILED, e.code(), e.toString());
            assertEquals(List.of("127.0.0.1:" + s.port()), proxy.destinations());
        }
    }

    @Test
    void httpsThroughSocks5KeepsCertificateChecks() throws Exception {
        TestCertificates certs = TestCertificates.selfSigned(dir, "ip:127.0.0.1");
        try (CannedServer s = CannedServer.https(certs.serverContext(), 200, "text/xml", "not soap");
             LoopbackProxy proxy = new LoopbackProxy(LoopbackProxy.Kind.SOCKS5)) {
            HypervisorException verified = open("esx://127.0.0.1:" + s.port() + "/?proxy=socks5://127.0.0.1:" + proxy.port());
            assertEquals(ErrorCode.CERTIFICATE_FAILED, verified.code(), verified.toString());
            HypervisorException e = open("esx://127.0.0.1:" + s.port() + "/?no_verify=1&proxy=socks://127.0.0.1:" + proxy.port());
            assertEquals(ErrorCode.RPC_FAILED, e.code(), e.toString());
            assertEquals(2, proxy.destinations().size());
            assertEquals(1, s.requests());
        }
    }

    @Test
    void anUnreachableProxyIsReported() throws Exception {
        int port;
        try (java.net.ServerSocket ss = new java.net.ServerSocket(0)) {
            port = ss.getLocalPort();
        }
        try (CannedServer s = CannedServer.http(200, "text/xml", "not soap", Duration.ZERO)) {
            HypervisorException e = open("esx://127.0.0.1:" + s.port() + "/?transport=http&proxy=127.0.0.1:" + port);
            assertEquals(ErrorCode.SYSTEM_ERROR, e.code(), e.toString());
            assertEquals(0, s.requests());
        }
    }
}
