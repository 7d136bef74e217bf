package io.jvirt.cli.session;

import io.jvirt.spi.error.HypervisorException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * One virsh command. Subclasses declare their options with picocli annotations and do their
 * work in {@link #run}; failures are thrown ({@link CliFailure} for virsh's context lines,
 * {@link io.jvirt.spi.error.HypervisorException} for driver errors) and printed by the runner.
 */
public abstract class VirshCommand {
    @Spec
    private CommandSpec spec;

    private String calledName;

    @Option(names = "--help", usageHelp = true, description = "print help for this command")
    boolean help;

    public abstract void run(CommandContext ctx);

    /**
     * True for commands that change something, which {@code -r} refuses. Default-deny: every
     * command is modifying unless its class is annotated {@link ReadOnlyCommand} or
     * {@link #readOnlyUse()} says that this use of it changes nothing.
     */
    public final boolean modifies() {
        return !getClass().isAnnotationPresent(ReadOnlyCommand.class) && !readOnlyUse();
    }

    /**
     * For a command that changes something only with some options ({@code schedinfo --set},
     * {@code snapshot-create-as} without {@code --print-xml}): true when the options it was
     * given make it read-only. The default, false, keeps it modifying.
     */
    protected boolean readOnlyUse() {
        return false;
    }

    /** virsh ends most commands' output with an empty line (not with {@code -q}). */
    public boolean blankLineAfter() {
        return true;
    }

    /** True when the command needs no connection (help, offline conversion). */
    public boolean needsConnection() {
        return true;
    }

    /** The name the command was called by. */
    public String name() {
        return calledName != null ? calledName : getClass().getAnnotation(Command.class).name();
    }

    /**
     * Records the name the command was called by (its {@code @Command} name), which the runner
     * knows: {@link #name()} then reads no annotation (start-up time).
     */
    public final VirshCommand calledAs(String name) {
        this.calledName = name;
        return this;
    }

    /**
     * True for a command that reads picocli's model of itself ({@link #model()}) when it runs:
     * it is always parsed by picocli. Others may be parsed without building that model
     * (io.jvirt.cli.PlainParser), and {@link #model()} is then not there.
     */
    public boolean needsModel() {
        return false;
    }

    /** picocli's model of this command; only for a command whose {@link #needsModel()} is true. */
    protected final CommandSpec model() {
        if (spec == null) {
            throw new IllegalStateException(name() + " was parsed without picocli's model; its needsModel() must be true");
        }
        return spec;
    }

    /**
     * Runs one driver call; a failure becomes virsh's two {@code error:} lines: {@code context},
     * then the driver's message.
     */
    protected static void attempt(String context, Runnable call) {
        try {
            call.run();
        } catch (HypervisorException e) {
            throw new CliFailure(context, e);
        }
    }

    /** A required argument given either positionally or as an option; virsh's error when absent. */
    protected String require(String value, String label) {
        if (value == null) {
            throw CliFailure.usage("command '" + name() + "' requires <" + label + "> option");
        }
        return value;
    }

    protected static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    /** {@link #yesNo} for method references. */
    public static String yesNoOf(Boolean b) {
        return b ? "yes" : "no";
    }
}
