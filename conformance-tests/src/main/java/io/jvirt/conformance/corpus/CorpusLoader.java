package io.jvirt.conformance.corpus;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lists the cases of a corpus folder: {@code NAME.vmx} + {@code NAME.xml} (vmx2xml) or
 * {@code xml2vmx-NAME.xml} + {@code xml2vmx-NAME.vmx} (xml2vmx), with the settings of an optional
 * {@code corpus.properties} ({@code expectFail=a,b}, {@code datacenterPath.NAME=...},
 * {@code virtualHW.NAME=N}).
 */
public final class CorpusLoader {
    private CorpusLoader() {
    }

    public static List<CorpusCase> load(Direction direction, Path dir) throws IOException {
        Properties props = new Properties();
        Path propsFile = dir.resolve("corpus.properties");
        if (Files.isRegularFile(propsFile)) {
            try (Reader r = Files.newBufferedReader(propsFile, StandardCharsets.UTF_8)) {
                props.load(r);
            }
        }
        Set<String> expectFail = Arrays.stream(props.getProperty("expectFail", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String f = p.getFileName().toString();
                if (direction == Direction.VMX2XML && f.endsWith(".vmx")) {
                    names.add(f.substring(0, f.length() - 4));
                } else if (direction == Direction.XML2VMX && f.startsWith("xml2vmx-") && f.endsWith(".xml")) {
                    names.add(f.substring(8, f.length() - 4));
                }
            }
        }
        List<CorpusCase> cases = new ArrayList<>();
        for (String name : names) {
            String hw = props.getProperty("virtualHW." + name, "4").strip();
            int version;
            try {
                version = Integer.parseInt(hw);
            } catch (NumberFormatException e) {
                throw new IOException("corpus.properties: virtualHW." + name + " is not a number: " + hw, e);
            }
            if (direction == Direction.VMX2XML) {
                cases.add(new CorpusCase(name, dir.resolve(name + ".vmx"), dir.resolve(name + ".xml"),
                        expectFail.contains(name), props.getProperty("datacenterPath." + name), version));
            } else {
                cases.add(new CorpusCase(name, dir.resolve("xml2vmx-" + name + ".xml"),
                        dir.resolve("xml2vmx-" + name + ".vmx"), expectFail.contains(name), null, version));
            }
        }
        return cases;
    }
}
