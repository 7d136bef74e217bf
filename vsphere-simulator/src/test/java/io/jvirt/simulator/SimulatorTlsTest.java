package io.jvirt.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.vim25.VimService;
import jakarta.xml.ws.WebServiceException;
import java.net.http.HttpClient;
import java.security.cert.X509Certificate;
import java.util.List;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatorTlsTest {

    private static VimService service;

    @BeforeAll
    static void createService() {
        service = new VimService();
    }

    @Test
    void selfSignedServerIsReachableWhenItsCertificateIsTrusted() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().tls(true).build().start()) {
            assertEquals("https", sim.sdkUrl().getScheme());
            SimulatorClient client = new SimulatorClient(service, sim, sim.tlsMaterial().clientContext()).login(sim);
            assertEquals("localhost.localdomain", client.read(Refs.of("HostSystem", "ha-host"), "name").get("name"));
        }
    }

    @Test
    void caSignedServerIsTrustedThroughTheCa() throws Exception {
        TlsMaterial material = TlsMaterial.caSigned();
        assertTrue(material.trustAnchor().getBasicConstraints() >= 0, "the trust anchor is a CA");
        assertEquals(material.trustAnchor().getSubjectX500Principal(), material.serverCertificate().getIssuerX500Principal());
        material.serverCertificate().verify(material.trustAnchor().getPublicKey());
        assertEquals(-1, material.serverCertificate().getBasicConstraints(), "the server certificate is no CA");
        try (VsphereSimulator sim = VsphereSimulator.builder().tls(material).build().start()) {
            SimulatorClient client = new SimulatorClient(service, sim, material.clientContext()).login(sim);
            assertEquals("VMware ESXi", client.content.getAbout().getName());
        }
    }

    @Test
    void untrustedCertificateFailsTheHandshake() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().tls(TlsMaterial.caSigned()).build().start()) {
            SSLContext trustsOnlySelfSigned = TlsMaterial.selfSigned().clientContext();
            WebServiceException e = assertThrows(WebServiceException.class,
                    () -> new SimulatorClient(service, sim, trustsOnlySelfSigned));
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof SSLHandshakeException)) {
                cause = cause.getCause();
            }
            assertTrue(cause instanceof SSLHandshakeException, String.valueOf(e));
        }
    }

    @Test
    void everyIdentityIsMadeAnewForLocalhostAndLoopback() throws Exception {
        TlsMaterial one = TlsMaterial.selfSigned();
        TlsMaterial two = TlsMaterial.selfSigned();
        assertNotEquals(one.thumbprint("SHA-256"), two.thumbprint("SHA-256"), "no fixed key shared between simulators");
        X509Certificate cert = one.serverCertificate();
        cert.checkValidity();
        cert.verify(cert.getPublicKey());
        assertEquals(List.of(List.of(2, "localhost"), List.of(7, "127.0.0.1")),
                cert.getSubjectAlternativeNames().stream().map(n -> List.copyOf(n)).toList());
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), cert.getExtendedKeyUsage());
    }

    @Test
    void thumbprintsAreColonSeparatedHex() {
        String sha1 = TlsMaterial.selfSigned().thumbprint("SHA-1");
        assertTrue(sha1.matches("([0-9A-F]{2}:){19}[0-9A-F]{2}"), sha1);
    }

    @Test
    void fileServiceAnswersOverHttpsToo() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().tls(true).requireSessionForFiles(false).build().start()) {
            HttpClient http = HttpClient.newBuilder().sslContext(sim.tlsMaterial().clientContext()).build();
            HttpResponse<String> vmx = http.send(HttpRequest.newBuilder(sim.baseUrl()
                    .resolve("/folder/ha-host_VM0%2Fha-host_VM0.vmx?dcPath=ha-datacenter&dsName=LocalDS_0")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, vmx.statusCode());
            assertTrue(vmx.body().contains("displayName = \"ha-host_VM0\""), vmx.body());
        }
    }
}
