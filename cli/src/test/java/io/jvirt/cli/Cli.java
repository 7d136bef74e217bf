package io.jvirt.cli;

import io.jvirt.cli.session.CliEnvironment;
import io.jvirt.cli.session.ConnectionOpener;
import io.jvirt.cli.session.NativeConverters;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Runs jvirsh in-process with given stdin, environment and terminal flag; captures both outputs. */
final class Cli {
    private final Map<String, String> env = new HashMap<>();
    private String stdin = "";
    private boolean terminal;
    private SimulatorLauncher simulators = Wiring.simulators();
    private NativeConverters converters = Wiring.converters();
    private ConnectionOpener opener = ConnectionOpener.FACTORY;

    record Result(int status, String out, String err) {
    }

    static Cli cli() {
        return new Cli();
    }

    Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Cli stdin(String text) {
        stdin = text;
        return this;
    }

    Cli terminal() {
        terminal = true;
        return this;
    }

    Cli simulators(SimulatorLauncher s) {
        simulators = s;
        return this;
    }

    Cli converters(NativeConverters c) {
        converters = c;
        return this;
    }

    Cli opener(ConnectionOpener o) {
        opener = o;
        return this;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            CliEnvironment io = new CliEnvironment(new BufferedReader(new StringReader(stdin)), o, e, env, terminal);
            int status = new Jvirsh(io, opener, simulators, converters).run(args);
            return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** Against the in-memory test driver. */
    static Result test(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-c";
        all[1] = "test:///default";
        System.arraycopy(args, 0, all, 2, args.length);
        return cli().run(all);
    }
}
