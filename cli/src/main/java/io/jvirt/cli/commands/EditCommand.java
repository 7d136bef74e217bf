package io.jvirt.cli.commands;

import io.jvirt.cli.session.CliFailure;
import io.jvirt.cli.session.CommandContext;
import io.jvirt.cli.session.VirshCommand;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainXmlFlag;
import io.jvirt.spi.error.HypervisorException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code edit DOMAIN}, like virsh's: the inactive XML (secure fields included) goes to a
 * temporary file, {@code $VISUAL} or {@code $EDITOR} (default {@code vi}) runs on it through
 * {@code /bin/sh}, and the result is defined again; an unchanged file is reported and not
 * defined. When the definition fails, virsh's prompt {@code Failed. Try again? [y,n,i,f,?]:}
 * asks what to do: {@code y} edits again, {@code n} (or the end of the input) gives up,
 * {@code i} and {@code f} try the same XML again (jvirt has no schema validation to turn off),
 * {@code ?} prints the choices.
 */
@Command(name = "edit", description = "edit XML configuration for a domain")
public final class EditCommand extends VirshCommand {
    @Mixin
    DomainArg domain;

    @Override
    public void run(CommandContext ctx) {
        Domain d = ctx.lookup().domain(domain.value(name()));
        String original = d.xmlDesc(Set.of(DomainXmlFlag.INACTIVE, DomainXmlFlag.SECURE));
        Path file;
        try {
            file = Files.createTempFile("jvirsh-edit-", ".xml");
        } catch (IOException e) {
            throw new CliFailure("Failed to create a temporary file: " + e.getMessage());
        }
        try {
            write(file, original);
            boolean edit = true;
            while (true) {
                if (edit) {
                    runEditor(ctx, file);
                }
                String edited = read(file);
                if (edited.equals(original)) {
                    ctx.printExtra("Domain '" + d.name() + "' XML configuration not changed.");
                    return;
                }
                try {
                    Domain defined = ctx.conn().defineDomain(edited);
                    ctx.printExtra("Domain '" + defined.name() + "' XML configuration edited.");
                    return;
                } catch (HypervisorException e) {
                    ctx.err().println("error: " + CliFailure.describe(e));
                }
                edit = ask(ctx);
            }
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }

    /** virsh's re-edit prompt: true to edit again, false to retry the define as is. */
    private static boolean ask(CommandContext ctx) {
        while (true) {
            ctx.err().print("Failed. Try again? [y,n,i,f,?]: ");
            ctx.err().flush();
            String answer;
            try {
                answer = ctx.io().in().readLine();
            } catch (IOException e) {
                answer = null;
            }
            if (answer == null) {
                ctx.err().println();
                throw new CliFailure("Failed.");
            }
            switch (answer.trim()) {
                case "y" -> {
                    return true;
                }
                case "n" -> throw new CliFailure("Failed.");
                case "i", "f" -> {
                    return false;
                }
                case "?" -> ctx.err().print("""
                        y - yes, start editor again
                        n - no, throw away my changes
                        i - turn off validation and try to redefine again
                        f - force, try to redefine again
                        ? - print this help
                        """);
                default -> {
                    // virsh asks again
                }
            }
        }
    }

    private static void runEditor(CommandContext ctx, Path file) {
        String editor = ctx.io().env().get("VISUAL");
        if (editor == null || editor.isEmpty()) {
            editor = ctx.io().env().get("EDITOR");
        }
        if (editor == null || editor.isEmpty()) {
            editor = "vi";
        }
        String command = editor + " '" + file.toString().replace("'", "'\\''") + "'";
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command);
        pb.environment().clear();
        pb.environment().putAll(ctx.io().env());
        pb.inheritIO();
        int status;
        try {
            status = pb.start().waitFor();
        } catch (IOException e) {
            throw new CliFailure("Cannot run editor '" + editor + "': " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("Interrupted while waiting for editor '" + editor + "'");
        }
        if (status != 0) {
            throw new CliFailure(editor + " " + file + ": command failed with exit status " + status);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliFailure("Failed to write " + file + ": " + e.getMessage());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliFailure("Failed to read " + file + ": " + e.getMessage());
        }
    }
}
