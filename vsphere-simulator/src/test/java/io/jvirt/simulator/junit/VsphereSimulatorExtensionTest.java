package io.jvirt.simulator.junit;

import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.junit.VsphereSimulator.Lifecycle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The extension's settings and scopes, inside the module (examples/ shows it from outside). */
class VsphereSimulatorExtensionTest {

    /** Simulators handed out in this class, to check that JUnit stopped them afterwards. */
    private static final List<io.jvirt.simulator.VsphereSimulator> HANDED_OUT = new ArrayList<>();

    @AfterAll
    static void everySimulatorWasStopped() {
        assertTrue(!HANDED_OUT.isEmpty());
        for (io.jvirt.simulator.VsphereSimulator sim : HANDED_OUT) {
            // port() needs a running server
            assertThrows(IllegalStateException.class, sim::port, "stopped when its test ended");
        }
    }

    @Test
    void annotatedParametersChooseModelSizeAndTransport(
            @VsphereSimulator(model = SimulatorModel.VPX, vms = 1, tls = false) StartedSimulator vcenter,
            @VsphereSimulator StartedSimulator esx,
            @VsphereSimulator URI esxSdk) {
        HANDED_OUT.add(vcenter.simulator());
        HANDED_OUT.add(esx.simulator());
        assertNotSame(vcenter.simulator(), esx.simulator(), "different settings, different simulators");
        assertEquals(esx.sdkUrl(), esxSdk, "same settings, same simulator");

        assertEquals(URI.create("http://127.0.0.1:" + vcenter.port() + "/sdk"), vcenter.sdkUrl());
        assertEquals("vpx://127.0.0.1:" + vcenter.port() + "/DC0/DC0_H0?transport=http", vcenter.connectionUri());
        assertEquals(Set.of("DC0_H0_VM0", "DC0_C0_RP0_VM0"), Set.copyOf(vcenter.simulator().vmNames()));

        assertEquals("https", esx.sdkUrl().getScheme());
        assertEquals("esx://127.0.0.1:" + esx.port() + "/?no_verify=1", esx.connectionUri());
        assertEquals(Set.of("ha-host_VM0", "ha-host_VM1"), Set.copyOf(esx.simulator().vmNames()));
        assertEquals("root", esx.username());
        assertEquals(io.jvirt.simulator.VsphereSimulator.DEFAULT_PASSWORD, esx.password());
        assertEquals(esx.simulator().tlsMaterial().thumbprint("SHA-256"), esx.thumbprint());
    }

    @Nested
    @VsphereSimulator(lifecycle = Lifecycle.PER_CLASS, vms = 0)
    class SharedByTheClass {
        private static io.jvirt.simulator.VsphereSimulator first;

        @Test
        void one(StartedSimulator sim) {
            check(sim);
        }

        @Test
        void two(io.jvirt.simulator.VsphereSimulator sim) {
            check(new StartedSimulator(sim));
        }

        private void check(StartedSimulator sim) {
            assertEquals(List.of(), sim.simulator().vmNames());
            synchronized (SharedByTheClass.class) {
                if (first == null) {
                    first = sim.simulator();
                    HANDED_OUT.add(first);
                }
            }
            assertSame(first, sim.simulator(), "one simulator for the class");
        }
    }
}
