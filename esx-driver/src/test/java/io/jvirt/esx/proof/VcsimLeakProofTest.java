package io.jvirt.esx.proof;

import io.jvirt.esx.testing.ThreadCensus;
import io.jvirt.fixtures.vcsim.Vcsim;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.auth.Authenticator;
import io.jvirt.vim25.UserSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9, "prove it" 2: open/close cycles against VMware's vcsim leave no session on the server
 * (counted there, by a separate client), no thread and no growing heap in the client. Each
 * cycle opens a connection with the default keepalive (so its scheduling is exercised), reads
 * the domain list and closes. CI runs 200 cycles, the long variant 1000 ({@link Proofs#cycles}).
 */
@Tag("proof") // run alone, after the other classes (esx-driver's surefire execution 'proofs')
class VcsimLeakProofTest {
    /** Heap growth allowed between the warmed-up start and the end (GC noise, JIT, Metro caches). */
    static final long HEAP_SLACK = 8L << 20;

    @Test
    void openCloseCyclesLeaveNothingBehind() throws Exception {
        Vcsim.require();
        try (AutoCloseable quiet = Proofs.quietDriverLogs();
             Vcsim vcsim = Vcsim.start(SimulatorModel.ESX, 2, false);
             VcsimSessionCounter server = new VcsimSessionCounter(vcsim)) {
            String uri = "esx://127.0.0.1:" + vcsim.sdkUrl().getPort() + "/?transport=http";
            Authenticator auth = Authenticator.fixed(vcsim.username(), vcsim.password().toCharArray());
            List<UserSession> before = server.sessions();
            assertEquals(1, before.size(), "only the observer is logged in: " + names(before));
            int warmup = 20;
            for (int i = 0; i < warmup; i++) {
                cycle(uri, auth);
            }
            ThreadCensus census = ThreadCensus.take();
            long heapStart = Proofs.usedHeapAfterGc();
            int cycles = Proofs.cycles();
            long start = System.nanoTime();
            int peakSessions = 0;
            for (int i = 0; i < cycles; i++) {
                cycle(uri, auth);
                if (i % 50 == 49) {
                    peakSessions = Math.max(peakSessions, server.sessions().size());
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            long heapEnd = Proofs.usedHeapAfterGc();
            List<UserSession> after = server.sessions();
            List<String> threads = census.extraThreads(Duration.ofSeconds(10));
            Proofs.report("no leaks (vcsim)", cycles + " open/close cycles in " + took.toMillis() + " ms, sessions on vcsim after: "
                    + (after.size() - 1) + " (observer not counted), extra threads: " + threads.size() + ", heap after GC "
                    + Proofs.mib(heapStart) + " -> " + Proofs.mib(heapEnd));
            assertEquals(1, after.size(), "sessions left on the server: " + names(after));
            assertEquals(1, peakSessions, "a closed connection's session ends at once on the server");
            assertEquals(List.of(), threads, "threads left behind");
            assertTrue(heapEnd - heapStart < HEAP_SLACK, "heap grew from " + Proofs.mib(heapStart) + " to " + Proofs.mib(heapEnd));
        }
    }

    private static void cycle(String uri, Authenticator auth) {
        try (Connection c = ConnectionFactory.open(uri, auth)) {
            if (c.listAllDomains().size() != 2) {
                throw new AssertionError("vcsim lists 2 VMs");
            }
        }
    }

    private static List<String> names(List<UserSession> sessions) {
        return sessions.stream().map(s -> s.getUserName() + "@" + s.getKey()).toList();
    }
}
