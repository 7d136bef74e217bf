package io.jvirt.cli;

import io.jvirt.spi.HypervisorException;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * One virsh command. Subclasses declare their options with picocli annotations and do their
 * work in {@link #run}; failures are thrown ({@link CliFailure} for virsh's context lines,
 * {@link io.jvirt.spi.HypervisorException} for driver errors) and printed by the runner.
 */
public abstract class VirshCommand {
    @Spec
    protected CommandSpec spec;

    @Option(names = "--help", usageHelp = true, description = "print help for this command")
    boolean help;

    public abstract void run(CommandContext ctx);

    /**
     * True for commands that change something (refused on a read-only connection): those that
     * implement {@link Modifying}, or override this when it depends on their options.
     */
    public boolean modifies() {
        return this instanceof Modifying;
    }

    /** virsh ends most commands' output with an empty line (not with {@code -q}). */
    public boolean blankLineAfter() {
        return true;
    }

    /** True when the command needs no connection (help, offline conversion). */
    public boolean needsConnection() {
        return true;
    }

    public String name() {
        return spec.name();
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
