package io.jvirt.cli.commands;

import io.jvirt.cli.session.CliFailure;
import io.jvirt.cli.session.CommandContext;
import io.jvirt.cli.session.VirshCommand;
import io.jvirt.spi.Domain;
import io.jvirt.spi.error.HypervisorException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.function.BiConsumer;

/** Domain lifecycle: define, undefine, start, shutdown, reboot, reset, destroy, suspend, resume, managedsave-remove. */
public final class DomainLifecycleCommands {
    private DomainLifecycleCommands() {
    }

    /**
     * A command doing one thing to one domain and reporting like virsh: a success line, or its
     * failure line followed by the driver's reason.
     */
    abstract static class DomainAction extends VirshCommand {
        @Mixin
        DomainArg domain;

        /** Performs the action. */
        abstract void act(CommandContext ctx, Domain d);

        /** The success message, e.g. {@code Domain 'x' started}. */
        abstract String done(String name);

        /** virsh's failure line, e.g. {@code Failed to start domain 'x'}. */
        abstract String failed(String name);

        @Override
        public void run(CommandContext ctx) {
            Domain d = ctx.lookup().domain(domain.value(name()));
            attempt(failed(d.name()), () -> act(ctx, d));
            ctx.out().println(done(d.name()));
        }
    }

    /** The usual pattern: "Domain 'x' VERB" / "Failed to VERB2 domain 'x'". */
    abstract static class SimpleAction extends DomainAction {
        private final String doneText;
        private final String verb;
        private final BiConsumer<CommandContext, Domain> action;

        SimpleAction(String doneText, String verb, BiConsumer<CommandContext, Domain> action) {
            this.doneText = doneText;
            this.verb = verb;
            this.action = action;
        }

        @Override
        void act(CommandContext ctx, Domain d) {
            action.accept(ctx, d);
        }

        @Override
        String done(String name) {
            return "Domain '" + name + "' " + doneText;
        }

        @Override
        String failed(String name) {
            return "Failed to " + verb + " domain '" + name + "'";
        }
    }

    @Command(name = "start", description = "start a (previously defined) inactive domain")
    public static final class Start extends SimpleAction {
        public Start() {
            super("started", "start", (ctx, d) -> ctx.runWithProgress("Start", true, p -> d.create(p)));
        }

        @Override
        void act(CommandContext ctx, Domain d) {
            if (d.id() >= 0) {
                // virsh checks this itself before asking the driver
                throw new CliFailure("Domain is already active");
            }
            super.act(ctx, d);
        }
    }

    @Command(name = "shutdown", description = "gracefully shutdown a domain")
    public static final class Shutdown extends SimpleAction {
        public Shutdown() {
            super("is being shutdown", "shutdown", (ctx, d) -> d.shutdown());
        }
    }

    @Command(name = "reboot", description = "reboot a domain")
    public static final class Reboot extends SimpleAction {
        public Reboot() {
            super("is being rebooted", "reboot", (ctx, d) -> d.reboot());
        }
    }

    @Command(name = "reset", description = "reset a domain")
    public static final class Reset extends SimpleAction {
        public Reset() {
            super("was reset", "reset", (ctx, d) -> d.reset());
        }
    }

    @Command(name = "destroy", description = "destroy (stop) a domain")
    public static final class Destroy extends SimpleAction {
        public Destroy() {
            super("destroyed", "destroy", (ctx, d) -> d.destroy());
        }
    }

    @Command(name = "suspend", description = "suspend a domain")
    public static final class Suspend extends SimpleAction {
        public Suspend() {
            super("suspended", "suspend", (ctx, d) -> d.suspend());
        }
    }

    @Command(name = "resume", description = "resume a domain")
    public static final class Resume extends SimpleAction {
        public Resume() {
            super("resumed", "resume", (ctx, d) -> d.resume());
        }
    }

    @Command(name = "undefine", description = "undefine a domain")
    public static final class Undefine extends SimpleAction {
        public Undefine() {
            super("has been undefined", "undefine", (ctx, d) -> d.undefine());
        }
    }

    @Command(name = "managedsave-remove", description = "Remove managed save of a domain")
    public static final class ManagedSaveRemove extends VirshCommand {
        @Mixin
        DomainArg domain;

        @Override
        public void run(CommandContext ctx) {
            Domain d = ctx.lookup().domain(domain.value(name()));
            boolean has;
            try {
                has = d.hasManagedSaveImage();
            } catch (HypervisorException e) {
                throw new CliFailure("Failed to check for domain managed save image", e);
            }
            if (!has) {
                // virsh prints this without a newline; the command's trailing newline ends it
                ctx.out().print("Domain '" + d.name() + "' has no manage save image; removal skipped");
                if (ctx.quiet()) {
                    ctx.out().println();
                }
                return;
            }
            attempt("Failed to remove managed save image for domain '" + d.name() + "'", () -> d.managedSaveRemove());
            ctx.out().println("Removed managedsave image for domain '" + d.name() + "'");
        }
    }

    @Command(name = "define", description = "define (but don't start) a domain from an XML file")
    public static final class Define extends VirshCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "<file>", description = "file containing an XML domain description")
        String file;
        @picocli.CommandLine.Option(names = "--file", paramLabel = "<file>", hidden = true)
        String fileOption;
        @picocli.CommandLine.Option(names = "--validate", description = "validate the XML against the schema")
        boolean validate;

        @Override
        public void run(CommandContext ctx) {
            String f = require(fileOption != null ? fileOption : file, "file");
            String xml = Xml.read(f);
            Domain d;
            try {
                d = ctx.withProgress("Define", true, p -> ctx.conn().defineDomain(xml, p));
            } catch (HypervisorException e) {
                throw new CliFailure("Failed to define domain from " + f, e);
            }
            ctx.out().println("Domain '" + d.name() + "' defined from " + f);
        }
    }
}
