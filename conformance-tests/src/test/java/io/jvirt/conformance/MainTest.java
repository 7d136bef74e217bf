package io.jvirt.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus runner as the jar runs it: output lines and exit codes on a temporary corpus. */
class MainTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void vmx2xmlPassesFailsAndCountsExpectedFailures(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("good.vmx"), OneCase.VMX);
        Files.writeString(dir.resolve("good.xml"), OneCase.XML);
        // compared byte for byte, like libvirt's tests: attribute order counts
        Files.writeString(dir.resolve("reordered.vmx"), OneCase.VMX);
        Files.writeString(dir.resolve("reordered.xml"), OneCase.XML.replace("<model type='vmvga' vram='4096' primary='yes'/>",
                "<model primary='yes' vram='4096' type='vmvga'/>"));
        Files.writeString(dir.resolve("bad.vmx"), OneCase.VMX.replace("\"t\"", "\"u\""));
        Files.writeString(dir.resolve("bad.xml"), OneCase.XML);
        Files.writeString(dir.resolve("broken.vmx"), "config.version = \"7\"\n");
        Files.writeString(dir.resolve("corpus.properties"), "expectFail=broken\n");
        Run r = run("corpus", "vmx2xml", dir.toString());
        assertEquals(1, r.code(), r.out());
        String[] lines = r.out().split("\n");
        assertEquals(5, lines.length, r.out());
        assertEquals("FAIL bad: line 2: expected '  <name>t</name>' but got '  <name>u</name>'", lines[0]);
        assertEquals("PASS broken", lines[1]);
        assertEquals("PASS good", lines[2]);
        assertTrue(lines[3].startsWith("FAIL reordered: line ") && lines[3].contains("primary='yes' vram='4096'"), lines[3]);
        assertEquals("2 passed, 2 failed", lines[4]);
    }

    @Test
    void xml2vmxComparesExactly(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("xml2vmx-a.xml"), "<domain type='vmware'><name>a</name><uuid>"
                + "564d9bef-acd9-b4e0-c8f0-aea8b9103515</uuid><memory>4096</memory><os><type>hvm</type></os>"
                + "</domain>");
        // the right lines, but one key in other case and the lines in another order: not libvirt's output
        Files.writeString(dir.resolve("xml2vmx-a.vmx"), """
                .encoding = "UTF-8"
                CONFIG.VERSION = "8"
                virtualHW.version = "7"
                guestOS = "other"
                uuid.bios = "56 4d 9b ef ac d9 b4 e0-c8 f0 ae a8 b9 10 35 15"
                numvcpus = "1"
                displayName = "a"
                memsize = "4"
                floppy0.present = "false"
                floppy1.present = "false"
                vmci0.present = "true"
                """);
        Files.writeString(dir.resolve("corpus.properties"), "virtualHW.a=7\n");
        Run r = run("corpus", "xml2vmx", dir.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().startsWith("FAIL a: line 2: expected 'CONFIG.VERSION = \"8\"' but got "), r.out());
    }

    @Test
    void usageErrorsExitWith2(@TempDir Path dir) {
        assertEquals(2, run().code());
        assertEquals(2, run("nope").code());
        assertEquals(2, run("corpus", "sideways", dir.toString()).code());
        assertEquals(2, run("corpus", "vmx2xml", dir.resolve("absent").toString()).code());
        Run r = run("corpus", "vmx2xml");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("usage"), r.err());
    }

    @Test
    void emptyCorpusPasses(@TempDir Path dir) {
        Run r = run("corpus", "vmx2xml", dir.toString());
        assertEquals(0, r.code());
        assertEquals("0 passed, 0 failed\n", r.out());
    }
}
