package io.jvirt.esx;

import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.hostapp.ModulePathProgram;
import io.jvirt.spi.Connection;
import io.jvirt.spi.auth.Authenticator;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.driver.HypervisorDriver;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vmx.VmxParser;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The driver as a named module and on the class path (issue 10.3). The module-path case starts a
 * separate JVM: {@code --module-path} holds spi, vmx-format, vim25, esx-driver and the Jakarta
 * APIs they require; Metro and the JAXB runtime stay on the class path (see esx-driver's
 * module-info); {@link ModulePathProgram}, a host application in the unnamed module, opens
 * {@code esx://} against the in-JVM simulator of this test through {@link ConnectionFactory}.
 */
class ModulePathTest {

    @Test
    void theDriverRunsAsTheNamedModuleIoJvirtEsx() throws Exception {
        Set<Path> modulePath = new LinkedHashSet<>();
        for (Class<?> c : List.of(Connection.class, VmxParser.class, ManagedObjectReference.class, EsxDriver.class,
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
        try (VsphereSimulator sim = VsphereSimulator.builder().model(SimulatorModel.ESX).vms(2).build().start()) {
            String uri = "esx://127.0.0.1:" + sim.port() + "/?transport=http";
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--module-path", modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                    "--add-modules", "io.jvirt.esx",
                    "--add-reads", "io.jvirt.esx=ALL-UNNAMED",
                    "-cp", String.join(File.pathSeparator, classPath),
                    ModulePathProgram.class.getName(), uri, sim.username(), sim.password());
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the module-path program did not finish");
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.contains("driver io.jvirt.esx.EsxDriver in module io.jvirt.esx\n"), out);
            assertTrue(out.contains("io.jvirt.esx exported: true\n"), out);
            assertTrue(out.contains("io.jvirt.esx.domain exported: false\n"), out);
            assertTrue(out.contains("io.jvirt.esx.vi exported: false\n"), out);
            assertTrue(out.contains("connection in module io.jvirt.esx\n"), out);
            assertTrue(out.contains("domains 2\n"), out);
        }
    }

    @Test
    void theDriverRunsFromTheClassPathThroughMetaInfServices() throws Exception {
        assertFalse(EsxDriver.class.getModule().isNamed(), "this test runs on the class path");
        List<String> found = ServiceLoader.load(HypervisorDriver.class).stream()
                .map(p -> p.type().getName()).collect(Collectors.toList());
        assertTrue(found.contains(EsxDriver.class.getName()), found.toString());
        try (VsphereSimulator sim = VsphereSimulator.builder().model(SimulatorModel.ESX).vms(2).build().start();
             Connection c = ConnectionFactory.open("esx://127.0.0.1:" + sim.port() + "/?transport=http",
                     Authenticator.fixed(sim.username(), sim.password().toCharArray()),
                     Map.of("esx.keepaliveInterval", "0s"))) {
            assertEquals(2, c.listAllDomains().size());
        }
    }

    @Test
    void moduleInfoProvidesWhatMetaInfServicesLists() throws IOException, URISyntaxException {
        Path classes = location(EsxDriver.class);
        ModuleDescriptor descriptor = ModuleFinder.of(classes).find("io.jvirt.esx").orElseThrow().descriptor();
        List<String> declared = descriptor.provides().stream()
                .filter(p -> p.service().equals(HypervisorDriver.class.getName()))
                .flatMap(p -> p.providers().stream()).collect(Collectors.toList());
        List<String> listed = Files.readAllLines(classes.resolve("META-INF/services/" + HypervisorDriver.class.getName()))
                .stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toList());
        assertEquals(listed, declared);
        assertEquals(Set.of("io.jvirt.esx"), descriptor.exports().stream()
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
    }

    private static Path location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
    }
}
