package io.jvirt.cli;

import io.jvirt.cli.completion.Completions;
import io.jvirt.cli.completion.SessionNames;
import io.jvirt.cli.session.CommandContext;
import io.jvirt.cli.session.ReadOnlyCommand;
import io.jvirt.cli.session.VirshCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code complete -- WORD...} (hidden, like virsh's): prints what may follow the words of a
 * command line, one candidate a line; the last word is the one being completed (empty right
 * after a space). The bash completion script calls it with the connection of the command line
 * being completed ({@code jvirsh -c URI complete -- dominfo ""}).
 */
@Command(name = Completions.COMPLETE_COMMAND, hidden = true, description = "complete a command line (for shell completion)")
@ReadOnlyCommand
public final class CompleteCommand extends VirshCommand {
    @Parameters(arity = "0..*", paramLabel = "<word>", description = "the words typed so far; the last is being completed")
    List<String> words = new ArrayList<>();

    @Override
    public boolean needsConnection() {
        return false;
    }

    @Override
    public boolean blankLineAfter() {
        return false;
    }

    @Override
    public void run(CommandContext ctx) {
        for (String candidate : new Completions(new SessionNames(ctx.session()), CommandCatalog.grammar()).forCommandLine(words)) {
            ctx.out().println(candidate);
        }
    }
}
