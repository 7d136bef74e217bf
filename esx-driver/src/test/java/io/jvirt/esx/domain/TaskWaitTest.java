package io.jvirt.esx.domain;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.Domain;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.ProgressListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The task waiter's timeout, interruption and option handling against the ESX simulator. */
class TaskWaitTest {
    private VsphereSimulator sim;

    @BeforeEach
    void start() {
        sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 2);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aTaskThatTakesTooLongTimesOutAndIsCancelled() {
        sim.setTaskDuration(Duration.ofSeconds(20));
        String uri = "esx://127.0.0.1:" + sim.port() + "/?transport=http";
        try (EsxConnection c = SimulatedConnection.open(sim, uri, Map.of(EsxConnection.TASK_TIMEOUT_OPTION, "300ms"))) {
            Domain d = c.lookupDomainByName("ha-host_VM1");
            long t0 = System.nanoTime();
            HypervisorException e = assertThrows(HypervisorException.class, d::create);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(ErrorCode.OPERATION_TIMEOUT, e.code());
            assertTrue(e.getMessage().startsWith("PowerOnVM_Task on '127.0.0.1' did not finish within 0 s (last state running"),
                    e.getMessage());
            assertTrue(ms < 5000, "took " + ms + " ms");
            assertEquals(1, sim.requestCount("CancelTask"));
        }
    }

    @Test
    void interruptedWaitCancelsAndRestoresTheFlag() throws Exception {
        sim.setTaskDuration(Duration.ofSeconds(20));
        try (EsxConnection c = SimulatedConnection.esx(sim, "")) {
            Domain d = c.lookupDomainByName("ha-host_VM1");
            Thread.currentThread().interrupt();
            HypervisorException e = assertThrows(HypervisorException.class, () -> d.create(ProgressListener.NONE));
            assertTrue(Thread.interrupted(), "interrupt flag restored");
            assertEquals(ErrorCode.OPERATION_FAILED, e.code());
            assertEquals("Interrupted while waiting for PowerOnVM_Task on '127.0.0.1'", e.getMessage());
            assertEquals(1, sim.requestCount("CancelTask"));
        }
    }

    @Test
    void badTimeoutOptionIsRejected() {
        String uri = "esx://127.0.0.1:" + sim.port() + "/?transport=http";
        HypervisorException e = assertThrows(HypervisorException.class,
                () -> SimulatedConnection.open(sim, uri, Map.of(EsxConnection.TASK_TIMEOUT_OPTION, "0s")));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertEquals(0, sim.activeSessions(), "the session opened before the check is logged out");
    }

    @Test
    void fewRequestsForAQuickTask() {
        try (EsxConnection c = SimulatedConnection.esx(sim, "")) {
            Domain d = c.lookupDomainByName("ha-host_VM1");
            sim.resetRequestCounts();
            d.create();
            // PrepareForTask: 1 read (no recent tasks yet); PowerOnVM_Task; polls until done
            assertEquals(1, sim.requestCount("PowerOnVM_Task"));
            assertTrue(sim.requestCount("RetrievePropertiesEx") <= 6, sim.requestCounts().toString());
        }
    }
}
