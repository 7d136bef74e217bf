package io.jvirt.esx.events;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.event.DomainEvent;
import io.jvirt.spi.event.DomainEventId;
import io.jvirt.spi.event.EventFilter;
import io.jvirt.spi.event.EventOrigin;
import io.jvirt.spi.event.EventRegistration;
import io.jvirt.spi.event.LifecycleEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * device-added / device-removed from {@code config.hardware.device} changes made by another
 * client, with the names libvirt users give detach-disk / detach-interface, and the
 * defined/updated that the new {@code config.changeVersion} brings (in-JVM simulator).
 */
class DeviceEventsTest {

    @Test
    void nicAddedAndRemovedByAnotherClientAreReportedByMac() throws Exception {
        BlockingQueue<DomainEvent> received = new LinkedBlockingQueue<>();
        try (VsphereSimulator sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 2);
             EsxConnection watching = SimulatedConnection.open(sim, "esx://127.0.0.1:" + sim.port() + "/?transport=http",
                     Map.of(EsxConnection.EVENT_WAIT_OPTION, Duration.ofSeconds(1)));
             EventRegistration r = watching.registerDomainEvents(EventFilter.all(), received::add)) {
            int key = sim.attachNic("ha-host_VM1", "00:50:56:AA:BB:CC");
            List<String> added = lines(received, 2);
            assertEquals(List.of("ha-host_VM1 Defined Updated LIVE", "ha-host_VM1 device-added 00:50:56:aa:bb:cc LIVE"),
                    added);
            sim.detachDevice("ha-host_VM1", key);
            assertEquals(List.of("ha-host_VM1 Defined Updated LIVE", "ha-host_VM1 device-removed 00:50:56:aa:bb:cc LIVE"),
                    lines(received, 2));
            sim.detachDevice("ha-host_VM0", 2000); // the disk at scsi0:0
            assertEquals(List.of("ha-host_VM0 Defined Updated LIVE", "ha-host_VM0 device-removed sda LIVE"),
                    lines(received, 2));
            assertNull(received.poll(1500, TimeUnit.MILLISECONDS), "nothing else: " + received);
        }
    }

    @Test
    void deviceNamesFollowTheEsxDriversDiskNames() {
        assertEquals("sda", io.jvirt.vmx.convert.DiskNames.name("sd", 0));
        assertEquals("sdz", io.jvirt.vmx.convert.DiskNames.name("sd", 25));
        assertEquals("sdaa", io.jvirt.vmx.convert.DiskNames.name("sd", 26));
        assertEquals("hdc", io.jvirt.vmx.convert.DiskNames.name("hd", 2));
    }

    private static List<String> lines(BlockingQueue<DomainEvent> q, int n) throws InterruptedException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DomainEvent e = q.poll(10, TimeUnit.SECONDS);
            assertNotNull(e, "event " + (i + 1) + " of " + n + " after " + out);
            out.add(e.domainName() + " " + (e.id() == DomainEventId.LIFECYCLE ? e.lifecycleText()
                    : e.id().virshName() + " " + e.device()) + " " + e.origin());
        }
        return out;
    }
}
