package io.jvirt.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10: what jvirsh.jar ships. The runtime (drivers, test:///default, the CLI) and nothing
 * made for tests: no test-fixtures classes, no simulator, no key or trust stores. {@code --sim}
 * then works through the {@code ./jvirsh} launcher (which puts io.jvirt:vsphere-simulator's jar on
 * the class path) and, with the jar alone, says what is missing. Runs after the package phase.
 */
class JvirshJarContentsIT {

    private static final Path JAR = Path.of("target", "jvirsh.jar");

    private static List<String> entries() throws IOException {
        assertTrue(Files.isRegularFile(JAR), "no " + JAR.toAbsolutePath());
        try (JarFile jar = new JarFile(JAR.toFile())) {
            return Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
        }
    }

    @Test
    void shipsNoTestFixturesSimulatorOrKeyStores() throws IOException {
        List<String> entries = entries();
        assertTrue(entries.contains("io/jvirt/cli/Jvirsh.class"), "the CLI itself");
        assertTrue(entries.contains("io/jvirt/testdriver/TestDriver.class"), "the test:///default driver ships");
        assertTrue(entries.contains("io/jvirt/esx/EsxDriver.class"), "the ESX driver ships");
        List<String> unwanted = entries.stream().filter(name -> {
            String lower = name.toLowerCase(Locale.ROOT);
            return name.startsWith("io/jvirt/fixtures/") // test-fixtures
                    || name.startsWith("io/jvirt/simulator/") // vsphere-simulator
                    || lower.endsWith(".p12") || lower.endsWith(".pfx") || lower.endsWith(".jks")
                    || lower.endsWith(".keystore") || lower.endsWith(".pem") || lower.endsWith(".key")
                    || lower.contains("vcsim");
        }).toList();
        assertEquals(List.of(), unwanted);
    }

    @Test
    void registersExactlyTheRuntimeDrivers() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            JarEntry services = jar.getJarEntry("META-INF/services/io.jvirt.spi.driver.HypervisorDriver");
            try (InputStream in = jar.getInputStream(services)) {
                List<String> drivers = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
                assertEquals(List.of("io.jvirt.esx.EsxDriver", "io.jvirt.testdriver.TestDriver"), drivers);
            }
        }
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("LIBVIRT_DEFAULT_URI");
        pb.environment().remove("VIRSH_DEFAULT_CONNECT_URI");
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "jvirsh did not finish");
        return new Run(p.exitValue(), out.get(), err.get());
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void simWithTheJarAloneSaysWhatIsMissing() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Run run = run(List.of(java, "-jar", JAR.toString(), "--sim", "list"));
        assertEquals(1, run.status(), run.out() + run.err());
        assertEquals("", run.out());
        assertEquals("error: --sim needs io.jvirt:vsphere-simulator on the class path", run.err().strip());
    }

    @Test
    void simThroughTheLauncherUsesTheSimulatorJar() throws Exception {
        Path script = Path.of("..", "jvirsh").toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(script.toString(), "--sim", "list", "--all"));
        Run run = run(command);
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains(" ha-host_VM0 ") && run.out().contains(" ha-host_VM1 "), run.out());
    }
}
