package io.jvirt.conformance.modulepath;

import io.jvirt.conformance.Main;
import io.jvirt.conformance.OneCase;
import io.jvirt.spi.Connection;
import io.jvirt.vmx.VmxParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus runner as the named module {@code io.jvirt.conformance} (issue 10.3): a separate JVM
 * with nothing but spi, vmx-format and this module's jar on the module path runs
 * {@code -m io.jvirt.conformance/io.jvirt.conformance.Main corpus vmx2xml} on a one-case corpus.
 * The other tests of this module run it from the class path.
 */
class ModulePathIT {

    @Test
    void theCorpusRunnerRunsAsANamedModule(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("good.vmx"), OneCase.VMX);
        Files.writeString(dir.resolve("good.xml"), OneCase.XML);
        String modulePath = List.of(location(Connection.class), location(VmxParser.class), location(Main.class))
                .stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath, "-m", "io.jvirt.conformance/io.jvirt.conformance.Main",
                "corpus", "vmx2xml", dir.toString()).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the runner did not finish");
        assertEquals("PASS good\n1 passed, 0 failed\n", out);
        assertEquals(0, p.exitValue(), out);
    }

    @Test
    void theJarExportsTheRunnerOnly() throws Exception {
        ModuleDescriptor descriptor = ModuleFinder.of(location(Main.class)).find("io.jvirt.conformance")
                .orElseThrow().descriptor();
        assertEquals(Set.of("io.jvirt.conformance", "io.jvirt.conformance.corpus"), descriptor.exports().stream()
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
        assertEquals(Set.of("io.jvirt.spi", "io.jvirt.vmx", "java.base"), descriptor.requires().stream()
                .map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()), "no driver at run time");
    }

    private static Path location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
    }
}
