package io.jvirt.cli.session;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Objects;

/**
 * What the CLI talks to: its input, output and error streams, the environment variables and
 * whether a person sits at a terminal. Tests inject all of them; {@link #system()} gives the
 * real ones.
 *
 * @param in       standard input (batch commands, credential answers)
 * @param out      standard output
 * @param err      standard error ({@code error:} lines, progress bars)
 * @param env      environment variables ({@code LIBVIRT_DEFAULT_URI}, {@code LIBVIRT_AUTH_FILE}, ...)
 * @param terminal true when attached to a terminal: progress bars, no-echo password prompts
 */
public record CliEnvironment(BufferedReader in, PrintStream out, PrintStream err, Map<String, String> env,
                             boolean terminal) {
    public CliEnvironment {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        env = Map.copyOf(env);
    }

    /**
     * The process's own streams and environment. The streams use {@link ConsoleCharset}'s
     * choice, not {@code System.out}'s: under a C/POSIX locale Java would turn every
     * non-ASCII character into {@code ?}; jvirsh writes and reads UTF-8 there, like virsh.
     */
    public static CliEnvironment system() {
        Charset locale = ConsoleCharset.locale();
        return new CliEnvironment(new BufferedReader(new InputStreamReader(System.in, ConsoleCharset.input(locale))),
                ConsoleCharset.stdout(locale), ConsoleCharset.stderr(locale), System.getenv(), System.console() != null);
    }
}
