package io.jvirt.cli.session;

import io.jvirt.cli.output.ProgressBar;
import io.jvirt.spi.Connection;
import io.jvirt.spi.ProgressListener;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Function;

/** What a command may use: the streams, the shared session and the run's settings. */
public final class CommandContext {
    private final CliEnvironment io;
    private final Session session;
    private final boolean quiet;
    private final NativeConverters converters;

    public CommandContext(CliEnvironment io, Session session, boolean quiet, NativeConverters converters) {
        this.io = io;
        this.session = session;
        this.quiet = quiet;
        this.converters = converters;
    }

    public PrintStream out() {
        return io.out();
    }

    public PrintStream err() {
        return io.err();
    }

    public boolean quiet() {
        return quiet;
    }

    public CliEnvironment io() {
        return io;
    }

    public Session session() {
        return session;
    }

    /** The session's connection (opened on first use). */
    public Connection conn() {
        return session.connection();
    }

    public Lookups lookup() {
        return new Lookups(conn());
    }

    public NativeConverters converters() {
        return converters;
    }

    /** A file argument, relative to the working directory. */
    public Path path(String file) {
        return Path.of(file);
    }

    /**
     * Runs a long operation with a progress bar on the terminal, none otherwise.
     *
     * @param label   the bar's label, e.g. {@code Migration}
     * @param enabled false to show nothing (virsh shows some bars only with {@code --verbose})
     */
    public <T> T withProgress(String label, boolean enabled, Function<ProgressListener, T> operation) {
        if (!enabled || !io.terminal()) {
            return operation.apply(ProgressListener.NONE);
        }
        ProgressBar bar = new ProgressBar(io.err(), label);
        try {
            return operation.apply(bar);
        } finally {
            bar.finish();
        }
    }

    /** {@link #withProgress} for operations without a result. */
    public void runWithProgress(String label, boolean enabled, java.util.function.Consumer<ProgressListener> operation) {
        withProgress(label, enabled, (Function<ProgressListener, Void>) p -> {
            operation.accept(p);
            return null;
        });
    }
}
