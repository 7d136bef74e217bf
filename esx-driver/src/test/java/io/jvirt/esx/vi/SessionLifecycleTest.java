package io.jvirt.esx.vi;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.shared.EsxOptions;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Threads and sessions a connection leaves behind: one shared scheduler thread for every
 * connection's keepalive, none after the last close, and a connection nobody closed is logged
 * out once it is unreachable.
 */
class SessionLifecycleTest {
    private static final Map<String, Object> KEEPALIVE = Map.of(EsxOptions.KEEPALIVE_INTERVAL, Duration.ofMillis(200));

    private VsphereSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    /** Live threads that are neither the simulator's nor the JDK's HTTP keep-alive cleaners. */
    private static Set<Thread> clientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !t.getName().startsWith("vsphere-sim") && !t.getName().startsWith("Keep-Alive")
                        && !t.getName().startsWith("HTTP-Dispatcher") && !t.getName().startsWith("server-timer"))
                .collect(Collectors.toSet());
    }

    private static List<String> names(Set<Thread> threads) {
        return threads.stream().map(Thread::getName).sorted().toList();
    }

    @Test
    void oneSharedThreadForAllKeepalivesAndNoneAfterClose() throws Exception {
        sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 1);
        Set<Thread> before = clientThreads();
        List<EsxConnection> open = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            open.add(SimulatedConnection.open(sim, "esx://127.0.0.1:" + sim.port() + "/?transport=http", KEEPALIVE));
        }
        Thread.sleep(600); // keepalives have run
        Set<Thread> during = clientThreads();
        during.removeAll(before);
        assertTrue(during.size() <= 1, "6 connections with keepalive add at most one thread: " + names(during));
        for (EsxConnection c : open) {
            c.close();
        }
        Set<Thread> after = clientThreads();
        after.removeAll(before);
        assertEquals(List.of(), names(after), "no thread is left once every connection is closed");
        assertEquals(0, sim.activeSessions());
        assertEquals(6, sim.logouts());
    }

    private WeakReference<EsxConnection> openAndForget() {
        EsxConnection c = SimulatedConnection.open(sim, "esx://127.0.0.1:" + sim.port() + "/?transport=http", KEEPALIVE);
        c.listAllDomains();
        return new WeakReference<>(c);
    }

    @Test
    void unclosedConnectionIsCollectedAndLoggedOut() throws Exception {
        sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 1);
        Set<Thread> before = clientThreads();
        WeakReference<EsxConnection> ref = openAndForget();
        assertEquals(1, sim.activeSessions());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while ((ref.get() != null || sim.logouts() < 1 || !clientThreads().equals(before)) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(100);
        }
        assertNull(ref.get(), "a connection nobody holds is collected (no keepalive thread holds it)");
        assertEquals(1, sim.logouts(), "and logged out");
        assertEquals(0, sim.activeSessions());
        Set<Thread> after = clientThreads();
        after.removeAll(before);
        assertEquals(List.of(), names(after), "and its scheduler thread ended");
    }
}
