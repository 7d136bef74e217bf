package io.jvirt.esx.proof;

import io.jvirt.esx.shared.EsxOptions;
import io.jvirt.esx.testing.ThreadCensus;
import io.jvirt.fixtures.faults.FaultProxy;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.auth.Authenticator;
import io.jvirt.vim25.InvalidState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9, "prove it" 5: 16 threads do mixed reads and writes on one connection for a bounded
 * time while the session expires at random and faults are injected (answers reset or cut by the
 * {@link FaultProxy}, HTTP 503, malformed SOAP and vSphere faults from the simulator). An
 * operation may fail only with the error an injected fault explains, and never more often than
 * faults were injected; the heap stays flat, and every thread ends when the connection closes.
 *
 * <p>Response faults hit reads only: the JDK's HttpURLConnection resends a POST whose kept-alive
 * connection fails, which for a power operation would be a second, refused power operation.
 */
@Tag("proof") // run alone, after the other classes (esx-driver's surefire execution 'proofs')
class SoakProofTest {
    static final int THREADS = 16;
    /** What an injected fault may turn into. */
    static final Set<ErrorCode> EXPLAINED = Set.of(ErrorCode.SYSTEM_ERROR, ErrorCode.RPC_FAILED, ErrorCode.HTTP_ERROR,
            ErrorCode.OPERATION_TIMEOUT, ErrorCode.INTERNAL_ERROR, ErrorCode.OPERATION_FAILED);
    static final long HEAP_SLACK = 16L << 20;

    @Test
    void mixedLoadWithExpiriesAndFaults() throws Exception {
        ThreadCensus census = ThreadCensus.take();
        try (AutoCloseable quiet = Proofs.quietDriverLogs();
             VsphereSimulator sim = VsphereSimulator.builder().model(SimulatorModel.ESX).vms(THREADS).build().start();
             FaultProxy proxy = FaultProxy.start(sim.port())) {
            List<String> names = sim.vmNames();
            Map<String, Object> env = Map.of(EsxOptions.CONNECT_TIMEOUT, Duration.ofSeconds(2),
                    EsxOptions.REQUEST_TIMEOUT, Duration.ofSeconds(3), EsxOptions.KEEPALIVE_INTERVAL, Duration.ofSeconds(2));
            AtomicLong operations = new AtomicLong();
            AtomicLong injected = new AtomicLong();
            AtomicLong expiries = new AtomicLong();
            Map<ErrorCode, AtomicLong> failures = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<String> unexplained = new ConcurrentLinkedQueue<>();
            long heapStart;
            long heapEnd;
            try (Connection c = ConnectionFactory.open("esx://127.0.0.1:" + proxy.port() + "/?transport=http",
                    Authenticator.fixed(sim.username(), sim.password().toCharArray()), env)) {
                c.listAllDomains();
                heapStart = Proofs.usedHeapAfterGc();
                AtomicBoolean running = new AtomicBoolean(true);
                ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
                List<Future<?>> workers = new ArrayList<>();
                for (int i = 0; i < THREADS; i++) {
                    String own = names.get(i);
                    Random random = new Random(7 + i);
                    workers.add(pool.submit(() -> {
                        while (running.get()) {
                            try {
                                operation(c, own, names, random);
                                operations.incrementAndGet();
                            } catch (HypervisorException e) {
                                failures.computeIfAbsent(e.code(), k -> new AtomicLong()).incrementAndGet();
                                if (!EXPLAINED.contains(e.code()) || (e.code() == ErrorCode.INTERNAL_ERROR
                                        && !e.getMessage().contains("injected"))) {
                                    unexplained.add(e.code() + ": " + e.getMessage());
                                }
                            } catch (Throwable t) {
                                unexplained.add(t.toString());
                            }
                        }
                        return null;
                    }));
                }
                Future<?> chaos = pool.submit(() -> {
                    Random random = new Random(99);
                    while (running.get()) {
                        // after every 3 to 20 operations (counted, not timed: a slow machine still does work)
                        long next = operations.get() + 3 + random.nextInt(18);
                        while (running.get() && operations.get() < next) {
                            Thread.sleep(2);
                        }
                        if (!running.get()) {
                            break;
                        }
                        int kind = random.nextInt(6);
                        switch (kind) {
                            case 0 -> {
                                expiries.addAndGet(sim.expireSessions());
                            }
                            case 1 -> proxy.inject("RetrievePropertiesEx", FaultProxy.Fault.RESET_RESPONSE, 150, 1);
                            case 2 -> proxy.inject("RetrievePropertiesEx", FaultProxy.Fault.TRUNCATE_RESPONSE, 600, 1);
                            case 3 -> sim.faults().httpStatus("RetrievePropertiesEx", 503, 1);
                            case 4 -> sim.faults().malformedResponse("RetrievePropertiesEx", 1);
                            default -> sim.faults().soapFault("PowerOnVM_Task", new InvalidState(), "injected: the host is busy", 1);
                        }
                        if (kind != 0) {
                            injected.incrementAndGet();
                        }
                    }
                    return null;
                });
                Thread.sleep(Proofs.runTime().toMillis());
                running.set(false);
                chaos.get(30, TimeUnit.SECONDS);
                for (Future<?> w : workers) {
                    w.get(60, TimeUnit.SECONDS);
                }
                pool.shutdown();
                assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS), "every worker ends");
                proxy.clear();
                sim.faults().clear();
                assertEquals(names.size(), c.listAllDomains().size(), "the connection still works");
                heapEnd = Proofs.usedHeapAfterGc();
            }
            long failed = failures.values().stream().mapToLong(AtomicLong::get).sum();
            Map<ErrorCode, Long> byCode = new EnumMap<>(ErrorCode.class);
            failures.forEach((k, v) -> byCode.put(k, v.get()));
            List<String> threads = census.extraThreads(Duration.ofSeconds(10), "fault-proxy", "vsphere-sim");
            Proofs.report("soak", THREADS + " threads, " + Proofs.runTime().toSeconds() + " s, " + operations.get()
                    + " operations succeeded, " + failed + " failed " + byCode + ", " + injected.get()
                    + " faults injected (" + proxy.faultsFired() + " fired in the proxy), " + expiries.get() + " expiries, "
                    + unexplained.size() + " unexplained, heap after GC " + Proofs.mib(heapStart) + " -> "
                    + Proofs.mib(heapEnd) + ", extra threads after close: " + threads.size());
            assertEquals(List.of(), List.copyOf(unexplained), "every failure is explained by an injected fault");
            assertTrue(failed <= injected.get(), failed + " failures but only " + injected.get() + " faults injected");
            assertTrue(operations.get() > 10L * THREADS, "the soak did work: " + operations.get());
            assertTrue(heapEnd - heapStart < HEAP_SLACK, "heap grew from " + Proofs.mib(heapStart) + " to " + Proofs.mib(heapEnd));
            assertEquals(List.of(), threads, "threads left behind");
        }
    }

    private static void operation(Connection c, String own, List<String> names, Random random) {
        int op = random.nextInt(100);
        if (op < 35) {
            c.listAllDomains();
        } else if (op < 60) {
            c.lookupDomainByName(names.get(random.nextInt(names.size()))).info();
        } else if (op < 75) {
            c.lookupDomainByName(names.get(random.nextInt(names.size()))).xmlDesc();
        } else {
            Domain mine = c.lookupDomainByName(own);
            if (mine.currentState() == DomainState.SHUTOFF) {
                mine.create();
            } else {
                mine.destroy();
            }
        }
    }
}
