package io.jvirt.cli;

import io.jvirt.cli.session.CliFailure;
import io.jvirt.cli.session.ConsoleCharset;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Routes jvirt's java.util.logging output (the ESX driver's SOAP traffic, with passwords
 * masked by the driver) to standard error or a file while a run lasts, at a level chosen like
 * LIBVIRT_DEBUG: 0 or 1 debug, 2 info, 3 warning, 4 error. {@link #close()} restores the logger.
 */
final class LoggingSetup implements AutoCloseable {
    private final Logger logger;
    private final Handler handler;
    private final Level previousLevel;
    private final boolean previousUseParent;
    private final OutputStream file;

    private LoggingSetup(Logger logger, Handler handler, OutputStream file) {
        this.logger = logger;
        this.handler = handler;
        this.file = file;
        this.previousLevel = logger.getLevel();
        this.previousUseParent = logger.getUseParentHandlers();
    }

    /** Maps a debug level (0..4) like LIBVIRT_DEBUG; out-of-range values are an error. */
    static Level level(int debug) {
        return switch (debug) {
            case 0 -> Level.ALL;
            case 1 -> Level.FINE;
            case 2 -> Level.INFO;
            case 3 -> Level.WARNING;
            case 4 -> Level.SEVERE;
            default -> throw new CliFailure("ignoring debug level " + debug + " to set; must be in range [0-4]");
        };
    }

    /** Starts logging; {@code logFile} may be null (standard error). */
    static LoggingSetup start(Level level, Path logFile, PrintStream err) {
        OutputStream file = null;
        if (logFile != null) {
            try {
                file = Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new CliFailure("failed to open the log file '" + logFile + "': " + e.getMessage());
            }
        }
        Handler handler;
        if (file != null) {
            StreamHandler h = new StreamHandler(file, new LineFormatter()) {
                @Override
                public synchronized void publish(LogRecord record) {
                    super.publish(record);
                    flush();
                }
            };
            try {
                h.setEncoding(StandardCharsets.UTF_8.name()); // log files are UTF-8 whatever the locale
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException("UTF-8 is always supported", e);
            }
            handler = h;
        } else {
            handler = new PrintStreamHandler(err);
        }
        handler.setLevel(level);
        Logger logger = Logger.getLogger("io.jvirt");
        LoggingSetup setup = new LoggingSetup(logger, handler, file);
        logger.setLevel(level);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        return setup;
    }

    @Override
    public void close() {
        handler.flush();
        logger.removeHandler(handler);
        logger.setLevel(previousLevel);
        logger.setUseParentHandlers(previousUseParent);
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // nothing left to report it to
            }
        }
    }

    /**
     * Logs as text through jvirsh's standard error stream, so log lines get the same charset
     * choice as everything else jvirsh prints (UTF-8 under a C locale, see {@link ConsoleCharset}).
     */
    private static final class PrintStreamHandler extends Handler {
        private final PrintStream err;

        PrintStreamHandler(PrintStream err) {
            this.err = err;
            setFormatter(new LineFormatter());
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            err.print(getFormatter().format(record));
            err.flush();
        }

        @Override
        public void flush() {
            err.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }

    /** {@code 2026-11-28 13:15:04.123+0000: debug : logger : message}, roughly libvirt's layout. */
    private static final class LineFormatter extends Formatter {
        @Override
        public String format(LogRecord r) {
            String level = r.getLevel().intValue() >= Level.SEVERE.intValue() ? "error"
                    : r.getLevel().intValue() >= Level.WARNING.intValue() ? "warning"
                    : r.getLevel().intValue() >= Level.INFO.intValue() ? "info" : "debug";
            StringBuilder sb = new StringBuilder()
                    .append(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSZ")
                            .format(r.getInstant().atZone(java.time.ZoneId.systemDefault())))
                    .append(": ").append(level).append(" : ").append(r.getLoggerName()).append(" : ")
                    .append(formatMessage(r)).append('\n');
            if (r.getThrown() != null) {
                sb.append("    ").append(r.getThrown()).append('\n');
            }
            return sb.toString();
        }
    }
}
