package io.jvirt.cli;

import io.jvirt.cli.session.VirshCommand;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintStream;
import java.util.List;

/**
 * picocli's parsing of what {@link PlainParser} declines: jvirsh's own options and a command's
 * words, with picocli's help and its errors in virsh's words. The only classes of jvirsh's
 * start-up that name picocli's types, so that a plain command line loads none of them.
 */
final class PicocliParsing {
    private PicocliParsing() {
    }

    /** jvirsh's own options; or {@code error}; or neither when help was printed. */
    record Global(GlobalOptions options, String error) {
    }

    /** A command; or {@code error} (virsh's words); or neither when help was printed. */
    record Parsed(VirshCommand command, String error) {
    }

    /**
     * picocli's parser of jvirsh's own options: up to the first positional (the command), the
     * last of a repeated option wins (virsh's getopt), and no argument files.
     */
    static CommandLine globalParser(GlobalOptions g) {
        CommandLine cl = new CommandLine(g);
        cl.setStopAtPositional(true);
        cl.setOverwrittenOptionsAllowed(true);
        cl.setExpandAtFiles(false);
        return cl;
    }

    static Global global(String[] args, PrintStream out) {
        GlobalOptions g = new GlobalOptions();
        CommandLine cl = globalParser(g);
        try {
            cl.parseArgs(args);
        } catch (ParameterException e) {
            return new Global(null, e.getMessage());
        }
        if (cl.isUsageHelpRequested()) {
            cl.usage(out, CommandLine.Help.Ansi.OFF);
            return new Global(null, null);
        }
        return new Global(g, null);
    }

    /** The command {@code name} (= {@code words.get(0)}) parsed from {@code words}; help goes to {@code out}. */
    static Parsed command(String name, List<String> words, PrintStream out) {
        CommandLine root = CommandCatalog.commandLineFor(name);
        if (root == null) {
            return new Parsed(null, "unknown command: '" + name + "'");
        }
        CommandLine sub = root.getSubcommands().get(name);
        ParseResult parsed;
        try {
            parsed = root.parseArgs(words.toArray(String[]::new));
        } catch (ParameterException e) {
            return new Parsed(null, describe(name, e));
        }
        if (sub.isUsageHelpRequested()) {
            sub.usage(out, CommandLine.Help.Ansi.OFF);
            return new Parsed(null, null);
        }
        return new Parsed((VirshCommand) parsed.subcommand().commandSpec().userObject(), null);
    }

    /** picocli's parse errors in virsh's words. */
    static String describe(String command, ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            return arg.startsWith("-") ? "command '" + command + "' doesn't support option " + arg
                    : "unexpected data '" + arg + "'";
        }
        if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            return "command '" + command + "' requires " + label(m.getMissing().get(0)) + " option";
        }
        ArgSpec arg = e.getArgSpec();
        if (arg != null && e.getValue() != null) {
            if (arg instanceof OptionSpec o && o.typeInfo().isBoolean()) {
                return "command '" + command + "' doesn't support option " + o.longestName() + "=" + e.getValue();
            }
            return "Numeric value '" + e.getValue() + "' for " + label(arg) + " option is malformed or out of range";
        }
        if (arg instanceof OptionSpec o) {
            return "expected syntax: " + o.longestName() + " " + label(o);
        }
        return e.getMessage();
    }

    private static String label(ArgSpec arg) {
        // virsh names an option's value after the option itself (<bandwidth>, <timeout>)
        String l = arg instanceof OptionSpec o ? o.longestName().replaceFirst("^-+", "") : arg.paramLabel();
        return l.startsWith("<") ? l : "<" + l + ">";
    }
}
