package io.jvirt.hostapp;

import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.junit.StartedSimulator;
import io.jvirt.simulator.junit.VsphereSimulator;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A host application's test that uses the simulator's JUnit extension. Not run by surefire on its
 * own (no {@code Test} suffix): {@link SimulatorModulePathProgram} runs it through the JUnit
 * Platform launcher with the simulator and JUnit as named modules.
 */
class HostApplicationSample {

    @Test
    void theExtensionInjectsAStartedSimulator(@VsphereSimulator(model = SimulatorModel.VPX, vms = 3, tls = false)
                                              StartedSimulator sim) throws Exception {
        assertEquals("io.jvirt.simulator", sim.getClass().getModule().getName());
        assertEquals(SimulatorModel.VPX, sim.model());
        HttpURLConnection http = (HttpURLConnection) sim.sdkUrl().resolve("/sdk/vimServiceVersions.xml").toURL()
                .openConnection();
        try (InputStream in = http.getInputStream()) {
            assertEquals(200, http.getResponseCode());
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(body.contains("urn:vim25"), body);
        } finally {
            http.disconnect();
        }
    }
}
