package io.jvirt.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;

/** jvirsh's own options (before the command), for completion. */
public final class GlobalOptionNames {
    private GlobalOptionNames() {
    }

    /** True for an option of jvirsh that takes its value as the next word ({@code -c URI}). */
    public static boolean takesValue(String word) {
        return Jvirsh.WITH_VALUE.contains(word);
    }

    /** Every name of every global option, sorted. */
    public static List<String> all() {
        List<String> out = new ArrayList<>();
        for (OptionSpec o : CommandSpec.forAnnotatedObject(new GlobalOptions()).options()) {
            out.addAll(List.of(o.names()));
        }
        out.sort(null);
        return out;
    }
}
