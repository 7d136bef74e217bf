package io.jvirt.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code -q} silences exactly the informational lines virsh's {@code -q} silences: the lifecycle,
 * snapshot, volume, pool and network commands replayed against the test driver print what
 * virsh 9.0.0 printed for them against its own test driver (fixtures virsh/quiet, recorded);
 * edit and the device commands, which virsh's test driver cannot run, are checked against
 * virsh's source (they print with vshPrintExtra).
 */
class QuietOutputTest {
    private static final String RECORDED_DIR = "/tmp/jvirt-q";

    @Test
    void quietPrintsWhatVirshQuietPrints(@TempDir Path dir) throws IOException {
        String commands = setUp(dir);
        Cli.Result r = Cli.test("-q", commands);
        assertEquals("", r.err());
        assertEquals(expected("quiet.out", dir), r.out());
        assertEquals(0, r.status());
    }

    @Test
    void withoutQuietTheSameCommandsPrintVirshsMessages(@TempDir Path dir) throws IOException {
        String commands = setUp(dir);
        Cli.Result r = Cli.test(commands);
        assertEquals("", r.err());
        assertEquals(expected("normal.out", dir), r.out());
    }

    /**
     * edit and the device commands report success with virsh's vshPrintExtra (virsh-domain.c:
     * "Disk attached successfully", "Successfully ejected media.", "Domain '%s' XML configuration
     * edited.", ...), so {@code -q} silences them too. virsh's own test driver cannot attach
     * devices, so nothing was recorded: the same command line runs with and without -q, and the
     * run without -q shows that every command succeeded with its message.
     */
    @Test
    void quietSilencesEditAndTheDeviceCommands(@TempDir Path dir) throws IOException {
        Path disk = dir.resolve("disk.xml");
        Files.writeString(disk, "<disk type='file' device='disk'><source file='/guest/x.img'/><target dev='vdc'/></disk>");
        Path doubleMemory = dir.resolve("double.sh");
        Files.writeString(doubleMemory, "#!/bin/sh\nsed -i 's|<memory unit=.KiB.>8388608</memory>|"
                + "<memory unit=\"KiB\">16777216</memory>|' \"$1\"\n");
        Files.setPosixFilePermissions(doubleMemory, PosixFilePermissions.fromString("rwx------"));
        String commands = "attach-disk test /guest/data.img vdb --config; detach-disk test vdb --config;"
                + " attach-interface test network default --mac 52:54:00:00:00:02 --config;"
                + " detach-interface test network --config;"
                + " attach-device test " + disk + "; update-device test " + disk + "; detach-device test " + disk + ";"
                + " attach-disk test /iso/a.iso hdc --type cdrom --targetbus ide; change-media test hdc --eject;"
                + " change-media test hdc /iso/b.iso --insert; change-media test hdc /iso/c.iso --update;"
                + " edit test; domstate test";

        Cli.Result normal = Cli.cli().env("EDITOR", doubleMemory.toString()).env("VISUAL", "")
                .run("-c", "test:///default", commands);
        assertEquals("", normal.err());
        assertEquals(String.join("\n\n", "Disk attached successfully", "Disk detached successfully",
                "Interface attached successfully", "Interface detached successfully", "Device attached successfully",
                "Device updated successfully", "Device detached successfully", "Disk attached successfully",
                "Successfully ejected media.", "Successfully inserted media.", "Successfully updated media.",
                "Domain 'test' XML configuration edited.", "running", ""), normal.out());

        Cli.Result quiet = Cli.cli().env("EDITOR", doubleMemory.toString()).env("VISUAL", "")
                .run("-c", "test:///default", "-q", commands);
        assertEquals("", quiet.err());
        assertEquals("running\n", quiet.out());
        assertEquals(0, quiet.status());

        Cli.Result unchanged = Cli.cli().env("EDITOR", "true").env("VISUAL", "")
                .run("-c", "test:///default", "-q", "edit test");
        assertEquals("", unchanged.err());
        assertEquals("", unchanged.out());
        assertEquals(0, unchanged.status());
    }

    private static String setUp(Path dir) throws IOException {
        Files.writeString(dir.resolve("dom.xml"), fixture("dom.xml"));
        Files.writeString(dir.resolve("net.xml"), fixture("net.xml"));
        return fixture("commands.txt").strip().replace(RECORDED_DIR, dir.toString());
    }

    private static String expected(String name, Path dir) throws IOException {
        return fixture(name).replace(RECORDED_DIR, dir.toString());
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = QuietOutputTest.class.getResourceAsStream("/io/jvirt/fixtures/virsh/quiet/" + name)) {
            if (in == null) {
                throw new IOException("fixture virsh/quiet/" + name + " missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
