package io.jvirt.conformance.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import io.jvirt.fixtures.Suites;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * libvirt 9.0's VMX conversion corpus (an external yardstick, not part of this repository): every
 * case must pass, compared byte for byte. Without the corpus the tests are skipped, and fail with
 * {@code CI=true}.
 */
class LibvirtCorpusTest {

    /** The corpus folder: system property {@code jvirt.libvirt.corpus}, else next to the repository. */
    static Path corpus() {
        return corpus(System.getProperty("jvirt.libvirt.corpus"), Path.of(""));
    }

    /** The first of the property and {@code ../../shared}, {@code ../shared} (from base) holding the corpus. */
    static Path corpus(String property, Path base) {
        List<Path> candidates = Stream.of(property, "../../shared/libvirt-corpus", "../shared/libvirt-corpus")
                .filter(s -> s != null && !s.isBlank()).map(s -> base.resolve(s)).toList();
        for (Path p : candidates) {
            if (Files.isDirectory(p.resolve("vmx2xml")) && Files.isDirectory(p.resolve("xml2vmx"))) {
                return p;
            }
        }
        return null;
    }

    @Test
    void corpusIsLookedUpNextToTheRepository(@TempDir Path tmp) throws IOException {
        Path module = Files.createDirectories(tmp.resolve("work/repo/conformance-tests"));
        assertNull(corpus(null, module), "no corpus anywhere: the corpus tests are skipped (failed with CI=true)");
        assertNull(corpus(tmp.resolve("absent").toString(), module));
        Path shared = tmp.resolve("work/shared/libvirt-corpus");
        Files.createDirectories(shared.resolve("vmx2xml"));
        Files.createDirectories(shared.resolve("xml2vmx"));
        assertEquals(module.resolve("../../shared/libvirt-corpus"), corpus(null, module));
        assertEquals(shared, corpus(shared.toString(), module));
    }

    private static Stream<DynamicTest> cases(Direction direction, String folder) throws IOException {
        Path corpus = corpus();
        Suites.require(corpus != null, "libvirt corpus " + folder,
                "libvirt's corpus not found next to the repository (set -Djvirt.libvirt.corpus=DIR)");
        List<CorpusCase> cases = CorpusLoader.load(direction, corpus.resolve(folder));
        assertTrue(cases.size() > 0, "no cases in " + corpus.resolve(folder));
        return cases.stream().map(c -> DynamicTest.dynamicTest(folder + " " + c.name(), () -> {
            CorpusResult r = CorpusRunner.run(direction, c);
            assertTrue(r.passed(), r.line());
        }));
    }

    @TestFactory
    Stream<DynamicTest> vmx2xml() throws IOException {
        return cases(Direction.VMX2XML, "vmx2xml");
    }

    @TestFactory
    Stream<DynamicTest> xml2vmx() throws IOException {
        return cases(Direction.XML2VMX, "xml2vmx");
    }
}
