package io.jvirt.esx.testing;

import io.jvirt.simulator.VsphereSimulator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Runs with every esx-driver test (registered through {@code META-INF/services} and
 * {@code junit-platform.properties}): while a test runs, the driver logs everything, SOAP traces
 * included ({@code -d}), and everything logged, printed to stdout/stderr or thrown out of the test
 * is searched for the simulator's password ({@link VsphereSimulator#DEFAULT_PASSWORD}, which every
 * simulator of these tests uses unless a test sets its own). A test that leaks it fails.
 */
public final class SecretLeakGuard implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {
    /** The secrets no output may contain. */
    static final List<String> SECRETS = List.of(VsphereSimulator.DEFAULT_PASSWORD);
    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger DRIVER = Logger.getLogger("io.jvirt");
    private static final Capture CAPTURE = new Capture();
    private static final ByteArrayOutputStream PRINTED = new ByteArrayOutputStream();
    private static volatile boolean installed;

    /** Collects every record of every logger, formatted with its parameters and stack trace. */
    private static final class Capture extends Handler {
        private final StringBuilder text = new StringBuilder();
        private final SimpleFormatter formatter = new SimpleFormatter();

        Capture() {
            setLevel(Level.ALL);
        }

        @Override
        public synchronized void publish(LogRecord r) {
            text.append(formatter.format(r));
        }

        synchronized String drain() {
            String s = text.toString();
            text.setLength(0);
            return s;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** Writes to the original stream and to the capture buffer. */
    private static PrintStream tee(PrintStream original) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (PRINTED) {
                    PRINTED.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (PRINTED) {
                    PRINTED.write(b, off, len);
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        }, true, StandardCharsets.UTF_8);
    }

    private static synchronized void install() {
        if (installed) {
            return;
        }
        DRIVER.setLevel(Level.ALL); // DEBUG/TRACE of every jvirt logger, SOAP traces included
        ROOT.addHandler(CAPTURE);
        System.setOut(tee(System.out));
        System.setErr(tee(System.err));
        installed = true;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        install();
        CAPTURE.drain();
        synchronized (PRINTED) {
            PRINTED.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        String printed;
        synchronized (PRINTED) {
            printed = PRINTED.toString(StandardCharsets.UTF_8);
            PRINTED.reset();
        }
        String logged = CAPTURE.drain();
        for (String secret : SECRETS) {
            if (logged.contains(secret)) {
                throw new AssertionError("the password was logged during " + context.getDisplayName()
                        + ":\n" + around(logged, secret));
            }
            if (printed.contains(secret)) {
                throw new AssertionError("the password was printed during " + context.getDisplayName()
                        + ":\n" + around(printed, secret));
            }
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        String text = fullText(thrown);
        for (String secret : SECRETS) {
            if (text.contains(secret)) {
                AssertionError leak = new AssertionError("an exception out of " + context.getDisplayName()
                        + " shows the password");
                leak.addSuppressed(thrown);
                throw leak;
            }
        }
        throw thrown;
    }

    /** Message, causes, suppressed exceptions and stack trace, as printed. */
    public static String fullText(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static String around(String text, String secret) {
        int i = text.indexOf(secret);
        return text.substring(Math.max(0, i - 400), Math.min(text.length(), i + 100)).replace(secret, "<PASSWORD>");
    }

    /** The captured log text so far (for tests that look at it themselves). */
    static List<String> capturedSoFar() {
        List<String> out = new ArrayList<>();
        out.add(CAPTURE.drain());
        return out;
    }
}
