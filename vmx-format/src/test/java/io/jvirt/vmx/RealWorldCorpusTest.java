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
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The real-world VMX corpus (fixtures/vmx/realworld): files written by ESXi, Workstation, Fusion
 * and GSX, collected from public repositories, read as bytes with the name they have; each must
 * convert to the domain XML derived from libvirt's rules by hand, or fail as realworld.properties
 * says. SOURCES.md must account for every file.
 */
class RealWorldCorpusTest {

    private static Path dir() {
        return Fixtures.dir("realworld");
    }

    private static List<Path> vmxFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".vmx")).sorted().toList();
        }
    }

    private static Properties errors() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir().resolve("realworld.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @TestFactory
    Stream<DynamicTest> realWorldFiles() throws IOException {
        Properties errors = errors();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path vmx : vmxFiles()) {
            String file = vmx.getFileName().toString();
            String name = file.substring(0, file.length() - 4);
            Path xml = dir().resolve(name + ".xml");
            String error = errors.getProperty(name);
            tests.add(DynamicTest.dynamicTest(name, () -> {
                assertTrue(Files.exists(xml) != (error != null), name + ": needs exactly one of NAME.xml or an error");
                VmxContext ctx = VmxContext.of(new CorpusFileNameMapper());
                byte[] bytes = Files.readAllBytes(vmx);
                if (error != null) {
                    String[] parts = error.split("\\|", 2);
                    HypervisorException e = assertThrows(HypervisorException.class,
                            () -> Vmx.toDomain(bytes, file, ctx));
                    assertEquals(ErrorCode.valueOf(parts[0].strip()), e.code(), e.getMessage());
                    assertTrue(e.getMessage().contains(parts[1].strip()), e.getMessage());
                    return;
                }
                String out = DomainXml.format(Vmx.toDomain(bytes, file, ctx));
                assertEquals(Files.readString(xml, StandardCharsets.UTF_8), out);
                assertEquals(out, DomainXml.format(DomainXml.parse(out)));
            }));
        }
        assertFalse(tests.isEmpty());
        return tests.stream();
    }

    @Test
    void everyFileHasItsSource() throws IOException {
        String sources = Files.readString(dir().resolve("SOURCES.md"), StandardCharsets.UTF_8);
        for (Path vmx : vmxFiles()) {
            assertTrue(sources.contains("`" + vmx.getFileName() + "`"), vmx.getFileName() + " missing in SOURCES.md");
        }
        for (Object key : errors().keySet()) {
            assertTrue(Files.exists(dir().resolve(key + ".vmx")), "realworld.properties names a missing file " + key);
        }
    }

    @Test
    void corpusCoversTheEncodingsAndLineEnds() throws IOException {
        List<String> encodings = new ArrayList<>();
        boolean crlf = false;
        for (Path vmx : vmxFiles()) {
            byte[] b = Files.readAllBytes(vmx);
            String latin1 = new String(b, StandardCharsets.ISO_8859_1);
            crlf |= latin1.contains("\r\n");
            VmxFile f = VmxParser.parse(latin1.replace("\r", ""));
            encodings.add(String.valueOf(f.get(".encoding")));
        }
        assertTrue(crlf, "a file with CRLF line ends");
        for (String e : List.of("UTF-8", "windows-1252", "windows-1251", "windows-949-2000", "Shift_JIS", "GBK", "Big5",
                "null")) {
            assertTrue(encodings.contains(e), "a file with .encoding " + e + " (null: none declared)");
        }
    }
}
