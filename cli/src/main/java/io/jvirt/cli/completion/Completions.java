package io.jvirt.cli.completion;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What may come next on a jvirsh command line: command names, a command's options, and the
 * names of domains, pools and networks where a command takes one. One engine for the bash
 * completion script (through the hidden {@code complete} command) and the interactive shell.
 *
 * <p>The words are those typed so far; the last one is the word being completed (empty right
 * after a space). Candidates are sorted and start with that word.
 */
public final class Completions {
    /** The hidden command bash completion calls; never offered. */
    public static final String COMPLETE_COMMAND = "complete";

    private final Names names;
    private final Grammar grammar;

    public Completions(Names names, Grammar grammar) {
        this.names = names;
        this.grammar = grammar;
    }

    /**
     * Candidates for a whole jvirsh command line (the words after {@code jvirsh} itself): its
     * global options ({@code -c URI}, {@code -r}, ...) first, then a command; a {@code ;}
     * starts the next command.
     */
    public List<String> forCommandLine(List<String> words) {
        List<String> w = words.isEmpty() ? List.of("") : words;
        int i = 0;
        while (i < w.size() - 1) {
            String a = w.get(i);
            if (grammar.globalOptionsWithValue().contains(a)) {
                i += 2;
            } else if (a.startsWith("-")) {
                i++;
            } else {
                break;
            }
        }
        if (i >= w.size() - 1 && w.get(w.size() - 1).startsWith("-")) {
            return matching(grammar.globalOptions(), w.get(w.size() - 1));
        }
        if (i > w.size() - 1) {
            return List.of(); // the value of a global option (a URI, a file): nothing to offer
        }
        return forCommand(w.subList(i, w.size()));
    }

    /** Candidates for the words of one command ({@code cmd1 ; cmd2}: the words after the last {@code ;}). */
    public List<String> forCommand(List<String> words) {
        List<String> w = lastCommand(words.isEmpty() ? List.of("") : words);
        String partial = w.get(w.size() - 1);
        if (w.size() == 1) {
            return matching(commandNames(), partial);
        }
        CommandSpec spec = commandSpec(w.get(0));
        if (spec == null) {
            return List.of();
        }
        Set<String> given = new HashSet<>();
        OptionSpec awaitingValue = null;
        int positional = 0;
        boolean optionsEnded = false;
        for (String word : w.subList(1, w.size() - 1)) {
            if (awaitingValue != null) {
                awaitingValue = null;
            } else if (!optionsEnded && word.equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && word.startsWith("--")) {
                String optionName = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
                OptionSpec o = spec.findOption(optionName);
                if (o != null) {
                    given.add(o.longestName());
                    if (takesValue(o) && !word.contains("=")) {
                        awaitingValue = o;
                    }
                }
            } else {
                positional++;
            }
        }
        if (awaitingValue != null) {
            return matching(values(awaitingValue.paramLabel(), spec), partial);
        }
        if (partial.startsWith("-") && !optionsEnded) {
            return matching(optionNames(spec, given), partial);
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.index().contains(positional)) {
                List<String> values = values(p.paramLabel(), spec);
                if (!values.isEmpty() || !partial.isEmpty()) {
                    return matching(values, partial);
                }
            }
        }
        return partial.isEmpty() ? optionNames(spec, given) : List.of();
    }

    /** Every command name but the hidden ones, sorted, without building picocli models. */
    public List<String> commandNames() {
        List<String> out = new ArrayList<>();
        for (Class<?> c : grammar.commands()) {
            Command command = c.getAnnotation(Command.class);
            if (command != null && !command.hidden()) {
                out.add(command.name());
            }
        }
        out.sort(null);
        return out;
    }

    /** The picocli model of one command (only that one: building all ~60 costs time), or null. */
    private CommandSpec commandSpec(String name) {
        for (Class<?> c : grammar.commands()) {
            Command command = c.getAnnotation(Command.class);
            if (command != null && command.name().equals(name)) {
                return new CommandLine(c).getCommandSpec();
            }
        }
        return null;
    }

    private static List<String> lastCommand(List<String> words) {
        int start = 0;
        for (int i = 0; i < words.size() - 1; i++) {
            String word = words.get(i);
            if (word.equals(";")) {
                start = i + 1;
            } else if (word.endsWith(";")) {
                start = i + 1;
            }
        }
        return words.subList(start, words.size());
    }

    private static boolean takesValue(OptionSpec o) {
        return o.arity().max() > 0 && !o.typeInfo().isBoolean();
    }

    private static List<String> optionNames(CommandSpec spec, Set<String> given) {
        TreeSet<String> out = new TreeSet<>();
        for (OptionSpec o : spec.options()) {
            if (o.usageHelp() || o.versionHelp() || given.contains(o.longestName()) && !o.isMultiValue()) {
                continue;
            }
            out.add(o.longestName());
        }
        return new ArrayList<>(out);
    }

    /** Names of what a parameter labelled like virsh's ({@code <domain>}, {@code <pool>}, ...) names. */
    private List<String> values(String label, CommandSpec spec) {
        String kind = label.replaceAll("[<>]", "").toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "domain" -> names.domains();
            case "pool" -> names.pools();
            case "network" -> names.networks();
            case "command" -> spec.name().equals("help") ? commandNames() : List.of();
            default -> List.of();
        };
    }

    private static List<String> matching(List<String> candidates, String prefix) {
        TreeSet<String> out = new TreeSet<>();
        for (String c : candidates) {
            if (c.startsWith(prefix)) {
                out.add(c);
            }
        }
        return new ArrayList<>(out);
    }
}
