package io.jvirt.esx.events;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.event.EventFilter;
import io.jvirt.spi.event.EventRegistration;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What watching 10,000 VMs costs: the heap the watcher retains (measured as the heap released
 * when its connection is closed, after full collections) and the requests to start watching.
 * Prints the numbers; the bound asserted is generous (2 KiB a VM).
 */
class WatcherMemoryTest {
    private static final int VMS = 10_000;

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            best = Math.min(best, mx.getHeapMemoryUsage().getUsed());
        }
        return best;
    }

    @Test
    void tenThousandWatchedVms() throws Exception {
        try (VsphereSimulator sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, VMS)) {
            EsxConnection c = SimulatedConnection.esx(sim, "");
            long requestsBefore = c.requestCount();
            EventRegistration r = c.registerDomainEvents(EventFilter.all(), e -> { });
            long startRequests = c.requestCount() - requestsBefore;
            DomainWatcher w = c.eventWatcher().orElseThrow();
            assertEquals(VMS, w.watchedCount());
            long watching = usedAfterGc();
            r.close();
            c.close();
            long closed = usedAfterGc();
            long perVm = (watching - closed) / VMS;
            System.out.println("watching " + VMS + " VMs: " + (watching - closed) / 1024 + " KiB retained ("
                    + perVm + " bytes a VM, upper bound: includes the closed session's share), "
                    + startRequests + " requests to start watching");
            assertTrue(perVm < 2048, perVm + " bytes a VM");
        }
    }
}
