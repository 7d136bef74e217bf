package io.jvirt.examples;

import io.jvirt.simulator.junit.StartedSimulator;
import io.jvirt.simulator.junit.VsphereSimulator;
import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.auth.Authenticator;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application's test of its vSphere code with the simulator's JUnit 5 extension: the class
 * annotation gives every test a fresh simulated ESX host (the default lifecycle), injected as a
 * parameter, and the annotated field holds the same simulator's SDK URL.
 */
@VsphereSimulator
class SimulatorPerTestExampleTest {

    /** Every simulator a test of this class was given (by identity). */
    private static final Set<io.jvirt.simulator.VsphereSimulator> SEEN =
            Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    @VsphereSimulator
    URI sdk;

    private static Connection connect(StartedSimulator sim) {
        return ConnectionFactory.open(sim.connectionUri(),
                Authenticator.fixed(sim.username(), sim.password().toCharArray()));
    }

    @Test
    void theDriverListsTheSimulatedVms(StartedSimulator sim) {
        assertTrue(SEEN.add(sim.simulator()), "a fresh simulator for this test");
        assertEquals(sim.sdkUrl(), sdk, "field and parameter get the same simulator");
        try (Connection conn = connect(sim)) {
            List<String> names = conn.listAllDomains().stream().map(Domain::name).sorted().toList();
            assertEquals(List.of("ha-host_VM0", "ha-host_VM1"), names);
            assertEquals(sim.simulator().vmNames().stream().sorted().toList(), names);
        }
    }

    /** Both tests stop the same VM: each can, because each starts from the simulator's initial state. */
    @Test
    void stoppingAVmChangesOnlyThisTestsSimulator(StartedSimulator sim) {
        assertTrue(SEEN.add(sim.simulator()), "a fresh simulator for this test");
        stopVm0(sim);
    }

    @Test
    void stoppingItAgainInAnotherTestStartsFromRunning(StartedSimulator sim) {
        assertTrue(SEEN.add(sim.simulator()), "a fresh simulator for this test");
        stopVm0(sim);
    }

    private static void stopVm0(StartedSimulator sim) {
        try (Connection conn = connect(sim)) {
            Domain vm = conn.lookupDomainByName("ha-host_VM0");
            assertEquals(DomainState.RUNNING, vm.state());
            vm.destroy();
            assertEquals(DomainState.SHUTOFF, conn.lookupDomainByName("ha-host_VM0").state());
            assertEquals("poweredOff", sim.simulator().powerState("ha-host_VM0"));
        }
    }

    /** The simulator's certificate is made at start-up; sslContext() trusts exactly it (with host name checks). */
    @Test
    void aVerifyingHttpsClientTrustsTheSimulatorThroughItsSslContext(StartedSimulator sim,
            io.jvirt.simulator.VsphereSimulator same) throws Exception {
        assertSame(sim.simulator(), same);
        HttpClient client = HttpClient.newBuilder().sslContext(sim.sslContext()).build();
        HttpResponse<String> answer = client.send(
                HttpRequest.newBuilder(sim.sdkUrl().resolve("/sdk/vimServiceVersions.xml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains("urn:vim25"), answer.body());
    }
}
