package io.jvirt.cli.modules;

import io.jvirt.cli.Jvirsh;
import io.jvirt.esx.EsxDriver;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.Connection;
import io.jvirt.testdriver.TestDriver;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vmx.VmxParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 10.3: every library jar of the reactor is a named module (an explicit module-info, not an
 * automatic module). The classes come from each module's build output (its jar after the package
 * phase); the list of library modules is checked against the root POM so that a new module cannot
 * be added without its descriptor.
 */
class LibraryModulesTest {

    /** Reactor modules that ship no library jar: a BOM, test-only fixtures, benchmarks, samples, the archive. */
    private static final Set<String> NOT_LIBRARIES = Set.of("jvirt-bom", "test-fixtures", "benchmarks", "examples",
            "distribution");

    /**
     * Library jars whose descriptor their own module's tests check: conformance-tests'
     * {@code ModulePathIT} finds {@code io.jvirt.conformance} in its jar and runs it from the module
     * path. (cli does not depend on conformance-tests, so the two build side by side.)
     */
    private static final Set<String> CHECKED_BY_THEMSELVES = Set.of("conformance-tests");

    /** Artifact id, a class of it, and the module name its descriptor must declare. */
    private static final Map<String, Map.Entry<Class<?>, String>> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("hypervisor-spi", Map.entry(Connection.class, "io.jvirt.spi"));
        LIBRARIES.put("vmx-format", Map.entry(VmxParser.class, "io.jvirt.vmx"));
        LIBRARIES.put("vim25", Map.entry(ManagedObjectReference.class, "io.jvirt.vim25"));
        LIBRARIES.put("vsphere-simulator", Map.entry(VsphereSimulator.class, "io.jvirt.simulator"));
        LIBRARIES.put("test-driver", Map.entry(TestDriver.class, "io.jvirt.testdriver"));
        LIBRARIES.put("esx-driver", Map.entry(EsxDriver.class, "io.jvirt.esx"));
        LIBRARIES.put("cli", Map.entry(Jvirsh.class, "io.jvirt.cli"));
    }

    @Test
    void everyLibraryIsAnExplicitNamedModule() throws URISyntaxException {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, Map.Entry<Class<?>, String>> library : LIBRARIES.entrySet()) {
            Class<?> member = library.getValue().getKey();
            Path location = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
            Set<ModuleReference> modules = ModuleFinder.of(location).findAll();
            for (ModuleReference m : modules) {
                ModuleDescriptor d = m.descriptor();
                found.add(library.getKey() + ": " + d.name() + (d.isAutomatic() ? " (automatic)" : "")
                        + (d.packages().contains(member.getPackageName()) ? "" : " (without " + member.getPackageName() + ")"));
            }
            if (modules.isEmpty()) {
                found.add(library.getKey() + ": no module in " + location);
            }
        }
        List<String> expected = new ArrayList<>();
        LIBRARIES.forEach((artifact, entry) -> expected.add(artifact + ": " + entry.getValue()));
        assertEquals(expected, found);
    }

    @Test
    void theListCoversEveryModuleOfTheReactor() throws IOException {
        String rootPom = Files.readString(Path.of("..", "pom.xml"));
        Set<String> reactor = new TreeSet<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(rootPom);
        while (m.find()) {
            reactor.add(m.group(1));
        }
        Set<String> covered = new TreeSet<>(LIBRARIES.keySet());
        covered.addAll(NOT_LIBRARIES);
        covered.addAll(CHECKED_BY_THEMSELVES);
        assertEquals(reactor, covered);
    }
}
