package io.jvirt.esx.storage;

import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.StoragePool;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Volume operations are vSphere tasks: progress reaches the listener, an interrupted caller stops waiting. */
class VolumeTaskTest {
    private static final String DISK = "<volume><name>t/d.vmdk</name><capacity>1048576</capacity><allocation>0</allocation>"
            + "<target><format type='vmdk'/></target></volume>";

    @Test
    void creationReportsIntermediateProgress() {
        try (SimulatedConnection sim = SimulatedConnection.start(VsphereSimulator.builder().model(SimulatorModel.ESX).vms(0)
                .taskDuration(Duration.ofMillis(800)))) {
            StoragePool pool = sim.connection().lookupStoragePoolByName("LocalDS_0");
            List<Integer> seen = new CopyOnWriteArrayList<>();
            pool.createVolume(DISK, (op, p) -> {
                if (op.equals("CreateVirtualDisk_Task")) {
                    seen.add(p);
                }
            });
            assertEquals(100, seen.get(seen.size() - 1), seen.toString());
            assertTrue(seen.stream().anyMatch(p -> p > 0 && p < 100), "intermediate progress: " + seen);
        }
    }

    @Test
    void interruptedCallerStopsWaiting() throws Exception {
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
            HypervisorException e = assertInstanceOf(HypervisorException.class, failure.get());
            assertTrue(e.getMessage().startsWith("Interrupted while waiting for"), e.getMessage());
        }
    }
}
