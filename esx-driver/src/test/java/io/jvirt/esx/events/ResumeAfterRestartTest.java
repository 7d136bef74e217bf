package io.jvirt.esx.events;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.Domain;
import io.jvirt.spi.event.DomainEvent;
import io.jvirt.spi.event.DomainEventId;
import io.jvirt.spi.event.EventCursor;
import io.jvirt.spi.event.EventFilter;
import io.jvirt.spi.event.EventGapException;
import io.jvirt.spi.event.EventRegistration;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A host application persists a cursor, stops (its connection closes), other clients change VMs,
 * and a new process resumes on a NEW connection from the persisted token: it gets exactly the
 * missed transitions from the server's event history, then live events, with no duplicates; a
 * gap older than the history is a plain error.
 */
class ResumeAfterRestartTest {

    private static EsxConnection watcher(VsphereSimulator sim) {
        return SimulatedConnection.open(sim, "esx://127.0.0.1:" + sim.port() + "/?transport=http",
                Map.of(EsxConnection.EVENT_WAIT_OPTION, Duration.ofSeconds(1)));
    }

    private static String line(DomainEvent e) {
        return e.domainName() + " " + (e.id() == DomainEventId.LIFECYCLE ? e.lifecycleText() : e.id().virshName())
                + " " + e.origin();
    }

    private static DomainEvent next(BlockingQueue<DomainEvent> q) throws InterruptedException {
        DomainEvent e = q.poll(10, TimeUnit.SECONDS);
        assertNotNull(e, "an event arrives");
        return e;
    }

    /** Process 1: watches, sees VM1 start, persists the cursor of that event, stops. */
    private static String firstProcess(VsphereSimulator sim, Domain vm1) throws InterruptedException {
        BlockingQueue<DomainEvent> q = new LinkedBlockingQueue<>();
        try (EsxConnection c = watcher(sim); EventRegistration r = c.registerDomainEvents(EventFilter.all(), q::add)) {
            vm1.create();
            DomainEvent started = next(q);
            assertEquals("ha-host_VM1 Started Booted LIVE", line(started));
            assertNotNull(started.cursor().server(), "a cursor on a server with history names a history position");
            return started.cursor().token();
        }
    }

    @Test
    void aNewConnectionGetsExactlyTheMissedTransitionsThenLiveEvents() throws Exception {
        try (VsphereSimulator sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 2);
             EsxConnection other = SimulatedConnection.esx(sim, "")) {
            Domain vm0 = other.lookupDomainByName("ha-host_VM0");
            Domain vm1 = other.lookupDomainByName("ha-host_VM1");
            String saved = firstProcess(sim, vm1);
            // while the application is down
            vm1.destroy();
            vm1.create();
            vm0.suspend();
            BlockingQueue<DomainEvent> q = new LinkedBlockingQueue<>();
            try (EsxConnection c = watcher(sim);
                 EventRegistration r = c.registerDomainEvents(EventFilter.all().since(EventCursor.parse(saved)), q::add)) {
                List<String> got = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    got.add(line(next(q)));
                }
                assertEquals(List.of("ha-host_VM1 Stopped Destroyed HISTORY", "ha-host_VM1 Started Booted HISTORY",
                        "ha-host_VM0 Suspended Paused HISTORY"), got);
                assertNull(q.poll(2, TimeUnit.SECONDS), "nothing twice, nothing from before the cursor: " + q);
                vm0.resume();
                assertEquals("ha-host_VM0 Resumed Unpaused LIVE", line(next(q)));
                // the new cursor resumes again (a second restart)
                assertNotNull(r.cursor().server());
            }
        }
    }

    @Test
    void aCursorOlderThanTheServersHistoryIsAPlainError() throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().model(SimulatorModel.ESX).vms(2).eventCapacity(3)
                .build().start();
             EsxConnection other = SimulatedConnection.esx(sim, "")) {
            Domain vm1 = other.lookupDomainByName("ha-host_VM1");
            String saved = firstProcess(sim, vm1);
            for (int i = 0; i < 2; i++) {   // four more events: the cursor's event ages out of the 3 kept
                vm1.destroy();
                vm1.create();
            }
            try (EsxConnection c = watcher(sim)) {
                EventGapException e = assertThrows(EventGapException.class,
                        () -> c.registerDomainEvents(EventFilter.all().since(EventCursor.parse(saved)), x -> { }));
                assertTrue(e.getMessage().contains("no longer reaches back to the cursor"), e.getMessage());
                assertTrue(e.getMessage().contains("read the current state"), e.getMessage());
                // a registration without cursor still works
                try (EventRegistration r = c.registerDomainEvents(EventFilter.all(), x -> { })) {
                    assertTrue(r.isActive());
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aCursorOfAnotherServerIsAPlainError() throws Exception {
        try (VsphereSimulator sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 1);
             EsxConnection c = watcher(sim)) {
            EventCursor foreign = EventCursor.parse("s0123456789abcdef:7@esx-other.example/12/1700000000000");
            EventGapException e = assertThrows(EventGapException.class,
                    () -> c.registerDomainEvents(EventFilter.all().since(foreign), x -> { }));
            assertTrue(e.getMessage().contains("another server"), e.getMessage());
        }
    }
}
