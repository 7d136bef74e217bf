package io.jvirt.esx.console;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainJobInfo;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.Screenshot;
import io.jvirt.spi.keys.KeycodeSet;
import io.jvirt.spi.keys.Keycodes;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Screenshot, send-key, domdisplay, domain jobs and sysinfo against the in-JVM ESX simulator. */
class ConsoleSimulatorTest {

    @Test
    void screenshotIsAPngOfTheRunningVm() throws Exception {
        try (VsphereSimulator sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 2);
             EsxConnection conn = SimulatedConnection.esx(sim, "")) {
            Screenshot shot = conn.lookupDomainByName("ha-host_VM0").screenshot(0);
            assertEquals("image/png", shot.mimeType());
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(shot.data()));
            assertNotNull(image, "the bytes decode as an image");
            assertEquals(64, image.getWidth());
            assertEquals(1, sim.requestCount("GET /screen"));
            Domain off = conn.lookupDomainByName("ha-host_VM1");
            HypervisorException e = assertThrows(HypervisorException.class, () -> off.screenshot(0));
            assertEquals(ErrorCode.OPERATION_INVALID, e.code());
            assertEquals("Domain is not powered on", e.getMessage());
            assertEquals("Screen cannot be selected",
                    assertThrows(HypervisorException.class, () -> off.screenshot(1)).getMessage());
        }
    }

    @Test
    void sendKeyDeliversUsbScanCodes() {
        try (VsphereSimulator sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 1);
             EsxConnection conn = SimulatedConnection.esx(sim, "")) {
            Domain d = conn.lookupDomainByName("ha-host_VM0");
            int[] ctrlAltDel = {Keycodes.parse(KeycodeSet.LINUX, "KEY_LEFTCTRL"),
                    Keycodes.parse(KeycodeSet.LINUX, "KEY_LEFTALT"), Keycodes.parse(KeycodeSet.LINUX, "KEY_DELETE")};
            d.sendKey(KeycodeSet.LINUX, 0, ctrlAltDel);
            d.sendKey(KeycodeSet.USB, 0, new int[] {4, 5});
            assertEquals(List.of("leftControl+leftAlt+76", "4", "5"), sim.sentKeys("ha-host_VM0"));
        }
    }

    @Test
    void domdisplayGivesAWebmksTicketUrl() {
        try (VsphereSimulator sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 2);
             EsxConnection conn = SimulatedConnection.esx(sim, "")) {
            String first = conn.lookupDomainByName("ha-host_VM0").displayUri(null, false);
            assertTrue(first.matches("wss://127\\.0\\.0\\.1:" + sim.port() + "/ticket/[0-9a-f]{32}"), first);
            String second = conn.lookupDomainByName("ha-host_VM0").displayUri("webmks", false);
            assertTrue(!second.equals(first), "a ticket is for one use");
            HypervisorException vnc = assertThrows(HypervisorException.class,
                    () -> conn.lookupDomainByName("ha-host_VM0").displayUri("vnc", false));
            assertTrue(vnc.getMessage().contains("RemoteDisplay.vnc.enabled"), vnc.getMessage());
            assertEquals(ErrorCode.OPERATION_INVALID, assertThrows(HypervisorException.class,
                    () -> conn.lookupDomainByName("ha-host_VM1").displayUri(null, false)).code());
        }
    }

    @Test
    void jobInfoShowsTheRunningTaskAndAbortCancelsIt() throws Exception {
        try (VsphereSimulator sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 2);
             EsxConnection conn = SimulatedConnection.esx(sim, "")) {
            Domain d = conn.lookupDomainByName("ha-host_VM1");
            assertEquals(DomainJobInfo.none(), d.jobInfo());
            assertEquals(ErrorCode.OPERATION_INVALID, assertThrows(HypervisorException.class, d::abortJob).code());
            sim.setTaskDuration(Duration.ofSeconds(4));
            CompletableFuture<Void> start = CompletableFuture.runAsync(d::create);
            DomainJobInfo job = DomainJobInfo.none();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            // a task is queued (no progress yet: an unbounded job) for a moment before it runs
            while (job.type() != DomainJobInfo.Type.BOUNDED && System.nanoTime() < deadline) {
                Thread.sleep(50);
                job = d.jobInfo();
            }
            assertEquals(DomainJobInfo.Type.BOUNDED, job.type());
            assertEquals("VirtualMachine.powerOn", job.operation());
            assertTrue(job.percent() >= 0 && job.percent() < 100, job.toString());
            d.abortJob();
            Exception failed = assertThrows(Exception.class, () -> start.get(10, TimeUnit.SECONDS));
            assertTrue(failed.getCause() instanceof HypervisorException, failed.toString());
            assertEquals("poweredOff", sim.powerState("ha-host_VM1"));
            assertEquals(DomainJobInfo.none(), d.jobInfo());
        }
    }

    @Test
    void sysinfoAndSnapshotCurrent() {
        try (VsphereSimulator sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 1);
             EsxConnection conn = SimulatedConnection.esx(sim, "")) {
            String xml = conn.sysinfo();
            assertTrue(xml.startsWith("<sysinfo type='smbios'>\n  <bios>\n    <entry name='vendor'>Phoenix Technologies LTD</entry>"), xml);
            assertTrue(xml.contains("<entry name='product'>VMware Virtual Platform</entry>"), xml);
            Domain d = conn.lookupDomainByName("ha-host_VM0");
            d.createSnapshot("<domainsnapshot><name>s1</name></domainsnapshot>", java.util.Set.of(), null);
            HypervisorException e = assertThrows(HypervisorException.class, () -> d.setCurrentSnapshot("s1"));
            assertEquals(ErrorCode.OPERATION_UNSUPPORTED, e.code());
            assertTrue(e.getMessage().contains("RevertToSnapshot"), e.getMessage());
            assertEquals(ErrorCode.NO_DOMAIN_SNAPSHOT, assertThrows(HypervisorException.class,
                    () -> d.setCurrentSnapshot("nope")).code());
        }
    }
}
