package io.jvirt.esx.vi;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.auth.Authenticator;
import io.jvirt.spi.auth.Secret;
import io.jvirt.spi.uri.ConnectionUri;
import io.jvirt.vim25.ManagedObjectReference;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Login request the driver writes itself. */
class SoapLoginTest {
    private static final String ODD = "p<&>\"'\u00e9\u20ac;]]>w";

    @Test
    void passwordWithXmlSpecialCharactersLogsIn() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().model(SimulatorModel.ESX).vms(1)
                .credentials("r<o>ot", ODD).build().start();
             EsxConnection c = EsxConnection.open(ConnectionUri.parse("esx://127.0.0.1:" + sim.port() + "/?transport=http"),
                     Authenticator.fixed("r<o>ot", ODD.toCharArray()), Map.of())) {
            assertEquals(1, c.listAllDomains().size());
            assertEquals(1, sim.logins());
        }
    }

    @Test
    void wrongPasswordIsAuthFailed() {
        try (VsphereSimulator sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 1)) {
            HypervisorException e = assertThrows(HypervisorException.class, () -> EsxConnection.open(
                    ConnectionUri.parse("esx://127.0.0.1:" + sim.port() + "/?transport=http"),
                    Authenticator.fixed("root", "nope".toCharArray()), Map.of()));
            assertEquals(ErrorCode.AUTH_FAILED, e.code());
            assertEquals("Cannot log in to '127.0.0.1' as 'root': the server rejected the user name or password",
                    e.getMessage());
            assertEquals(1, sim.failedLogins());
            assertEquals(0, sim.activeSessions());
        }
    }

    @Test
    void bodyEscapesAndTheTraceCopyIsMasked() {
        ManagedObjectReference sm = new ManagedObjectReference();
        sm.setType("SessionManager");
        sm.setValue("ha-sessionmgr");
        String body = new String(SoapLogin.body(sm, "root", Secret.of("a<b&c")), StandardCharsets.UTF_8);
        assertTrue(body.contains("<password>a&lt;b&amp;c</password>"), body);
        String masked = SoapLogin.maskedBody(sm, "root");
        assertTrue(masked.contains("<password>***</password>"), masked);
        assertFalse(masked.contains("a&lt;b"));
    }
}
