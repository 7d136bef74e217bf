package io.jvirt.cli.completion;

import java.util.List;
import java.util.Set;

/**
 * What completion knows of jvirsh's command line: its commands (picocli-annotated classes) and
 * its own options before the command.
 *
 * @param commands              the command classes, hidden ones included
 * @param globalOptions         every name of jvirsh's own options
 * @param globalOptionsWithValue those of them that take the next word as their value ({@code -c URI})
 */
public record Grammar(List<Class<?>> commands, List<String> globalOptions, Set<String> globalOptionsWithValue) {
    public Grammar {
        commands = List.copyOf(commands);
        globalOptions = List.copyOf(globalOptions);
        globalOptionsWithValue = Set.copyOf(globalOptionsWithValue);
    }
}
