package io.jvirt.simulator;

import io.jvirt.hostapp.SimulatorModulePathProgram;
import io.jvirt.simulator.junit.VsphereSimulatorExtension;
import io.jvirt.vim25.ManagedObjectReference;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
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
 * The simulator as the named module {@code io.jvirt.simulator} (issue 10.3): a separate JVM has the
 * packaged simulator, vim25, the Jakarta APIs and JUnit on the module path, Metro and the JAXB
 * runtime on the class path (read with {@code --add-reads io.jvirt.simulator=ALL-UNNAMED}, as
 * {@code io.jvirt.esx} does), and runs a host application's test that uses
 * {@code @VsphereSimulator}. The other tests of this module run it from the class path.
 */
class ModulePathIT {

    @Test
    void theJUnitExtensionRunsFromTheModulePath() throws Exception {
        Set<Path> modulePath = new LinkedHashSet<>();
        for (Class<?> c : List.of(VsphereSimulator.class, ManagedObjectReference.class,
                jakarta.xml.bind.JAXBContext.class, jakarta.xml.ws.Service.class, jakarta.xml.soap.SOAPMessage.class,
                jakarta.activation.DataHandler.class, jakarta.annotation.Resource.class,
                org.junit.jupiter.api.Test.class, org.junit.platform.commons.support.AnnotationSupport.class,
                org.opentest4j.AssertionFailedError.class, org.apiguardian.api.API.class,
                org.junit.platform.engine.TestEngine.class, org.junit.platform.launcher.Launcher.class,
                Class.forName("org.junit.jupiter.engine.JupiterTestEngine"))) {
            modulePath.add(location(c));
        }
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty() && !modulePath.contains(Path.of(entry).toAbsolutePath())) {
                classPath.add(entry);
            }
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                "--add-modules", "ALL-MODULE-PATH",
                "--add-reads", "io.jvirt.simulator=ALL-UNNAMED",
                "-cp", String.join(File.pathSeparator, classPath),
                SimulatorModulePathProgram.class.getName());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the module-path program did not finish");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("extension in module io.jvirt.simulator\n"), out);
        assertTrue(out.contains("junit in module org.junit.platform.launcher\n"), out);
        assertTrue(out.contains("io.jvirt.simulator exported: true\n"), out);
        assertTrue(out.contains("io.jvirt.simulator.junit exported: true\n"), out);
        assertTrue(out.contains("tests found 1, succeeded 1, failed 0\n"), out);
    }

    @Test
    void theJarIsANamedModuleExportingTheSimulatorAndItsExtension() throws Exception {
        Path jar = location(VsphereSimulatorExtension.class);
        ModuleDescriptor descriptor = ModuleFinder.of(jar).find("io.jvirt.simulator").orElseThrow().descriptor();
        assertEquals(Set.of("io.jvirt.simulator", "io.jvirt.simulator.junit"), descriptor.exports().stream()
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
        assertTrue(descriptor.requires().stream().anyMatch(r -> r.name().equals("org.junit.jupiter.api")
                && r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)), "JUnit stays optional");
        // the vSphere API and the JDK only: no libvirt API (io.jvirt.spi), no vmx-format, no driver
        assertEquals(Set.of("java.base", "io.jvirt.vim25", "jakarta.annotation", "jdk.httpserver", "java.desktop",
                "org.junit.jupiter.api", "org.junit.platform.commons"), descriptor.requires().stream()
                .map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()));
    }

    private static Path location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
    }
}
