package io.jvirt.conformance;

import io.jvirt.conformance.command.Command;
import io.jvirt.conformance.corpus.CorpusCommand;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conformance jar's entry point: dispatches to a {@link Command} by its first argument. Add
 * commands to {@link #COMMANDS}.
 */
public final class Main {
    private static final List<Command> COMMANDS = List.of(new CorpusCommand());

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs without exiting: returns the exit code (0 success, 1 failures, 2 usage error). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, Command> byName = new LinkedHashMap<>();
        for (Command c : COMMANDS) {
            byName.put(c.name(), c);
        }
        Command command = args.length == 0 ? null : byName.get(args[0]);
        if (command == null) {
            err.println("usage:");
            for (Command c : COMMANDS) {
                err.println("  java -jar jvirt-conformance.jar " + c.usage());
            }
            return 2;
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        int code = command.run(rest, out, err);
        out.flush();
        return code;
    }
}
