package io.jvirt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code domxml-from-native vmware-vmx} reads a .vmx in the charset its .encoding names. */
class NativeVmxEncodingTest {
    private static final String VMX = "config.version = \"8\"\nvirtualHW.version = \"4\"\n";

    @Test
    void windowsCodePageFilesAreDecoded(@TempDir Path dir) throws IOException {
        Path vmx = dir.resolve("de.vmx");
        Files.write(vmx, (".encoding = \"windows-1252\"\n" + VMX + "displayName = \"B\u00fcro \u2013 \u20ac\"\n")
                .getBytes(Charset.forName("windows-1252")));
        Cli.Result r = Cli.cli().run("domxml-from-native", "vmware-vmx", vmx.toString(), "--offline");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("<name>B\u00fcro \u2013 \u20ac</name>"), r.out());

        Path ko = dir.resolve("ko.vmx");
        Files.write(ko, (".encoding = \"windows-949-2000\"\n" + VMX + "displayName = \"\uAC00\uC0C1\"\n")
                .getBytes(Charset.forName("x-windows-949")));
        r = Cli.cli().run("domxml-from-native", "vmware-vmx", ko.toString(), "--offline");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("<name>\uAC00\uC0C1</name>"), r.out());
    }

    @Test
    void undecodableFileIsAClearError(@TempDir Path dir) throws IOException {
        Path vmx = dir.resolve("bad.vmx");
        Files.write(vmx, (VMX + "displayName = \"B\u00fcro\"\n").getBytes(Charset.forName("windows-1252")));
        Cli.Result r = Cli.cli().run("domxml-from-native", "vmware-vmx", vmx.toString(), "--offline");
        assertEquals(1, r.status());
        assertFalse(r.err().contains("Input length"), r.err());
        assertTrue(r.err().contains("VMX file '" + vmx + "': Could not read the file as UTF-8: byte 0xFC at line 3, "
                + "column 17"), r.err());
    }
}
