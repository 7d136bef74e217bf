package io.jvirt.conformance.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the outcome of every feature check per target and writes a Markdown table. */
final class FeatureMatrix {
    /** One cell of the matrix. */
    enum Outcome {
        PASS("pass"), NOT_SUPPORTED("not supported"), NOT_TESTABLE("checked on another server"), FAIL("FAIL");

        final String label;

        Outcome(String label) {
            this.label = label;
        }
    }

    private final Map<String, Map<Feature, Outcome>> columns = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    synchronized void record(String target, Feature feature, Outcome outcome) {
        columns.computeIfAbsent(target, t -> new EnumMap<>(Feature.class)).put(feature, outcome);
    }

    /** The targets on which the feature was checked and passed so far. */
    synchronized List<String> passed(Feature feature) {
        List<String> names = new ArrayList<>();
        columns.forEach((target, outcomes) -> {
            if (outcomes.get(feature) == Outcome.PASS) {
                names.add(target);
            }
        });
        return names;
    }

    synchronized void note(String text) {
        notes.add(text);
    }

    synchronized String toMarkdown() {
        StringBuilder sb = new StringBuilder("# jvirt driver feature matrix\n\n");
        sb.append("Written by `conformance-tests` (`DriverContractTest`): every driver on the class path, run against the same contracts.\n\n");
        sb.append("| feature |");
        columns.keySet().forEach(c -> sb.append(' ').append(c).append(" |"));
        sb.append("\n|---|");
        columns.keySet().forEach(c -> sb.append("---|"));
        sb.append('\n');
        for (Feature f : Feature.values()) {
            sb.append("| ").append(f.description()).append(" |");
            for (Map<Feature, Outcome> col : columns.values()) {
                Outcome o = col.get(f);
                sb.append(' ').append(o == null ? "-" : o.label).append(" |");
            }
            sb.append('\n');
        }
        if (!notes.isEmpty()) {
            sb.append('\n');
            notes.forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        return sb.toString();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, toMarkdown());
    }
}
