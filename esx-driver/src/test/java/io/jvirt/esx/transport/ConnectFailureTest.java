package io.jvirt.esx.transport;

import io.jvirt.esx.shared.EsxOptions;
import io.jvirt.esx.testing.CannedServer;
import io.jvirt.esx.testing.TestCertificates;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.auth.Authenticator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failures before or during the first SOAP request: each must be a clear error naming the host
 * and the cause, within the configured timeouts, without leaking threads or the password.
 */
class ConnectFailureTest {
    private static final String PASSWORD = "pw-that-must-not-leak";
    private static final Authenticator AUTH = Authenticator.fixed("root", PASSWORD.toCharArray());

    @TempDir
    Path dir;

    private static HypervisorException fail(String uri, Map<String, ?> env) {
        HypervisorException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(HypervisorException.class, () -> ConnectionFactory.open(uri, AUTH, env)));
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
        return e;
    }

    private boolean schedulerBefore;

    private static boolean schedulerRunning() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("jvirt-esx-scheduler"));
    }

    @org.junit.jupiter.api.BeforeEach
    void noteScheduler() {
        schedulerBefore = schedulerRunning();
    }

    @AfterEach
    void noKeepaliveThreadSurvives() {
        assertFalse(!schedulerBefore && schedulerRunning(), "a failed connect left the session scheduler thread running");
    }

    @Test
    void connectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HypervisorException e = fail("esx://127.0.0.1:" + port + "/?transport=http", Map.of());
        assertEquals(ErrorCode.SYSTEM_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("Cannot connect to '127.0.0.1'"), e.getMessage());
    }

    @Test
    void unknownHost() {
        HypervisorException e = fail("esx://no-such-host.invalid/", Map.of());
        assertEquals(ErrorCode.SYSTEM_ERROR, e.code());
        assertTrue(e.getMessage().contains("IP address lookup for host 'no-such-host.invalid' failed"), e.getMessage());
    }

    @Test
    void httpErrorWithoutSoap() throws Exception {
        try (CannedServer s = CannedServer.http(503, "text/html", "<html>busy</html>", Duration.ZERO)) {
            HypervisorException e = fail("esx://127.0.0.1:" + s.port() + "/?transport=http", Map.of());
            assertEquals(ErrorCode.HTTP_ERROR, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("503") && e.getMessage().contains("127.0.0.1"), e.getMessage());
            assertTrue(e.getMessage().contains("RetrieveServiceContent"), e.getMessage());
        }
    }

    @Test
    void http500WithHtmlBody() throws Exception {
        try (CannedServer s = CannedServer.http(500, "text/html", "<html>oops</html>", Duration.ZERO)) {
            HypervisorException e = fail("esx://127.0.0.1:" + s.port() + "/?transport=http", Map.of());
            // a 500 without a SOAP envelope is an HTTP error, not a fault
            assertEquals(ErrorCode.HTTP_ERROR, e.code(), e.toString());
            assertTrue(e.getMessage().contains("127.0.0.1") && e.getMessage().contains("HTTP status code 500"),
                    e.getMessage());
        }
    }

    @Test
    void malformedSoap() throws Exception {
        try (CannedServer s = CannedServer.http(200, "text/xml; charset=utf-8",
                "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body><Retr",
                Duration.ZERO)) {
            HypervisorException e = fail("esx://127.0.0.1:" + s.port() + "/?transport=http", Map.of());
            assertEquals(ErrorCode.RPC_FAILED, e.code(), e.toString());
            assertTrue(e.getMessage().contains("not a valid SOAP message"), e.getMessage());
        }
    }

    @Test
    void slowServerTimesOut() throws Exception {
        try (CannedServer s = CannedServer.http(200, "text/xml", "", Duration.ofSeconds(20))) {
            long start = System.nanoTime();
            HypervisorException e = fail("esx://127.0.0.1:" + s.port() + "/?transport=http",
                    Map.of(EsxOptions.REQUEST_TIMEOUT, "500ms"));
            assertEquals(ErrorCode.OPERATION_TIMEOUT, e.code(), e.toString());
            assertTrue(e.getMessage().contains("timed out"), e.getMessage());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
        }
    }

    private static final String GARBAGE = "not soap";

    @Test
    void selfSignedCertificateIsRefusedWithAdvice() throws Exception {
        TestCertificates certs = TestCertificates.selfSigned(dir, "ip:127.0.0.1");
        try (CannedServer s = CannedServer.https(certs.serverContext(), 200, "text/xml", GARBAGE)) {
            HypervisorException e = fail("esx://127.0.0.1:" + s.port() + "/", Map.of());
            assertEquals(ErrorCode.CERTIFICATE_FAILED, e.code(), e.toString());
            assertTrue(e.getMessage().contains("not trusted"), e.getMessage());
            assertTrue(e.getMessage().contains("no_verify=1"), e.getMessage());
            assertTrue(e.getMessage().contains("signed by a CA"), e.getMessage());
            assertEquals(0, s.requests(), "no request may pass an untrusted handshake");
        }
    }

    @Test
    void noVerifySkipsTheCheck() throws Exception {
        TestCertificates certs = TestCertificates.selfSigned(dir, "dns:somewhere.else.example");
        try (CannedServer s = CannedServer.https(certs.serverContext(), 200, "text/xml", GARBAGE)) {
            HypervisorException e = fail("esx://127.0.0.1:" + s.port() + "/?no_verify=1", Map.of());
            assertEquals(ErrorCode.RPC_FAILED, e.code(), "TLS passed, the canned answer is not SOAP: " + e);
            assertEquals(1, s.requests());
        }
    }

    @Test
    void aTrustedCaIsAccepted() throws Exception {
        TestCertificates certs = TestCertificates.selfSigned(dir, "ip:127.0.0.1");
        try (CannedServer s = CannedServer.https(certs.serverContext(), 200, "text/xml", GARBAGE)) {
            HypervisorException e = fail("esx://127.0.0.1:" + s.port() + "/",
                    Map.of(EsxOptions.TRUST_STORE, certs.trustStore()));
            assertEquals(ErrorCode.RPC_FAILED, e.code(), "TLS passed, the canned answer is not SOAP: " + e);
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefused() throws Exception {
        TestCertificates certs = TestCertificates.selfSigned(dir, "dns:somewhere.else.example");
        try (CannedServer s = CannedServer.https(certs.serverContext(), 200, "text/xml", GARBAGE)) {
            HypervisorException e = fail("esx://127.0.0.1:" + s.port() + "/",
                    Map.of(EsxOptions.TRUST_STORE, certs.trustStore()));
            assertEquals(ErrorCode.CERTIFICATE_FAILED, e.code(), e.toString());
            assertTrue(e.getMessage().contains("does not match"), e.getMessage());
        }
    }

    @Test
    void plainHttpToATlsPortSaysSo() throws Exception {
        try (CannedServer s = CannedServer.http(200, "text/xml", GARBAGE, Duration.ZERO)) {
            // The JDK server waits for a request line that never comes: bounded by the request timeout.
            HypervisorException e = fail("esx://127.0.0.1:" + s.port() + "/", Map.of(EsxOptions.REQUEST_TIMEOUT, "1s"));
            // the TLS client's hello is not a request line: the server answers nothing, the handshake times out
            assertEquals(ErrorCode.OPERATION_TIMEOUT, e.code(), e.toString());
            assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
        }
    }
}
