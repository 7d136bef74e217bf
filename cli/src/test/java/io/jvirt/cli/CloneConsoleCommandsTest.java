package io.jvirt.cli;

import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * clone, screenshot, send-key, domdisplay, domjobinfo, sysinfo, snapshot-current NAME,
 * vol-list --details and list --title: messages and layouts as virsh 9.0.0 prints them for its
 * test driver (clone is jvirt's own), against the test driver and the in-JVM ESX simulator.
 */
class CloneConsoleCommandsTest {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static void matches(String regex, String actual) {
        assertTrue(Pattern.compile(regex, Pattern.DOTALL).matcher(actual).matches(),
                () -> "expected to match:\n" + regex + "\nbut was:\n" + actual);
    }

    @Test
    void cloneOnTheTestDriver() {
        Cli.Result r = Cli.test("clone test t2; list --all --name; domuuid t2");
        assertEquals("", r.err());
        matches("Domain 'test' cloned to 't2'\n\ntest\nt2\n\n" + UUID + "\n\n", r.out());
        Cli.Result taken = Cli.test("clone test test");
        assertEquals("error: Failed to clone domain 'test'\n"
                + "error: operation failed: domain 'test' already exists with uuid 6695eb01-f6a4-8304-79aa-97f2502e193f\n",
                taken.err());
        Cli.Result linked = Cli.test("clone test t2 --linked");
        assertTrue(linked.err().startsWith("error: Failed to clone domain 'test'\nerror: invalid argument: a linked clone"
                + " needs a snapshot"), linked.err());
        assertEquals("error: command 'clone' requires <newname> option\n", Cli.test("clone test").err());
    }

    @Test
    void quietCloneSaysNothing() {
        Cli.Result r = Cli.test("-q", "clone test t2; list --all --name");
        assertEquals("test\nt2\n", r.out());
    }

    @Test
    void screenshotWritesThePngWithVirshsMessage(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("shot.png");
        Cli.Result r = Cli.test("screenshot test " + file);
        assertEquals("", r.err());
        assertEquals("Screenshot saved to " + file + ", with type of image/png\n\n", r.out());
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, "the file decodes as an image");
        assertEquals(1120, image.getWidth());
        Cli.Result off = Cli.test("destroy test; screenshot test " + file);
        assertEquals("error: could not take a screenshot of test\n"
                + "error: Requested operation is not valid: domain 'test' is not running\n", off.err());
    }

    @Test
    void snapshotCurrentSetsLikeVirshsTestDriver() {
        Cli.Result r = Cli.test("snapshot-create-as test s1; snapshot-create-as test s2; snapshot-current test s1;"
                + " snapshot-current test --name");
        assertEquals("", r.err());
        assertEquals("Domain snapshot s1 created\nDomain snapshot s2 created\nSnapshot s1 set as current\n\ns1\n\n", r.out());
        assertEquals("error: Domain snapshot not found: no domain snapshot with matching name 'nope'\n",
                Cli.test("snapshot-current test nope").err());
    }

    @Test
    void volListDetailsAndListTitleAndSysinfoAsVirsh() {
        // virsh 9.0.0 -c test:///default, same commands
        assertEquals("""
                Vol v1 created

                 Name   Path               Type   Capacity   Allocation
                ---------------------------------------------------------
                 v1     /default-pool/v1   file   1.00 MiB   1.00 MiB

                """, Cli.test("vol-create-as default-pool v1 1M; vol-list default-pool --details").out());
        assertEquals("""
                 Id   Name   State     Title
                ------------------------------
                 1    test   running  \s

                """, Cli.test("list --title").out());
        assertEquals("""
                <sysinfo type='smbios'>
                  <bios>
                    <entry name='vendor'>LENOVO</entry>
                    <entry name='version'>G4ETA1WW (2.61 )</entry>
                    <entry name='date'>05/07/2014</entry>
                    <entry name='release'>2.61</entry>
                  </bios>
                </sysinfo>

                """, Cli.test("sysinfo").out());
        assertEquals("error: No graphical display found\n", Cli.test("domdisplay test").err());
    }

    @Test
    void consoleCommandsOnTheEsxSimulator(@TempDir Path dir) throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().model(SimulatorModel.ESX).vms(1).build().start()) {
            Path auth = dir.resolve("auth.conf");
            Files.writeString(auth, "[credentials-sim]\nusername=" + sim.username() + "\npassword=" + sim.password()
                    + "\n\n[auth-esx-127.0.0.1]\ncredentials=sim\n");
            String uri = "esx://127.0.0.1:" + sim.port() + "/?transport=http";
            Path shot = dir.resolve("vm.png");
            Cli.Result r = Cli.cli().run("-c", uri, "--auth-file", auth.toString(),
                    "screenshot ha-host_VM0 " + shot + "; send-key ha-host_VM0 KEY_LEFTCTRL KEY_LEFTALT KEY_DELETE;"
                            + " send-key ha-host_VM0 --codeset usb 4; domdisplay ha-host_VM0; domjobinfo ha-host_VM0");
            assertEquals("", r.err());
            matches("Screenshot saved to " + Pattern.quote(shot.toString()) + ", with type of image/png\n\n\n\n"
                    + "wss://127\\.0\\.0\\.1:" + sim.port() + "/ticket/[0-9a-f]{32}\n\n"
                    + "Job type:         None        \n\n", r.out());
            assertNotNull(ImageIO.read(shot.toFile()));
            assertEquals(List.of("leftControl+leftAlt+76", "4"), sim.sentKeys("ha-host_VM0"));
            Cli.Result bad = Cli.cli().run("-c", uri, "--auth-file", auth.toString(), "send-key ha-host_VM0 KEY_NOPE;"
                    + " send-key ha-host_VM0 --codeset nope 1; destroy ha-host_VM0; clone ha-host_VM0 copy1");
            assertEquals("error: invalid keycode: 'KEY_NOPE'\nerror: unknown codeset: 'nope'\n", bad.err());
            assertTrue(bad.out().endsWith("Domain 'ha-host_VM0' cloned to 'copy1'\n\n"), bad.out());
        }
    }

    @Test
    void readOnlyConnectionsRefuseTheWrites() {
        for (String command : List.of("clone test t2", "screenshot test", "send-key test KEY_A", "domdisplay test",
                "domjobabort test", "snapshot-current test s1")) {
            Cli.Result r = Cli.test("-r", command);
            String name = command.substring(0, command.indexOf(' '));
            assertEquals("error: operation forbidden: read only access prevents " + name + "\n", r.err(), command);
        }
        assertEquals("", Cli.test("-r", "sysinfo").err());
    }
}
