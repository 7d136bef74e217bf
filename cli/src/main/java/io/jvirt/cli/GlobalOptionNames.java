package io.jvirt.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;

/** jvirsh's own options (before the command), for completion. */
public final class GlobalOptionNames {
    private GlobalOptionNames() {
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
