package io.jvirt.conformance.contract;

import io.jvirt.fixtures.Suites;
import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every {@link Feature} contract against every conformance target of every driver on the
 * class path and writes {@code target/feature-matrix.md}. A feature a target claims is checked
 * in full; one it does not claim must fail with {@code NO_SUPPORT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DriverContractTest {
    private final FeatureMatrix matrix = new FeatureMatrix();
    private final List<ConformanceTargets> providers = new ArrayList<>();
    private final List<ConformanceTarget> targets = new ArrayList<>();
    private final List<String> leftOut = new ArrayList<>();
    private final Map<Feature, Contracts.Contract> contracts = Contracts.all();

    @BeforeAll
    void startTargets() throws Exception {
        ServiceLoader.load(ConformanceTargets.class).forEach(providers::add);
        for (ConformanceTargets p : providers) {
            targets.addAll(p.start());
            p.skipped().forEach(matrix::note);
            leftOut.addAll(p.skipped());
        }
    }

    @AfterAll
    void writeMatrixAndStop() throws Exception {
        matrix.write(Path.of("target", "feature-matrix.md"));
        for (ConformanceTarget t : targets) {
            t.close();
        }
    }

    @Test
    void everyInstalledDriverHasConformanceTargets() {
        Set<String> covered = new TreeSet<>();
        providers.forEach(p -> covered.addAll(p.schemes()));
        Set<String> missing = new TreeSet<>(ConnectionFactory.installedSchemes());
        missing.removeAll(covered);
        assertEquals(Set.of(), missing, "drivers without conformance targets");
        assertTrue(covered.contains("test"), "the test driver is always checked");
    }

    /** A target left out (vcsim not built) is a skip here and a failure with CI=true. */
    @Test
    void everyTargetRuns() {
        Suites.require(leftOut.isEmpty(), "conformance", String.join("; ", leftOut));
    }

    @TestFactory
    List<DynamicNode> contracts() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (ConformanceTarget t : targets) {
            List<DynamicNode> tests = new ArrayList<>();
            for (Feature f : Feature.values()) {
                tests.add(DynamicTest.dynamicTest(f.name() + ": " + f.description(), () -> run(t, f)));
            }
            nodes.add(DynamicContainer.dynamicContainer(t.name(), tests));
        }
        return nodes;
    }

    /** True when the target called {@code name} runs the same driver class as {@code target}. */
    private boolean sameDriver(ConformanceTarget target, String name) {
        Class<?> driver = ConnectionFactory.driver(target.scheme()).orElseThrow().getClass();
        return targets.stream().filter(t -> t != target && t.name().equals(name))
                .anyMatch(t -> ConnectionFactory.driver(t.scheme()).orElseThrow().getClass() == driver);
    }

    private void run(ConformanceTarget target, Feature feature) throws Throwable {
        Contracts.Contract contract = contracts.get(feature);
        String reason = target.notTestable().get(feature);
        if (reason != null) {
            // not a skip: the server's gap is accepted only when another server checked the same driver
            List<String> coveredBy = matrix.passed(feature).stream()
                    .filter(name -> sameDriver(target, name)).toList();
            assertFalse(coveredBy.isEmpty(), target.name() + " cannot check '" + feature.description() + "' ("
                    + reason + ") and no other target of the same driver checked it");
            matrix.record(target.name(), feature, FeatureMatrix.Outcome.NOT_TESTABLE);
            matrix.note(target.name() + ": " + feature.description() + " not checked here (" + reason
                    + "); checked on " + String.join(", ", coveredBy));
            return;
        }
        try (Connection conn = ConnectionFactory.open(target.uri(), target.authenticator(), target.env())) {
            if (target.supported().contains(feature)) {
                contract.check().run(target, conn);
                matrix.record(target.name(), feature, FeatureMatrix.Outcome.PASS);
            } else if (contract.unsupportedProbe() == null) {
                // nothing could show the feature missing: every driver must have it
                fail(target.name() + " does not claim '" + feature.description()
                        + "', which every driver must support");
            } else {
                HypervisorException e = Contracts.expect(ErrorCode.NO_SUPPORT,
                        () -> contract.unsupportedProbe().run(target, conn));
                assertTrue(e.getMessage().contains("not supported"), e.getMessage());
                matrix.record(target.name(), feature, FeatureMatrix.Outcome.NOT_SUPPORTED);
            }
        } catch (Throwable e) {
            matrix.record(target.name(), feature, FeatureMatrix.Outcome.FAIL);
            throw e;
        }
    }
}
