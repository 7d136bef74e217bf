package io.jvirt.simulator;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Starting a simulator inside a host JVM changes no system property. */
class SimulatorGlobalStateTest {

    @Test
    void startingAndStoppingChangesNoSystemProperty() throws Exception {
        String nodelay = System.clearProperty("sun.net.httpserver.nodelay"); // surefire sets it for every test JVM
        try {
            Properties before = (Properties) System.getProperties().clone();
            try (VsphereSimulator sim = VsphereSimulator.builder().vms(1).build().start()) {
                assertEquals(0, sim.activeSessions());
            }
            assertEquals(before, System.getProperties());
        } finally {
            if (nodelay != null) {
                System.setProperty("sun.net.httpserver.nodelay", nodelay);
            }
        }
    }
}
