package io.jvirt.conformance.contract;

import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.Domain;
import io.jvirt.spi.TypedParameter;
import io.jvirt.spi.event.DomainEvent;
import io.jvirt.spi.event.EventFilter;
import io.jvirt.spi.event.EventRegistration;
import io.jvirt.spi.DomainStats;
import io.jvirt.spi.StatsGroup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The event and statistics contracts, for every conformance target of every installed driver:
 * a listener registered on a connection hears the lifecycle of the target's lifecycle domain
 * with libvirt's types and details, nothing after its registration is closed; domstats' state
 * group has one record per domain with the state the listing shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventAndStatsContractTest {
    private final List<ConformanceTarget> targets = new ArrayList<>();

    @BeforeAll
    void startTargets() throws Exception {
        for (ConformanceTargets p : ServiceLoader.load(ConformanceTargets.class)) {
            targets.addAll(p.start());
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (ConformanceTarget t : targets) {
            t.close();
        }
    }

    @TestFactory
    List<DynamicNode> contracts() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (ConformanceTarget t : targets) {
            nodes.add(DynamicTest.dynamicTest(t.name() + ": lifecycle events", () -> events(t)));
            nodes.add(DynamicTest.dynamicTest(t.name() + ": domstats state group", () -> stats(t)));
        }
        return nodes;
    }

    private static Connection open(ConformanceTarget t) {
        return ConnectionFactory.open(t.uri(), t.authenticator(), t.env());
    }

    private static String next(BlockingQueue<DomainEvent> q) throws InterruptedException {
        DomainEvent e = q.poll(15, TimeUnit.SECONDS);
        assertNotNull(e, "an event within 15 s");
        return e.domainName() + ": " + e.lifecycleText();
    }

    static void events(ConformanceTarget t) throws Exception {
        if (t.lifecycleDomain() == null) {
            return; // the target has no domain it may power on and off
        }
        try (Connection c = open(t)) {
            Domain d = c.lookupDomainByName(t.lifecycleDomain());
            if (d.currentState().isActive()) {
                d.destroy();
            }
            String n = d.name();
            BlockingQueue<DomainEvent> q = new LinkedBlockingQueue<>();
            try (EventRegistration r = c.registerDomainEvents(EventFilter.all().forDomain(d.uuid()), q::add)) {
                long start = r.cursor().sequence();
                d.create();
                assertEquals(n + ": Started Booted", next(q));
                d.suspend();
                assertEquals(n + ": Suspended Paused", next(q));
                d.resume();
                assertEquals(n + ": Resumed Unpaused", next(q));
                d.destroy();
                assertEquals(n + ": Stopped Destroyed", next(q));
                assertEquals(start + 4, r.cursor().sequence(), "the cursor moved by the four events");
            }
            d.create();
            d.destroy();
            assertNull(q.poll(1500, TimeUnit.MILLISECONDS), "nothing after the registration was closed");
        }
    }

    static void stats(ConformanceTarget t) {
        try (Connection c = open(t)) {
            Map<String, Integer> listed = new TreeMap<>();
            for (Domain d : c.listAllDomains()) {
                listed.put(d.name(), d.state().code());
            }
            Map<String, Integer> reported = new TreeMap<>();
            for (DomainStats s : c.allDomainStats(Set.of(StatsGroup.STATE), Set.of())) {
                assertEquals(List.of("state.state", "state.reason"),
                        s.params().stream().map(TypedParameter::name).toList());
                reported.put(s.domain().name(), (Integer) s.param("state.state").orElseThrow().value());
            }
            assertEquals(listed, reported);
        }
    }
}
