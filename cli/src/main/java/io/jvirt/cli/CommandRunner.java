package io.jvirt.cli;

import io.jvirt.cli.session.CliFailure;
import io.jvirt.cli.session.CommandContext;
import io.jvirt.cli.session.VirshCommand;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;

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
        // the table declines a command that needs picocli's model (VirshCommand.needsModel)
        VirshCommand command = (VirshCommand) PlainParser.standard().parse(name, words.subList(1, words.size()));
        if (command == null) {
            PicocliParsing.Parsed parsed = PicocliParsing.command(name, words, ctx.out());
            if (parsed.error() != null) {
                return fail(parsed.error());
            }
            if (parsed.command() == null) {
                return 0; // help was printed
            }
            command = parsed.command();
        }
        return run(name, command.calledAs(name));
    }

    private int run(String name, VirshCommand command) {
        // modifies() reads the command's annotations: only asked when it matters (start-up time)
        if (ctx.session().settings().readOnly() && command.modifies()) {
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
}
