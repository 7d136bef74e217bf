package io.jvirt.simulator;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatorLauncherTest {

    private static String problem(String... args) {
        return assertThrows(SimulatorLauncher.UsageException.class, () -> SimulatorLauncher.parse(args)).getMessage();
    }

    @Test
    void wrongArgumentsAreNamed() {
        assertEquals("unknown option '--bogus'", problem("--bogus"));
        assertEquals("--vms needs a number, not 'many'", problem("--vms", "many"));
        assertEquals("--port must be between 0 and 65535, not 70000", problem("--port", "70000"));
        assertEquals("--model must be esx or vpx, not 'kvm'", problem("--model", "kvm"));
        assertEquals("--port needs a value", problem("--port"));
        assertEquals("--password must not be empty", problem("--password", ""));
        assertNull(assertDoesNotThrowParse("--help"));
    }

    private static VsphereSimulator.Builder assertDoesNotThrowParse(String... args) {
        try {
            return SimulatorLauncher.parse(args);
        } catch (SimulatorLauncher.UsageException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    @Test
    void describesTheVcenterItStartedWithTheUrlFirst() throws Exception {
        try (VsphereSimulator sim = assertDoesNotThrowParse("--model", "vpx", "--vms", "1", "--hosts", "1").build().start()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            SimulatorLauncher.describe(sim, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
            assertEquals("https://127.0.0.1:" + sim.port() + "/sdk", lines.get(0));
            assertTrue(lines.contains("username:   root"), lines.toString());
            assertTrue(lines.contains("password:   " + VsphereSimulator.DEFAULT_PASSWORD), lines.toString());
            assertTrue(lines.contains("jvirt URI:  vpx://127.0.0.1:" + sim.port() + "/DC0/DC0_H0?no_verify=1"), lines.toString());
            assertTrue(lines.contains("thumbprint: SHA-256 " + sim.tlsMaterial().thumbprint("SHA-256")
                    + " (a certificate made at start-up)"), lines.toString());
            // one VM on the standalone host and one in the one-host cluster
            assertEquals(2, sim.vmNames().size());
        }
    }

    @Test
    void aPasswordGivenOnTheCommandLineIsNotEchoed() throws Exception {
        try (VsphereSimulator sim = assertDoesNotThrowParse("--http", "--username", "admin", "--password", "S3cret-given")
                .build().start()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            SimulatorLauncher.describe(sim, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String text = bytes.toString(StandardCharsets.UTF_8);
            assertTrue(text.startsWith("http://127.0.0.1:" + sim.port() + "/sdk\n"), text);
            assertTrue(text.contains("username:   admin"), text);
            assertTrue(!text.contains("S3cret-given"), text);
            assertTrue(text.contains("jvirt URI:  esx://127.0.0.1:" + sim.port() + "/?transport=http"), text);
        }
    }
}
