package io.jvirt.esx.vi;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Threads sharing one connection have their requests on the wire at the same time. */
class ParallelRequestsTest {

    @Test
    void eightThreadsHaveEightRequestsInFlightAtOnce() throws Exception {
        try (VsphereSimulator sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 1);
             EsxConnection c = SimulatedConnection.esx(sim, "")) {
            VimSession session = ReloginTest.sessionOf(c);
            sim.faults().delay("CurrentTime", Duration.ofSeconds(5), 8);
            List<CompletableFuture<Object>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(CompletableFuture.supplyAsync(
                        () -> session.call("CurrentTime", p -> p.currentTime(VimSession.serviceInstance())),
                        r -> new Thread(r).start()));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            while (sim.requestCount("CurrentTime") < 8 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(8, sim.requestCount("CurrentTime"), "all eight requests reached the server");
            assertTrue(calls.stream().noneMatch(CompletableFuture::isDone),
                    "...while the first of them was still being answered (5 s delay each)");
            for (CompletableFuture<Object> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
        }
    }
}
