package io.jvirt.conformance.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * libvirt 9.0's VMX conversion corpus (an external yardstick, not part of this repository): every
 * case must pass. Without the corpus the tests are skipped, never failed.
 */
class LibvirtCorpusTest {

    /** The corpus folder: system property {@code jvirt.libvirt.corpus}, else next to the repository. */
    static Path corpus() {
        String prop = System.getProperty("jvirt.libvirt.corpus");
        List<Path> candidates = Stream.of(prop, "../../shared/libvirt-corpus", "../shared/libvirt-corpus")
                .filter(s -> s != null && !s.isBlank()).map(Path::of).toList();
        for (Path p : candidates) {
            if (Files.isDirectory(p.resolve("vmx2xml")) && Files.isDirectory(p.resolve("xml2vmx"))) {
                return p;
            }
        }
        return null;
    }

    private static Stream<DynamicTest> cases(Direction direction, String folder) throws IOException {
        Path corpus = corpus();
        Assumptions.assumeTrue(corpus != null,
                "libvirt corpus not found (set -Djvirt.libvirt.corpus=DIR); skipping " + folder);
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
