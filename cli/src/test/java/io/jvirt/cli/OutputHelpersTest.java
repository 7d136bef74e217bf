package io.jvirt.cli;

import io.jvirt.cli.commands.ScaledSize;
import io.jvirt.cli.output.Sizes;
import io.jvirt.cli.output.VirshTable;
import io.jvirt.cli.session.CliFailure;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OutputHelpersTest {

    private static String render(VirshTable t, boolean quiet) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        t.print(new PrintStream(b, true, StandardCharsets.UTF_8), quiet);
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tableWidthsLikeVirsh() {
        VirshTable t = new VirshTable("Name", "State", "Autostart").row("default-pool", "active", "no");
        assertEquals("""
                 Name           State    Autostart
                ------------------------------------
                 default-pool   active   no
                """, render(t, false));
        assertEquals(" default-pool   active   no\n", render(t, true));
    }

    @Test
    void scaledSizes() {
        assertEquals(10L << 20, ScaledSize.parse("10M", 1, "capacity"));
        assertEquals(10_000_000L, ScaledSize.parse("10MB", 1, "capacity"));
        assertEquals(1024, ScaledSize.parse("1", 1024, "size"));
        assertEquals(1L << 30, ScaledSize.parse("1GiB", 1024, "size"));
        assertEquals(5, ScaledSize.parse("5b", 1024, "size"));
        assertThrows(CliFailure.class, () -> ScaledSize.parse("x", 1, "size"));
        assertThrows(CliFailure.class, () -> ScaledSize.parse("99999999999E", 1, "size"));
    }

    @Test
    void prettySizes() {
        assertEquals("0.00 B", Sizes.pretty(0));
        assertEquals("100.00 GiB", Sizes.pretty(100L << 30));
        assertEquals("1.50 KiB", Sizes.pretty(1536));
    }

    @Test
    void splitterHandlesQuotesSemicolonsComments() {
        assertEquals(List.of(List.of("a", "b c"), List.of("d", "e;f")),
                CommandLineSplitter.split("a 'b c' ; d \"e;f\" # comment"));
        assertEquals(List.of(List.of("x y")), CommandLineSplitter.split("x\\ y"));
        assertThrows(CliFailure.class, () -> CommandLineSplitter.split("a 'b"));
    }

    @Test
    void vmxDirectoryOnADatastore() {
        assertEquals("[ds1] vm", VmxOfflineConverters.vmxDirectory(java.nio.file.Path.of("/vmfs/volumes/ds1/vm")));
        assertEquals("/srv/vms", VmxOfflineConverters.vmxDirectory(java.nio.file.Path.of("/srv/vms")));
    }

    @Test
    void bareSimMeansEsx() {
        assertEquals(List.of("--sim=esx", "list", "--sim"),
                List.of(Jvirsh.normalizeSim(new String[]{"--sim", "list", "--sim"})));
        assertEquals(List.of("-c", "--sim", "list"), List.of(Jvirsh.normalizeSim(new String[]{"-c", "--sim", "list"})));
    }
}
