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
import io.jvirt.spi.event.EventGap;
import io.jvirt.spi.event.DomainEventListener;
import io.jvirt.spi.event.EventOrigin;
import io.jvirt.spi.event.EventRegistration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain events against the in-JVM simulator: changes made by another client (VM0 on, VM1 off). */
class EsxEventsTest {
    private VsphereSimulator sim;
    private EsxConnection watching;
    private EsxConnection other;
    private final BlockingQueue<DomainEvent> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() {
        sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 2);
        watching = SimulatedConnection.open(sim, "esx://127.0.0.1:" + sim.port() + "/?transport=http",
                Map.of(EsxConnection.EVENT_WAIT_OPTION, Duration.ofSeconds(1)));
        other = SimulatedConnection.esx(sim, "");
    }

    @AfterEach
    void stop() {
        watching.close();
        other.close();
        sim.close();
    }

    private DomainEvent next() throws InterruptedException {
        DomainEvent e = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(e, "an event arrives");
        return e;
    }

    private static String line(DomainEvent e) {
        return e.domainName() + " " + (e.id() == DomainEventId.LIFECYCLE ? e.lifecycleText() : e.id().virshName())
                + " " + e.origin();
    }

    @Test
    void powerChangesByAnotherClientArriveWithLibvirtCodesAndInOrder() throws Exception {
        try (EventRegistration r = watching.registerDomainEvents(EventFilter.all(), received::add)) {
            Domain vm1 = other.lookupDomainByName("ha-host_VM1");
            long t0 = System.nanoTime();
            vm1.create();
            DomainEvent started = next();
            long latencyMs = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("ha-host_VM1 Started Booted LIVE", line(started));
            assertEquals(vm1.uuid(), started.domainUuid());
            System.out.println("in-JVM simulator: power-on to listener " + latencyMs + " ms (task included)");
            vm1.suspend();
            assertEquals("ha-host_VM1 Suspended Paused LIVE", line(next()));
            vm1.resume();
            assertEquals("ha-host_VM1 Resumed Unpaused LIVE", line(next()));
            vm1.destroy();
            assertEquals("ha-host_VM1 Stopped Destroyed LIVE", line(next()));
            assertNull(received.poll(1500, TimeUnit.MILLISECONDS), "nothing else: " + received);
            assertEquals(r.cursor().sequence(), 4);
        }
    }

    /** Restarts on a simulator without event history: power states are then watched by property. */
    private void withoutHistory() throws Exception {
        stop();
        sim = VsphereSimulator.builder().model(SimulatorModel.ESX).vms(2).eventHistory(false).build().start();
        watching = SimulatedConnection.open(sim, "esx://127.0.0.1:" + sim.port() + "/?transport=http",
                Map.of(EsxConnection.EVENT_WAIT_OPTION, Duration.ofSeconds(1)));
        other = SimulatedConnection.esx(sim, "");
    }

    @Test
    void aSessionExpiryInTheMiddleIsFilledFromTheServersHistory() throws Exception {
        try (EventRegistration r = watching.registerDomainEvents(EventFilter.all(), received::add)) {
            Domain vm1 = other.lookupDomainByName("ha-host_VM1");
            Domain vm0 = other.lookupDomainByName("ha-host_VM0");
            vm1.create();
            assertEquals("ha-host_VM1 Started Booted LIVE", line(next()));
            long resyncsBefore = watching.eventWatcher().orElseThrow().resyncCount();
            sim.expireSessions();       // every session dies, the watcher's filter and collector with it
            vm0.destroy();              // made while the watcher's session is gone
            vm0.create();               // (a stop and a start: no net change of state)
            vm1.suspend();
            assertEquals(List.of("ha-host_VM0 Stopped Destroyed HISTORY", "ha-host_VM0 Started Booted HISTORY",
                    "ha-host_VM1 Suspended Paused HISTORY"), List.of(line(next()), line(next()), line(next())));
            assertEquals(resyncsBefore + 1, watching.eventWatcher().orElseThrow().resyncCount());
            vm1.resume();               // live again after the re-synchronisation
            assertEquals("ha-host_VM1 Resumed Unpaused LIVE", line(next()));
            assertNull(received.poll(1500, TimeUnit.MILLISECONDS), "no duplicates: " + received);
        }
    }

    @Test
    void quickSuccessionsBetweenTwoPollsAreAllReported() throws Exception {
        try (EventRegistration r = watching.registerDomainEvents(EventFilter.all(), received::add)) {
            Domain vm0 = other.lookupDomainByName("ha-host_VM0");
            vm0.destroy();
            vm0.create();
            vm0.destroy();
            vm0.create();
            assertEquals(List.of("ha-host_VM0 Stopped Destroyed LIVE", "ha-host_VM0 Started Booted LIVE",
                    "ha-host_VM0 Stopped Destroyed LIVE", "ha-host_VM0 Started Booted LIVE"),
                    List.of(line(next()), line(next()), line(next()), line(next())));
            assertNull(received.poll(1500, TimeUnit.MILLISECONDS), "no duplicates: " + received);
        }
    }

    @Test
    void withoutHistoryASessionExpiryInTheMiddleIsFilledByAStateDiff() throws Exception {
        withoutHistory();
        try (EventRegistration r = watching.registerDomainEvents(EventFilter.all(), received::add)) {
            Domain vm1 = other.lookupDomainByName("ha-host_VM1");
            Domain vm0 = other.lookupDomainByName("ha-host_VM0");
            vm1.create();
            assertEquals("ha-host_VM1 Started Booted LIVE", line(next()));
            long resyncsBefore = watching.eventWatcher().orElseThrow().resyncCount();
            long loginsBefore = sim.requestCount("Login");
            sim.expireSessions();       // every session dies, the watcher's filter with it
            vm0.destroy();              // made while the watcher's session is gone
            vm1.suspend();
            List<String> lines = new ArrayList<>();
            lines.add(line(next()));
            lines.add(line(next()));
            lines.sort(null);
            assertEquals(List.of("ha-host_VM0 Stopped Destroyed STATE_DIFF", "ha-host_VM1 Suspended Paused STATE_DIFF"),
                    lines);
            assertTrue(sim.requestCount("Login") > loginsBefore, "the watcher logged in again");
            assertEquals(resyncsBefore + 1, watching.eventWatcher().orElseThrow().resyncCount());
            vm1.resume();               // live again after the re-synchronisation
            assertEquals("ha-host_VM1 Resumed Unpaused LIVE", line(next()));
            assertNull(received.poll(1500, TimeUnit.MILLISECONDS), "no duplicates: " + received);
        }
    }

    @Test
    void aPersistedCursorResumesWithoutLossOrDuplicateAndAnOldOneIsReportedAsAGap() throws Exception {
        EventCursor saved;
        try (EventRegistration r = watching.registerDomainEvents(EventFilter.all(), received::add)) {
            other.lookupDomainByName("ha-host_VM1").create();
            next();
            saved = EventCursor.parse(r.cursor().token());
        }
        other.lookupDomainByName("ha-host_VM1").destroy();
        // the watcher keeps running while no listener is registered, so the journal has it
        Thread.sleep(1500);
        List<EventGap> gaps = new ArrayList<>();
        DomainEventListener l = new DomainEventListener() {
            @Override
            public void onEvent(DomainEvent event) {
                received.add(event);
            }

            @Override
            public void onGap(EventGap gap) {
                gaps.add(gap);
            }
        };
        try (EventRegistration r = watching.registerDomainEvents(EventFilter.all().since(saved), l)) {
            DomainEvent replayed = next();
            assertEquals("ha-host_VM1 Stopped Destroyed REPLAYED", line(replayed));
            assertEquals(saved.sequence() + 1, replayed.cursor().sequence());
            assertNull(received.poll(500, TimeUnit.MILLISECONDS));
            assertTrue(gaps.isEmpty());
        }
        try (EventRegistration r = watching.registerDomainEvents(EventFilter.all().since(new EventCursor("elsewhere", 3)), l)) {
            assertEquals(1, gaps.size());
            assertTrue(gaps.get(0).reason().contains("another event stream"), gaps.get(0).reason());
            assertFalse(received.iterator().hasNext());
        }
    }

    @Test
    void aDomainFilterDeliversOnlyThatDomain() throws Exception {
        Domain vm1 = other.lookupDomainByName("ha-host_VM1");
        try (EventRegistration r = watching.registerDomainEvents(EventFilter.of(DomainEventId.LIFECYCLE)
                .forDomain(vm1.uuid()), received::add)) {
            other.lookupDomainByName("ha-host_VM0").destroy();
            vm1.create();
            assertEquals("ha-host_VM1 Started Booted LIVE", line(next()));
            assertNull(received.poll(1000, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void closingTheConnectionStopsTheWatcherThread() throws Exception {
        watching.registerDomainEvents(EventFilter.all(), received::add);
        assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("esx-events-")));
        long t0 = System.nanoTime();
        watching.close();
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 3_000, "close does not wait for a long poll");
        Thread.sleep(200);
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("esx-events-")
                && t.isAlive()));
    }
}
