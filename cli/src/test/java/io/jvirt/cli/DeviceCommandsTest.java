package io.jvirt.cli;

import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * edit and the device commands with virsh's messages, on the test driver (one session per
 * command line, so each scenario is one command line) and on the in-JVM ESX simulator.
 */
class DeviceCommandsTest {

    private static Path script(Path dir, String name, String body) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwx------"));
        return f;
    }

    @Test
    void attachAndDetachDiskOnTheTestDriver() {
        Cli.Result r = Cli.test("attach-disk test /guest/data.img vdb --config; domblklist test --inactive;"
                + " detach-disk test vdb --config; domblklist test --inactive; detach-disk test vdz");
        assertEquals("""
                Disk attached successfully

                 Target   Source
                ---------------------------
                 vdb      /guest/data.img

                Disk detached successfully

                 Target   Source
                ------------------


                """, r.out());
        assertEquals("error: No disk found whose source path or target is vdz\n", r.err());
    }

    @Test
    void attachAndDetachInterfaceOnTheTestDriver() {
        Cli.Result r = Cli.test("attach-interface test network default --mac 52:54:00:00:00:02 --config;"
                + " attach-interface test network default --mac 52:54:00:00:00:03; domiflist test;"
                + " detach-interface test network; detach-interface test network --mac 52:54:00:00:00:02;"
                + " domiflist test; detach-interface test bridge");
        assertEquals("""
                Interface attached successfully

                Interface attached successfully

                 Interface   Type      Source    Model   MAC
                ------------------------------------------------------------
                 -           network   default   -       52:54:00:00:00:02
                 -           network   default   -       52:54:00:00:00:03


                Interface detached successfully

                 Interface   Type      Source    Model   MAC
                ------------------------------------------------------------
                 -           network   default   -       52:54:00:00:00:03


                """, r.out());
        assertEquals("""
                error: Domain has 2 interfaces. Please specify which one to detach using --mac
                error: Failed to detach interface
                error: No interface found whose type is bridge
                error: Failed to detach interface
                """, r.err());
    }

    @Test
    void changeMediaOnTheTestDriver() {
        Cli.Result r = Cli.test("attach-disk test /iso/a.iso hdc --type cdrom --targetbus ide;"
                + " change-media test hdc --eject; change-media test hdc --eject; change-media test hdc /iso/b.iso --insert;"
                + " change-media test hdc /iso/c.iso --update; domblklist test; change-media test hdc --eject --insert");
        assertEquals("""
                Disk attached successfully

                Successfully ejected media.


                Successfully inserted media.

                Successfully updated media.

                 Target   Source
                ----------------------
                 hdc      /iso/c.iso


                """, r.out());
        assertEquals("error: The disk device 'hdc' doesn't have media\n"
                + "error: Options --eject, --insert, and --update are mutually exclusive\n", r.err());
    }

    @Test
    void attachDeviceFromFileAndItsErrors(@TempDir Path dir) throws IOException {
        Path disk = dir.resolve("disk.xml");
        Files.writeString(disk, "<disk type='file' device='disk'><source file='/guest/x.img'/><target dev='vdc'/></disk>");
        Path video = dir.resolve("video.xml");
        Files.writeString(video, "<video><model type='vga'/></video>");
        Cli.Result r = Cli.test("attach-device test " + disk + " --current; attach-device test " + disk
                + "; attach-device test " + video + "; update-device test " + disk + "; detach-device test " + disk
                + " --live --current");
        assertEquals("Device attached successfully\n\n\n\nDevice updated successfully\n\n\n", r.out());
        assertEquals("error: Failed to attach device from " + disk + "\n"
                + "error: Requested operation is not valid: target vdc already exists\n"
                + "error: Failed to attach device from " + video + "\n"
                + "error: unsupported configuration: device element 'video' cannot be attached, detached or updated"
                + " (supported: disk, interface)\n"
                + "error: Options --current and --live are mutually exclusive\n", r.err());
    }

    @Test
    void editDefinesWhatTheEditorSaved(@TempDir Path dir) throws IOException {
        Path doubleMemory = script(dir, "double.sh",
                "sed -i 's|<memory unit=.KiB.>8388608</memory>|<memory unit=\"KiB\">16777216</memory>|' \"$1\"");
        Cli.Result r = Cli.cli().env("EDITOR", doubleMemory.toString()).run("-c", "test:///default",
                "edit test; dominfo test");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("Domain 'test' XML configuration edited.\n\n"), r.out());
        assertTrue(r.out().contains("Max memory:     16777216 KiB\n"), r.out());

        Cli.Result unchanged = Cli.cli().env("EDITOR", "true").env("VISUAL", "").run("-c", "test:///default", "edit test");
        assertEquals("Domain 'test' XML configuration not changed.\n\n", unchanged.out());

        Cli.Result visual = Cli.cli().env("EDITOR", "false").env("VISUAL", doubleMemory.toString())
                .run("-c", "test:///default", "edit test");
        assertEquals("Domain 'test' XML configuration edited.\n\n", visual.out(), visual.err());
    }

    @Test
    void editAsksAgainWhenTheDefinitionFails(@TempDir Path dir) throws IOException {
        Path breakIt = script(dir, "break.sh", "sed -i 's|</name>|</nam>|' \"$1\"");
        Cli.Result giveUp = Cli.cli().env("EDITOR", breakIt.toString()).stdin("?\nn\n")
                .run("-c", "test:///default", "edit test");
        assertEquals(1, giveUp.status());
        assertEquals("\n", giveUp.out());
        assertTrue(giveUp.err().startsWith("error: XML error: "), giveUp.err());
        assertTrue(giveUp.err().contains("Failed. Try again? [y,n,i,f,?]: y - yes, start editor again\n"
                + "n - no, throw away my changes\n"), giveUp.err());
        assertTrue(giveUp.err().endsWith("Failed. Try again? [y,n,i,f,?]: error: Failed.\n"), giveUp.err());

        // y: the editor runs again on the edited file; this one repairs it the second time
        Path fixOnSecondRun = script(dir, "second.sh", """
                if [ -f "%1$s/ran" ]; then sed -i 's|</nam>|</name>|; s|8388608</memory>|4194304</memory>|' "$1"
                else touch "%1$s/ran"; sed -i 's|</name>|</nam>|' "$1"; fi""".formatted(dir));
        Cli.Result retry = Cli.cli().env("EDITOR", fixOnSecondRun.toString()).stdin("y\n")
                .run("-c", "test:///default", "edit test; dominfo test");
        assertEquals(0, retry.status(), retry.err());
        assertTrue(retry.out().startsWith("Domain 'test' XML configuration edited.\n"), retry.out());
        assertTrue(retry.out().contains("Max memory:     4194304 KiB\n"), retry.out());
    }

    @Test
    void readOnlyConnectionsRefuseDeviceChanges() {
        Cli.Result r = Cli.test("-r", "attach-disk test /x.img vdb");
        assertEquals(1, r.status());
        assertEquals("error: operation forbidden: read only access prevents attach-disk\n", r.err());
        Cli.Result print = Cli.test("-r", "attach-disk test /x.img vdb --print-xml");
        assertEquals(0, print.status(), print.err());
        assertTrue(print.out().contains("<target dev='vdb'/>"), print.out());
    }

    @Test
    void devicesAndRedefineOnTheEsxSimulator(@TempDir Path dir) throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().model(SimulatorModel.ESX).tls(true)
                .credentials("root", SimulatorCliTest.PASSWORD).build().start()) {
            Path auth = dir.resolve("auth.conf");
            Files.writeString(auth, "[credentials-sim]\nusername=root\npassword=" + SimulatorCliTest.PASSWORD
                    + "\n\n[auth-esx-127.0.0.1]\ncredentials=sim\n");
            List<String> base = List.of("-c", "esx://127.0.0.1:" + sim.port() + "/?no_verify=1", "--auth-file", auth.toString());
            String ds = sim.vmNames().isEmpty() ? "" : "LocalDS_0";
            Cli.Result r = run(base, "attach-disk ha-host_VM1 '[" + ds + "] ha-host_VM0/ha-host_VM0.vmdk' sdb --config;"
                    + " attach-interface ha-host_VM1 bridge 'VM Network' --model vmxnet3 --config;"
                    + " domblklist ha-host_VM1; domiflist ha-host_VM1");
            assertEquals("", r.err());
            assertTrue(r.out().startsWith("Disk attached successfully\n\nInterface attached successfully\n\n"), r.out());
            assertTrue(r.out().contains(" sdb      [" + ds + "] ha-host_VM0/ha-host_VM0.vmdk\n"), r.out());
            assertTrue(r.out().contains("vmxnet3"), r.out());
            Cli.Result xml = run(base, "dumpxml ha-host_VM1");
            assertTrue(xml.out().contains("<target dev='sdb' bus='scsi'/>"), xml.out());
            assertEquals(2, xml.out().split("<interface ").length - 1, xml.out());

            Cli.Result detach = run(base, "detach-disk ha-host_VM1 sdb; domblklist ha-host_VM1");
            assertEquals("", detach.err());
            assertFalse(detach.out().contains("sdb"), detach.out());

            Path file = dir.resolve("vm1.xml");
            String current = run(base, "dumpxml ha-host_VM1").out();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<memory unit='KiB'>(\\d+)</memory>").matcher(current);
            assertTrue(m.find(), current);
            long doubled = Long.parseLong(m.group(1)) * 2;
            Files.writeString(file, current.replace(m.group(), "<memory unit='KiB'>" + doubled + "</memory>")
                    .replaceAll("<currentMemory unit='KiB'>\\d+</currentMemory>", ""));
            Cli.Result define = run(base, "define " + file + "; dominfo ha-host_VM1");
            assertEquals("", define.err());
            assertTrue(define.out().startsWith("Domain 'ha-host_VM1' defined from " + file), define.out());
            assertTrue(define.out().contains("Max memory:     " + doubled + " KiB\n"), define.out());
        }
    }

    private static Cli.Result run(List<String> base, String line) {
        List<String> all = new ArrayList<>(base);
        all.add(line);
        return Cli.cli().run(all.toArray(String[]::new));
    }
}
