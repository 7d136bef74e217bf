package io.jvirt.esx.proof;

import io.jvirt.esx.shared.EsxOptions;
import io.jvirt.esx.testing.ThreadCensus;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.auth.Authenticator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * Issue 9, "prove it" 1: 16 threads share one connection and do mixed reads and writes while the
 * in-JVM simulator expires the session at random moments. Every operation must succeed, and the
 * driver must log in once per expiry (not once per thread that noticed it).
 */
@Tag("proof") // run alone, after the other classes (esx-driver's surefire execution 'proofs')
class SessionExpiryProofTest {
    static final int THREADS = 16;

    @Test
    void everyOperationSucceedsAndEachExpiryCostsOneLogin() throws Exception {
        ThreadCensus census = ThreadCensus.take();
        try (VsphereSimulator sim = VsphereSimulator.builder().model(SimulatorModel.ESX).vms(THREADS).build().start()) {
            List<String> names = sim.vmNames();
            assertTrue(names.size() >= THREADS, "one VM per thread: " + names);
            Map<String, Object> env = Map.of(EsxOptions.KEEPALIVE_INTERVAL, Duration.ZERO,
                    EsxOptions.REQUEST_TIMEOUT, Duration.ofSeconds(30));
            try (Connection c = ConnectionFactory.open("esx://127.0.0.1:" + sim.port() + "/?transport=http",
                    Authenticator.fixed(sim.username(), sim.password().toCharArray()), env)) {
                long loginsBefore = sim.logins();
                long expiredBefore = sim.expiredSessions();
                AtomicBoolean running = new AtomicBoolean(true);
                AtomicLong operations = new AtomicLong();
                ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
                ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
                List<Future<?>> workers = new ArrayList<>();
                for (int i = 0; i < THREADS; i++) {
                    String own = names.get(i);
                    long seed = 1000 + i;
                    workers.add(pool.submit(() -> work(c, own, names, new Random(seed), running, operations, failures)));
                }
                // the server ends the session at random moments while 16 threads have requests in
                // flight: after every 2 x 16 to 6 x 16 operations, so each thread does a few between two
                // expiries (counted, not timed: on a slow machine a timed expiry would hit every retry)
                Future<?> expirer = pool.submit(() -> {
                    Random random = new Random(42);
                    while (running.get()) {
                        long next = operations.get() + 2L * THREADS + random.nextInt(4 * THREADS + 1);
                        while (running.get() && operations.get() < next) {
                            Thread.sleep(2);
                        }
                        if (running.get()) {
                            sim.expireSessions();
                        }
                    }
                    return null;
                });
                Thread.sleep(Proofs.runTime().toMillis());
                running.set(false);
                expirer.get(30, TimeUnit.SECONDS);
                for (Future<?> w : workers) {
                    w.get(60, TimeUnit.SECONDS);
                }
                pool.shutdown();
                assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
                // one more call: the last expiry may not have been noticed yet
                c.listAllDomains();
                long logins = sim.logins() - loginsBefore;
                long expiries = sim.expiredSessions() - expiredBefore;
                Proofs.report("session expiry under load", THREADS + " threads, " + Proofs.runTime().toSeconds() + " s, "
                        + operations.get() + " operations, " + failures.size() + " failed, " + expiries
                        + " expiries, " + logins + " logins");
                assertEquals(List.of(), failures.stream().map(Throwable::toString).toList(), "every operation succeeds");
                assertTrue(expiries >= 10, "the run saw enough expiries: " + expiries);
                assertTrue(operations.get() >= 10L * THREADS, "the run did enough work: " + operations.get());
                assertEquals(expiries, logins, "one login per expiry, not per thread");
            }
        }
        assertEquals(List.of(), census.extraThreads(Duration.ofSeconds(5)), "threads left behind");
    }

    /** Reads everything, writes only its own VM, until told to stop. */
    private static Void work(Connection c, String own, List<String> names, Random random, AtomicBoolean running,
                             AtomicLong operations, ConcurrentLinkedQueue<Throwable> failures) {
        while (running.get()) {
            try {
                int op = random.nextInt(100);
                if (op < 35) {
                    List<Domain> all = c.listAllDomains();
                    if (all.size() != names.size()) {
                        throw new AssertionError("listed " + all.size() + " of " + names.size());
                    }
                } else if (op < 60) {
                    Domain d = c.lookupDomainByName(names.get(random.nextInt(names.size())));
                    d.info();
                } else if (op < 75) {
                    c.lookupDomainByName(names.get(random.nextInt(names.size()))).xmlDesc();
                } else if (op < 90) {
                    Domain mine = c.lookupDomainByName(own);
                    if (mine.currentState() == DomainState.SHUTOFF) {
                        mine.create();
                    } else {
                        mine.destroy();
                    }
                } else {
                    Domain mine = c.lookupDomainByName(own);
                    boolean was = mine.autostart();
                    mine.setAutostart(!was);
                }
                operations.incrementAndGet();
            } catch (Throwable t) {
                failures.add(t);
            }
        }
        return null;
    }
}
