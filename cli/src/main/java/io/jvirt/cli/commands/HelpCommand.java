package io.jvirt.cli.commands;

import io.jvirt.cli.session.CommandContext;
import io.jvirt.cli.session.ReadOnlyCommand;
import io.jvirt.cli.session.VirshCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.Map;

/** {@code help [COMMAND]}: the command list, or one command's usage. */
@Command(name = "help", description = "print help")
@ReadOnlyCommand
public final class HelpCommand extends VirshCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "<command>", description = "Prints global help, or command specific help")
    String command;

    @Override
    public boolean needsConnection() {
        return false;
    }

    @Override
    public boolean needsModel() {
        return true; // it lists its siblings
    }

    @Override
    public void run(CommandContext ctx) {
        Map<String, CommandLine> all = model().parent().subcommands();
        if (command != null) {
            CommandLine sub = all.get(command);
            if (sub == null) {
                throw new io.jvirt.cli.session.CliFailure("command or command group '" + command + "' doesn't exist");
            }
            sub.usage(ctx.out(), CommandLine.Help.Ansi.OFF);
            return;
        }
        ctx.out().println("Grouped commands:");
        ctx.out().println();
        for (Map.Entry<String, CommandLine> e : new java.util.TreeMap<>(all).entrySet()) {
            if (e.getValue().getCommandSpec().usageMessage().hidden()) {
                continue; // complete: for shell completion scripts
            }
            String[] desc = e.getValue().getCommandSpec().usageMessage().description();
            ctx.out().printf("    %-22s %s%n", e.getKey(), desc.length > 0 ? desc[0] : "");
        }
    }
}
