package io.jvirt.conformance.command;

import java.io.PrintStream;
import java.util.List;

/** A subcommand of the conformance jar ({@code java -jar jvirt-conformance.jar NAME ARGS...}). */
public interface Command {
    String name();

    /** One-line usage, without the jar invocation. */
    String usage();

    /** Runs with the arguments after the command name; returns the exit code. */
    int run(List<String> args, PrintStream out, PrintStream err);
}
