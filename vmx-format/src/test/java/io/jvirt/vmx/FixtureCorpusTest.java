package io.jvirt.vmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.xml.DomainXml;

import io.jvirt.vmx.convert.Vmx;
import io.jvirt.vmx.corpus.CorpusFileNameMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs jvirt's own fixture corpus: vmx2xml and xml2vmx cases must give exactly the expected text,
 * every case in errors/ must fail with the expected error code and message.
 */
class FixtureCorpusTest {

    private static Properties props(Path dir) throws IOException {
        Properties p = new Properties();
        Path f = dir.resolve("corpus.properties");
        if (Files.exists(f)) {
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        return p;
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> vmx2xml() throws IOException {
        Path dir = Fixtures.dir("vmx2xml");
        Properties props = props(dir);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path vmx : files(dir, ".vmx")) {
            String name = vmx.getFileName().toString().replace(".vmx", "");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                VmxContext ctx = VmxContext.of(new CorpusFileNameMapper())
                        .withDatacenterPath(props.getProperty("datacenterPath." + name));
                // secure: the expected files show the VNC password, like libvirt's vmx2xml corpus
                String xml = DomainXml.format(Vmx.toDomain(Files.readAllBytes(vmx), ctx), true);
                assertEquals(Files.readString(dir.resolve(name + ".xml")), xml);
                // the output is valid input for our own parser and formats back to itself
                assertEquals(xml, DomainXml.format(DomainXml.parse(xml), true));
            }));
        }
        assertFalse(tests.isEmpty());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> xml2vmx() throws IOException {
        Path dir = Fixtures.dir("xml2vmx");
        Properties props = props(dir);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path xml : files(dir, ".xml")) {
            String name = xml.getFileName().toString().replace("xml2vmx-", "").replace(".xml", "");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                int hw = Integer.parseInt(props.getProperty("virtualHW." + name, "4"));
                VmxContext ctx = VmxContext.of(new CorpusFileNameMapper()).withVirtualHwVersion(hw)
                        .withScsiModels(d -> Optional.of("lsilogic"));
                String vmx = Vmx.fromDomainXml(Files.readString(xml), ctx);
                assertEquals(Files.readString(dir.resolve("xml2vmx-" + name + ".vmx")), vmx);
            }));
        }
        assertFalse(tests.isEmpty());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> errors() throws IOException {
        Path dir = Fixtures.dir("errors");
        Properties expected = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve("errors.properties"), StandardCharsets.UTF_8)) {
            expected.load(r);
        }
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> inputs = new ArrayList<>(files(dir, ".vmx"));
        inputs.addAll(files(dir, ".xml"));
        assertEquals(expected.size(), inputs.size(), "every error fixture has an expectation and vice versa");
        for (Path input : inputs) {
            String file = input.getFileName().toString();
            String name = file.substring(0, file.lastIndexOf('.'));
            String spec = expected.getProperty(name);
            tests.add(DynamicTest.dynamicTest(name, () -> {
                assertTrue(spec != null, "no expectation for " + name);
                String[] parts = spec.split("\\|", 2);
                ErrorCode code = ErrorCode.valueOf(parts[0].strip());
                String text = parts[1].strip();
                VmxContext ctx = VmxContext.of(new CorpusFileNameMapper());
                HypervisorException e = assertThrows(HypervisorException.class, () -> {
                    if (file.endsWith(".vmx")) {
                        Vmx.toDomain(Files.readAllBytes(input), ctx);
                    } else {
                        Vmx.fromDomainXml(Files.readString(input), ctx);
                    }
                });
                assertEquals(code, e.code(), e.getMessage());
                assertTrue(e.getMessage().contains(text), () -> "message '" + e.getMessage() + "' lacks '" + text
                        + "'");
            }));
        }
        return tests.stream();
    }
}
