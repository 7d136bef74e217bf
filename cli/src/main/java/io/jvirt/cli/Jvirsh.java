package io.jvirt.cli;

import io.jvirt.cli.session.CliEnvironment;
import io.jvirt.cli.session.CliFailure;
import io.jvirt.cli.session.CommandContext;
import io.jvirt.cli.session.ConnectionOpener;
import io.jvirt.cli.session.LineInput;
import io.jvirt.cli.session.NativeConverters;
import io.jvirt.cli.session.Session;
import io.jvirt.cli.session.SessionSettings;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.auth.Authenticator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * jvirsh's entry point: parses virsh's global options, sets up logging, the session (and the
 * embedded simulator for {@code --sim}) and runs the command given on the command line
 * ({@code cmd1 ; cmd2} allowed), or reads commands from standard input when there is none.
 *
 * <p>Both levels are declared with picocli's annotations, which give each command typed options
 * and generated help. Plain command lines are parsed from those annotations without picocli's
 * model ({@link PlainParser}, for start-up time); picocli parses the rest, and writes help and
 * parse errors.
 */
public final class Jvirsh {
    private final CliEnvironment io;
    private final ConnectionOpener opener;
    private final SimulatorLauncher simulators;
    private final NativeConverters converters;
    private LineInput.Factory lineEditor = LineInput.Factory.PLAIN;

    public Jvirsh(CliEnvironment io, ConnectionOpener opener, SimulatorLauncher simulators, NativeConverters converters) {
        this.io = io;
        this.opener = opener;
        this.simulators = simulators;
        this.converters = converters;
    }

    /** The production wiring. */
    public static Jvirsh standard(CliEnvironment io) {
        return new Jvirsh(io, ConnectionOpener.FACTORY, Wiring.simulators(), Wiring.converters())
                .lineEditor(Wiring.lineEditor());
    }

    /** How the interactive shell reads lines at a terminal (standard input as it is otherwise). */
    public Jvirsh lineEditor(LineInput.Factory editor) {
        this.lineEditor = editor;
        return this;
    }

    public static void main(String[] args) {
        // first, before anything else of jvirsh's start-up: see StartupPrefetch
        StartupPrefetch.startIfUseful(args, System.getenv());
        LazyDefaultSocketFactory.install();
        int status;
        CliEnvironment io = CliEnvironment.system();
        try {
            status = standard(io).run(ArgumentCharset.recover(args));
        } catch (RuntimeException | LinkageError e) {
            io.err().println("error: internal error: " + e);
            status = 1;
        }
        io.out().flush();
        io.err().flush();
        System.exit(status);
    }

    /** Runs jvirsh with these arguments and returns the exit status. */
    public int run(String... args) {
        String[] normalized = normalizeSim(args);
        GlobalOptions g = (GlobalOptions) PlainParser.standard().parse(PlainParser.GLOBAL, List.of(normalized));
        if (g == null) {
            PicocliParsing.Global parsed = PicocliParsing.global(normalized, io.out());
            if (parsed.error() != null) {
                io.err().println("error: " + parsed.error());
                io.err().println("Try 'jvirsh --help' for more information.");
                return 1;
            }
            if (parsed.options() == null) {
                return 0; // help was printed
            }
            g = parsed.options();
        }
        if (g.version) {
            io.out().println(version(ConnectionFactory.libraryVersion()));
            return 0;
        }
        if (g.longVersion) {
            io.out().println("jvirsh, a virsh-compatible command line of jvirt, following the libvirt "
                    + version(ConnectionFactory.libraryVersion()) + " API");
            io.out().println(" Drivers: " + String.join(", ", ConnectionFactory.installedSchemes()));
            return 0;
        }
        try (LoggingSetup logging = logging(g)) {
            return runWithLogging(g);
        } catch (CliFailure f) {
            f.lines().forEach(l -> io.err().println("error: " + l));
            return 1;
        }
    }

    /** Options of jvirsh that take a separate value. */
    static final java.util.Set<String> WITH_VALUE = java.util.Set.of(
            "-c", "--connect", "-d", "--debug", "-l", "--log", "--auth-file", "-k", "--keepalive-interval",
            "-K", "--keepalive-count", "-e", "--escape");

    /** A bare {@code --sim} means the ESX simulator; its optional value must be attached ({@code --sim=vpx}). */
    static String[] normalizeSim(String[] args) {
        String[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            String a = out[i];
            if (a.equals("--sim")) {
                out[i] = "--sim=esx";
            } else if (WITH_VALUE.contains(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                break;
            }
        }
        return out;
    }

    private LoggingSetup logging(GlobalOptions g) {
        Integer debug = g.debug;
        String env = io.env().get("LIBVIRT_DEBUG");
        if (debug == null && env != null && !env.isBlank()) {
            debug = parseDebugEnv(env.strip());
        }
        if (debug == null && g.logFile == null) {
            return null;
        }
        return LoggingSetup.start(LoggingSetup.level(debug == null ? 0 : debug),
                g.logFile == null ? null : Path.of(g.logFile), io.err());
    }

    private static Integer parseDebugEnv(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "1", "debug" -> 1;
            case "2", "info" -> 2;
            case "3", "warning" -> 3;
            case "4", "error" -> 4;
            default -> null;
        };
    }

