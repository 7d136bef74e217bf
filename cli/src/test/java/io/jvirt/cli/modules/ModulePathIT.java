package io.jvirt.cli.modules;

import io.jvirt.cli.Jvirsh;
import io.jvirt.esx.EsxDriver;
import io.jvirt.spi.Connection;
import io.jvirt.testdriver.TestDriver;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vmx.VmxParser;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.File;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jvirsh as the named module {@code io.jvirt.cli} (issue 10.3): a separate JVM runs
 * {@code -m io.jvirt.cli/io.jvirt.cli.Jvirsh} with the jvirt modules, picocli and the Jakarta APIs
 * on the module path; Metro, the JAXB runtime and JLine stay on the class path (read with
 * {@code --add-reads}, see the module-info files of io.jvirt.esx and io.jvirt.cli). The test
 * driver is not named by io.jvirt.cli: the module system binds it as a provider of the service
 * io.jvirt.spi uses. The other tests of this module run jvirsh from the class path.
 */
class ModulePathIT {

    private static String run(String... args) throws Exception {
        Set<Path> modulePath = new LinkedHashSet<>();
        for (Class<?> c : List.of(Connection.class, VmxParser.class, ManagedObjectReference.class, EsxDriver.class,
                TestDriver.class, Jvirsh.class, CommandLine.class,
                jakarta.xml.bind.JAXBContext.class, jakarta.xml.ws.Service.class, jakarta.xml.soap.SOAPMessage.class,
                jakarta.activation.DataHandler.class)) {
            modulePath.add(location(c));
        }
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty() && !modulePath.contains(Path.of(entry).toAbsolutePath())) {
                classPath.add(entry);
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                "--add-reads", "io.jvirt.esx=ALL-UNNAMED",
                "--add-reads", "io.jvirt.cli=ALL-UNNAMED",
                "-cp", String.join(File.pathSeparator, classPath),
                "-m", "io.jvirt.cli/io.jvirt.cli.Jvirsh"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "jvirsh on the module path did not finish");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void listAllRunsFromTheModulePath() throws Exception {
        // virsh -c test:///default list --all prints the same
        assertEquals(" Id   Name   State\n"
                + "----------------------\n"
                + " 1    test   running\n"
                + "\n", run("-c", "test:///default", "list", "--all"));
    }

    @Test
    void aWriteAndItsReadBackRunFromTheModulePath() throws Exception {
        // virsh -c test:///default 'destroy test; domstate test' prints the same
        assertEquals("Domain 'test' destroyed\n\nshut off\n\n",
                run("-c", "test:///default", "destroy test; domstate test"));
    }

    private static Path location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
    }
}
