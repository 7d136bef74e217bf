package io.jvirt.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code -q} silences exactly the informational lines virsh's {@code -q} silences: the lifecycle,
 * snapshot, volume, pool and network commands replayed against the test driver print what
 * virsh 9.0.0 printed for them against its own test driver (fixtures virsh/quiet, recorded).
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
