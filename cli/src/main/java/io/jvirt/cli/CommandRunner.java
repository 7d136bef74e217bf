package io.jvirt.cli;

import io.jvirt.cli.session.CliFailure;
import io.jvirt.cli.session.CommandContext;
import io.jvirt.cli.session.VirshCommand;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintStream;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one command (its words) and returns virsh's exit status: 0, or 1 after printing the
 * failure as {@code error: ...} lines on standard error. Nothing escapes as a stack trace.
 */
public final class CommandRunner {
    private static final Logger LOG = Logger.getLogger(CommandRunner.class.getName());
    private final CommandContext ctx;

    public CommandRunner(CommandContext ctx) {
        this.ctx = ctx;
    }

    public int run(List<String> words) {
        if (words.isEmpty()) {
            return 0;
        }
        String name = words.get(0);
        CommandLine root = CommandCatalog.commandLineFor(name);
        CommandLine sub = root == null ? null : root.getSubcommands().get(name);
        if (sub == null) {
            return fail("unknown command: '" + name + "'");
        }
        ParseResult parsed;
        try {
            parsed = root.parseArgs(words.toArray(String[]::new));
        } catch (ParameterException e) {
            return fail(describe(name, e));
        }
        if (sub.isUsageHelpRequested()) {
            sub.usage(ctx.out(), CommandLine.Help.Ansi.OFF);
            return 0;
        }
        VirshCommand command = (VirshCommand) parsed.subcommand().commandSpec().userObject();
        if (command.modifies() && ctx.session().settings().readOnly()) {
            return finish(command, fail("operation forbidden: read only access prevents " + name));
        }
        try {
            command.run(ctx);
            return finish(command, 0);
        } catch (CliFailure f) {
            f.lines().forEach(this::error);
            return f.isUsage() ? 1 : finish(command, 1);
        } catch (HypervisorException e) {
            LOG.log(Level.FINE, "command " + name + " failed", e);
            error(CliFailure.describe(e));
            return finish(command, 1);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "command " + name + " failed", e);
            error("internal error: " + e);
            return finish(command, 1);
        }
    }

    private int finish(VirshCommand command, int status) {
        boolean connectFailed = status != 0 && command.needsConnection() && !ctx.session().isConnected();
        if (!ctx.quiet() && command.blankLineAfter() && !connectFailed) {
            ctx.out().println();
        }
        ctx.out().flush();
        return status;
    }

    private int fail(String message) {
        error(message);
        return 1;
    }

    private void error(String message) {
        PrintStream err = ctx.err();
        err.println("error: " + message);
        err.flush();
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
