package io.jvirt.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.vim25.VimService;
import jakarta.xml.ws.WebServiceException;
import java.net.http.HttpClient;
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
        assertEquals(TlsMaterial.caCertificate(), material.trustAnchor());
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
