package io.jvirt.cli.session;

import java.io.IOException;

/**
 * Where the shell ({@code jvirsh} with no command) reads its lines: standard input as it is
 * ({@link #plain}: scripts piping commands, tests), or a line editor at a terminal.
 */
public interface LineInput extends AutoCloseable {

    /** The next line (without its end), or null at the end of input. */
    String readLine(String prompt) throws IOException;

    @Override
    void close();

    /** Lines of {@code io.in()}; the prompt is printed only at a terminal. */
    static LineInput plain(CliEnvironment io) {
        return new LineInput() {
            @Override
            public String readLine(String prompt) throws IOException {
                if (io.terminal()) {
                    io.out().print(prompt);
                    io.out().flush();
                }
                return io.in().readLine();
            }

            @Override
            public void close() {
            }
        };
    }

    /** Opens the line input of an interactive shell on a session. */
    @FunctionalInterface
    interface Factory {
        LineInput open(CliEnvironment io, Session session);

        /** Always {@link #plain}. */
        Factory PLAIN = (io, session) -> plain(io);
    }
}
