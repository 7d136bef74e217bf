package io.jvirt.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * No package cycle among this module's main classes (issue 10.2): every package is a slice, and
 * the build fails when one package depends on another that depends back on it, directly or
 * through others. Only the main output directory is imported (found from {@link Jvirsh}), so test
 * code may cross packages freely.
 */
class PackageCyclesTest {
    @Test
    void mainPackagesAreFreeOfCycles() throws Exception {
        Path mainClasses = Path.of(Jvirsh.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaClasses main = new ClassFileImporter().importPath(mainClasses);
        slices().matching("io.jvirt.(**)").should().beFreeOfCycles().check(main);
    }
}
