package io.jvirt.esx.vi;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.fixtures.vsphere.SimulatorModel;
import io.jvirt.fixtures.vsphere.VsphereSimulator;
import io.jvirt.spi.ErrorCode;
import io.jvirt.spi.HypervisorException;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.StoragePool;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The task waiter against simulator tasks that take time and report progress. */
class TasksTest {
    private static final String DISK = "<volume><name>t/d.vmdk</name><capacity>1048576</capacity><allocation>0</allocation>"
            + "<target><format type='vmdk'/></target></volume>";

    @Test
    void reportsProgressUntilSuccess() {
        try (SimulatedConnection sim = SimulatedConnection.start(VsphereSimulator.builder().model(SimulatorModel.ESX).vms(0)
                .taskDuration(Duration.ofMillis(800)))) {
            EsxConnection c = sim.connection();
            StoragePool pool = c.lookupStoragePoolByName("LocalDS_0");
            List<Integer> seen = new CopyOnWriteArrayList<>();
            pool.createVolume(DISK, (op, p) -> {
                if (op.equals("CreateVirtualDisk_Task")) {
                    seen.add(p);
                }
            });
            assertEquals(100, seen.get(seen.size() - 1), seen.toString());
            assertTrue(seen.stream().anyMatch(p -> p > 0 && p < 100), "intermediate progress: " + seen);
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i) >= seen.get(i - 1) || seen.get(i - 1) == -1, seen.toString());
            }
        }
    }

    @Test
    void interruptedWaiterStopsWithoutLeakingTheThread() throws Exception {
        try (SimulatedConnection sim = SimulatedConnection.start(VsphereSimulator.builder().model(SimulatorModel.ESX).vms(0)
                .taskDuration(Duration.ofSeconds(30)))) {
            StoragePool pool = sim.connection().lookupStoragePoolByName("LocalDS_0");
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    pool.createVolume(DISK, ProgressListener.NONE);
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            t.start();
            Thread.sleep(300);
            t.interrupt();
            t.join(5000);
            assertFalse(t.isAlive());
            HypervisorException e = (HypervisorException) failure.get();
            assertEquals(ErrorCode.OPERATION_TIMEOUT, e.code(), String.valueOf(e));
            assertTrue(e.getMessage().startsWith("Interrupted while waiting for task"), e.getMessage());
            assertTrue(e.getMessage().endsWith("the task continues on the server"), e.getMessage());
        }
    }
}