    /**
     * The auth file of a {@code --sim} session: empty, so the simulator's credentials are used
     * (where the system has no such device, the user's auth file is consulted as before).
     */
    static final String NO_AUTH_FILE = "/dev/null";

    private int runWithLogging(GlobalOptions g) {
        String uri = g.connect;
        Authenticator fixed = null;
        AutoCloseable server = null;
        if (g.sim != null) {
            String kind = g.sim.isEmpty() ? "esx" : g.sim.toLowerCase(Locale.ROOT);
            if (!kind.equals("esx") && !kind.equals("vpx")) {
                throw new CliFailure("--sim: unknown simulator '" + g.sim + "', expected 'esx' or 'vpx'");
            }
            if (uri != null) {
                throw new CliFailure("--sim and -c/--connect cannot be used together");
            }
            SimulatorLauncher.Running sim = simulators.start(kind);
            uri = sim.uri();
            fixed = Authenticator.fixed(sim.username(), sim.password().toCharArray());
            server = sim.server();
        }
        if (uri == null) {
            uri = firstSet(io.env(), "VIRSH_DEFAULT_CONNECT_URI", "LIBVIRT_DEFAULT_URI");
        }
        String authFile = g.authFile != null ? g.authFile : io.env().get("LIBVIRT_AUTH_FILE");
        if (fixed != null && g.authFile == null && Files.isReadable(Path.of(NO_AUTH_FILE))) {
            // the simulator's own credentials: no auth.conf of the user's (LIBVIRT_AUTH_FILE or
            // ~/.config/libvirt/auth.conf, which may well name other credentials for 127.0.0.1)
            // is asked; an empty file is what the drivers then read
            authFile = NO_AUTH_FILE;
        }
        SessionSettings settings = new SessionSettings(uri, g.readOnly,
                authFile == null || authFile.isEmpty() ? null : Path.of(authFile), fixed);
        try (Session session = new Session(settings, io, opener)) {
            if (server != null) {
                session.closeLater(server);
            }
            CommandContext ctx = new CommandContext(io, session, g.quiet, converters);
            CommandRunner runner = new CommandRunner(ctx);
            if (g.command.isEmpty()) {
                return new BatchShell(io, session, runner, g.quiet, lineEditor).run();
            }
            int status = 0;
            for (List<String> command : CommandLineSplitter.splitArgs(g.command)) {
                if (isQuit(command)) {
                    break;
                }
                status = timed(g.timing, () -> runner.run(command));
            }
            return status;
        }
    }

    private int timed(boolean timing, java.util.function.IntSupplier command) {
        long start = System.nanoTime();
        int status = command.getAsInt();
        if (timing) {
            io.out().printf(Locale.ROOT, "%n(Time: %.3f ms)%n%n", (System.nanoTime() - start) / 1e6);
        }
        return status;
    }

    static boolean isQuit(List<String> command) {
        return command.size() == 1 && (command.get(0).equals("quit") || command.get(0).equals("exit"));
    }

    /**
     * The default URI like virsh: its own VIRSH_DEFAULT_CONNECT_URI wins over libvirt's
     * LIBVIRT_DEFAULT_URI.
     */
    private static String firstSet(Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }

    static String version(long v) {
        return (v / 1_000_000) + "." + (v / 1_000 % 1_000) + "." + (v % 1_000);
    }

    /** Reads commands from standard input (virsh's shell) on one session. */
    static final class BatchShell {
        private final CliEnvironment io;
        private final Session session;
        private final CommandRunner runner;
        private final boolean quiet;
        private final LineInput.Factory lineEditor;

        BatchShell(CliEnvironment io, Session session, CommandRunner runner, boolean quiet, LineInput.Factory lineEditor) {
            this.io = io;
            this.session = session;
            this.runner = runner;
            this.quiet = quiet;
            this.lineEditor = lineEditor;
        }

        int run() {
            boolean interactive = io.terminal();
            if (interactive && !quiet) {
                io.out().println("Welcome to jvirsh, the jvirt interactive terminal (virsh-compatible).");
                io.out().println();
                io.out().println("Type:  'help' for help with commands");
                io.out().println("       'quit' to quit");
                io.out().println();
            }
            if (session.settings().uri() != null) {
                // like virsh: connect (and ask for credentials) before reading commands
                try {
                    session.connection();
                } catch (CliFailure f) {
                    f.lines().forEach(l -> io.err().println("error: " + l));
                }
            }
            // a line editor only for a person at a terminal, opened after the credential prompts;
            // piped commands are read as they are
            try (LineInput input = interactive ? lineEditor.open(io, session) : LineInput.plain(io)) {
                return readCommands(input, interactive);
            }
        }

        private int readCommands(LineInput input, boolean interactive) {
            while (true) {
                String line;
                try {
                    line = input.readLine("jvirsh # ");
                } catch (IOException e) {
                    io.err().println("error: cannot read standard input: " + e.getMessage());
                    return 1;
                }
                if (line == null) {
                    if (interactive) {
                        io.out().println();
                    }
                    return 0;
                }
                List<List<String>> commands;
                try {
                    commands = CommandLineSplitter.split(line);
                } catch (CliFailure f) {
                    f.lines().forEach(l -> io.err().println("error: " + l));
                    continue;
                }
                for (List<String> command : commands) {
                    if (isQuit(command)) {
                        return 0;
                    }
                    runner.run(command);
                }
            }
        }
    }
}
