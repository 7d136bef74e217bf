package io.jvirt.esx.vi;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.shared.EsxOptions;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.Domain;
import io.jvirt.spi.error.HypervisorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Re-login against paged reads and in-flight requests. */
class ReloginTest {
    private VsphereSimulator sim;
    private EsxConnection c;

    @AfterEach
    void stop() {
        if (c != null) {
            c.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private void open(int vms, Map<String, ?> env) {
        sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, vms);
        c = SimulatedConnection.open(sim, "esx://127.0.0.1:" + sim.port() + "/?transport=http", env);
    }

    @Test
    void pagedReadStartsOverAfterTheSessionExpiresBetweenPages() {
        open(5, Map.of(EsxOptions.PAGE_SIZE, 2));
        List<String> expected = c.listAllDomains().stream().map(Domain::name).sorted().toList();
        assertEquals(5, expected.size());
        long logins = sim.logins();
        sim.faults().expireSession("ContinueRetrievePropertiesEx", 1);
        List<String> names = c.listAllDomains().stream().map(Domain::name).sorted().toList();
        assertEquals(expected, names, "every domain, once: the read restarted in the new session");
        assertEquals(logins + 1, sim.logins(), "one re-login");
        assertEquals(0, sim.pendingPropertyPages());
    }

    @Test
    void stoppingEarlyCancelsThePagesLeft() {
        open(5, Map.of(EsxOptions.PAGE_SIZE, 2));
        VimSession session = sessionOf(c);
        var spec = Specs.filter(Specs.from(c.scope().hostSystem(), false), Specs.props("HostSystem", "name"));
        var vmSpec = Specs.filter(Specs.from(c.scope().hostSystem(), true,
                Specs.traverse("hostToVm", "HostSystem", "vm")), Specs.props("VirtualMachine", "name"));
        int[] seen = {0};
        boolean all = PropertyReader.forEach(session, List.of(vmSpec), p -> ++seen[0] < 1);
        assertFalse(all);
        assertEquals(1, seen[0]);
        assertEquals(1, sim.requestCount("CancelRetrievePropertiesEx"));
        assertEquals(0, sim.pendingPropertyPages(), "the server holds no pages for us");
        assertTrue(PropertyReader.forEach(session, List.of(spec), p -> true));
        assertEquals(1, sim.requestCount("CancelRetrievePropertiesEx"), "a read to the end cancels nothing");
    }

    @Test
    void aReloginDoesNotWaitForSlowRequestsInFlight() throws Exception {
        open(1, Map.of());
        sim.faults().delay("CurrentTime", Duration.ofSeconds(4), 1);
        VimSession session = sessionOf(c);
        CompletableFuture<Object> slow = CompletableFuture.supplyAsync(
                () -> session.call("CurrentTime", p -> p.currentTime(VimSession.serviceInstance())));
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (sim.requestCount("CurrentTime") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, sim.requestCount("CurrentTime"), "the slow request is in flight");
        sim.expireSessions();
        assertEquals(1, c.listAllDomains().size(), "a caller noticing the expiry logs in again at once");
        assertFalse(slow.isDone(), "...without waiting for the slow request still in flight");
        slow.get(30, TimeUnit.SECONDS);
    }

    @Test
    void closeWhileOthersUseTheSessionLeavesNoSession() throws Exception {
        open(2, Map.of());
        List<CompletableFuture<Object>> workers = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            workers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    for (int n = 0; n < 50; n++) {
                        c.listAllDomains();
                    }
                    return null;
                } catch (HypervisorException e) {
                    return e.code();
                }
            }));
        }
        sim.expireSessions();
        c.close();
        for (CompletableFuture<Object> w : workers) {
            Object r = w.get(30, TimeUnit.SECONDS);
            assertTrue(r == null || r == io.jvirt.spi.error.ErrorCode.CONNECTION_CLOSED, "only CONNECTION_CLOSED after close: " + r);
        }
        assertEquals(0, sim.activeSessions(), "no session left logged in on the server");
        assertThrows(HypervisorException.class, c::listAllDomains);
    }

    static VimSession sessionOf(EsxConnection c) {
        try {
            var f = EsxConnection.class.getDeclaredField("primary");
            f.setAccessible(true);
            return (VimSession) f.get(c);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
