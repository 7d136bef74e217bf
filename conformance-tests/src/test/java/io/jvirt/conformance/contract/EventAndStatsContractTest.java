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
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            nodes.add(DynamicTest.dynamicTest(t.name() + ": domstats counter groups", () -> counterGroups(t)));
            nodes.add(DynamicTest.dynamicTest(t.name() + ": node cpu and memory statistics", () -> nodeStats(t)));
            nodes.add(DynamicTest.dynamicTest(t.name() + ": domblkstat and domifstat", () -> deviceStats(t)));
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
            // Nothing after the registration was closed: a second registration sees the next two
            // events, and by then the closed one would have had them too (instead of waiting 1.5 s
            // for silence)
            BlockingQueue<DomainEvent> witness = new LinkedBlockingQueue<>();
            try (EventRegistration r2 = c.registerDomainEvents(EventFilter.all().forDomain(d.uuid()), witness::add)) {
                d.create();
                assertEquals(n + ": Started Booted", next(witness));
                d.destroy();
                assertEquals(n + ": Stopped Destroyed", next(witness));
            }
            assertNull(q.poll(100, TimeUnit.MILLISECONDS), "nothing after the registration was closed");
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

    /**
     * cpu-total, interface and block with libvirt's names: every running domain has
     * {@code cpu.time}, {@code cpu.user}, {@code cpu.system} (ns, cpu.user + cpu.system <= cpu.time
     * within the driver's rounding); every domain has {@code net.count} and {@code block.count}
     * equal to the interfaces and disks of its XML, and every counter present is not negative.
     */
    static void counterGroups(ConformanceTarget t) throws Exception {
        try (Connection c = open(t)) {
            ensureRunning(c, t);
            List<DomainStats> all = c.allDomainStats(Set.of(StatsGroup.CPU_TOTAL, StatsGroup.INTERFACE,
                    StatsGroup.BLOCK), Set.of());
            assertTrue(all.stream().anyMatch(s -> s.domain().isActive()), "a running domain is checked");
            for (DomainStats s : all) {
                Domain d = s.domain();
                io.jvirt.spi.xml.DomainDef def = io.jvirt.spi.xml.DomainXml.parse(d.xmlDesc());
                if (d.isActive()) {
                    long time = (Long) s.param("cpu.time").orElseThrow(() -> new AssertionError(d.name() + ": cpu.time")).value();
                    long user = (Long) s.param("cpu.user").orElseThrow().value();
                    long system = (Long) s.param("cpu.system").orElseThrow().value();
                    assertTrue(time >= 0 && user >= 0 && system >= 0 && user + system <= time, s.toString());
                }
                assertEquals(def.devices().interfaces().size(), ((Number) s.param("net.count").orElseThrow().value()).intValue(),
                        d.name() + ": net.count");
                assertEquals(def.devices().disks().size(), ((Number) s.param("block.count").orElseThrow().value()).intValue(),
                        d.name() + ": block.count");
                for (TypedParameter p : s.params()) {
                    if (p.name().matches("(net|block)\\.\\d+\\.(rx|tx|rd|wr)\\..*")) {
                        assertTrue(((Number) p.value()).longValue() >= 0, p.toString());
                    }
                }
            }
        }
    }

    private static void ensureRunning(Connection c, ConformanceTarget t) {
        if (t.lifecycleDomain() != null) {
            Domain d = c.lookupDomainByName(t.lifecycleDomain());
            if (!d.currentState().isActive()) {
                d.create();
            }
        }
    }

    /** nodecpustats: user and idle (ns) not negative; nodememstats: 0 <= free <= total, total > 0. */
    static void nodeStats(ConformanceTarget t) {
        try (Connection c = open(t)) {
            Map<String, Object> cpu = new TreeMap<>();
            c.nodeCpuStats(-1).forEach(p -> cpu.put(p.name(), p.value()));
            assertTrue(((Number) cpu.get("user")).longValue() >= 0, cpu.toString());
            assertTrue(((Number) cpu.get("idle")).longValue() >= 0, cpu.toString());
            Map<String, Object> mem = new TreeMap<>();
            c.nodeMemoryStats(-1).forEach(p -> mem.put(p.name(), p.value()));
            long total = ((Number) mem.get("total")).longValue();
            long free = ((Number) mem.get("free")).longValue();
            assertTrue(total > 0 && free >= 0 && free <= total, mem.toString());
            io.jvirt.spi.error.HypervisorException e = org.junit.jupiter.api.Assertions.assertThrows(
                    io.jvirt.spi.error.HypervisorException.class, () -> c.nodeCpuStats(-2));
            assertEquals(io.jvirt.spi.error.ErrorCode.INVALID_ARG, e.code());
        }
    }

    /**
     * domblkstat of every disk (by target) and domifstat of every interface (by MAC) of the
     * running lifecycle domain: libvirt's field names, no negative value; a disk that does not
     * exist is INVALID_ARG; a stopped domain is OPERATION_INVALID.
     */
    static void deviceStats(ConformanceTarget t) throws Exception {
        if (t.lifecycleDomain() == null) {
            return; // the target has no domain it may power on and off
        }
        if (t.deviceStatsGap() != null) {
            System.out.println(t.name() + ": domblkstat/domifstat not checked: " + t.deviceStatsGap());
            return;
        }
        try (Connection c = open(t)) {
            Domain d = c.lookupDomainByName(t.lifecycleDomain());
            if (!d.currentState().isActive()) {
                d.create();
            }
            io.jvirt.spi.xml.DomainDef def = io.jvirt.spi.xml.DomainXml.parse(d.xmlDesc());
            for (io.jvirt.spi.xml.DiskDef disk : def.devices().disks()) {
                if (!"disk".equals(disk.device())) {
                    continue; // CD-ROMs and floppies
                }
                Map<String, Object> v = new TreeMap<>();
                d.blockStats(disk.targetDev()).forEach(p -> v.put(p.name(), p.value()));
                for (String f : List.of("rd_operations", "rd_bytes", "wr_operations", "wr_bytes")) {
                    assertTrue(((Number) v.get(f)).longValue() >= 0, disk.targetDev() + ": " + v);
                }
            }
            for (io.jvirt.spi.xml.InterfaceDef nic : def.devices().interfaces()) {
                io.jvirt.spi.InterfaceStats s = d.interfaceStats(nic.mac().toString());
                assertTrue(s.rxBytes() >= 0 && s.txBytes() >= 0 && s.rxPackets() >= 0 && s.txPackets() >= 0, s.toString());
            }
            io.jvirt.spi.error.HypervisorException e = org.junit.jupiter.api.Assertions.assertThrows(
                    io.jvirt.spi.error.HypervisorException.class, () -> d.blockStats("no-such-disk"));
            assertEquals(io.jvirt.spi.error.ErrorCode.INVALID_ARG, e.code());
            d.destroy();
            if (!def.devices().disks().isEmpty()) {
                String first = def.devices().disks().get(0).targetDev();
                e = org.junit.jupiter.api.Assertions.assertThrows(io.jvirt.spi.error.HypervisorException.class,
                        () -> d.blockStats(first));
                assertEquals(io.jvirt.spi.error.ErrorCode.OPERATION_INVALID, e.code());
            }
        }
    }
}
