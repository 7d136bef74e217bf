package io.jvirt.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10.6: the interactive shell ({@code jvirsh -c URI} with no command) at a real
 * pseudo-terminal ({@code script(1)} gives it one), typed at key by key: Tab completes command
 * and domain names, Up recalls the previous line, the history survives into the next run (a
 * file under {@code $HOME}); piped commands are still read as they are, and a single command
 * never loads JLine.
 */
class InteractiveShellIT {
    /** Up as a terminal sends it in its normal mode, and in the application mode JLine asks for. */
    private static final String UP = "\u001b[A";
    private static final String UP_APPLICATION = "\u001bOA";
    private static final Pattern ANSI = Pattern.compile("\u001b(\\[[0-9;?]*[ -/]*[@-~]|[=>()][0-9A-B]?)|\r");
    @TempDir
    static Path home;
    private static Path jar;

    @BeforeAll
    static void jar() {
        jar = Path.of("target", "jvirsh.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "needs the package phase's " + jar);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** jvirsh at a pseudo-terminal; what it shows, without escape sequences. */
    private static final class Terminal implements AutoCloseable {
        private final Process process;
        private final OutputStream keys;
        private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
        private final Thread reader;

        Terminal(String args) throws IOException {
            // script(1)'s terminal has no size without one around it: give it a window's
            ProcessBuilder pb = new ProcessBuilder("script", "-qfec", "stty cols 120 rows 40; exec '" + java()
                    + "' -XX:TieredStopAtLevel=1 -jar '" + jar + "' " + args, "/dev/null");
            pb.environment().put("HOME", home.toString());
            pb.environment().remove("XDG_CACHE_HOME");
            pb.environment().put("TERM", "xterm");
            pb.environment().put("LC_ALL", "C.UTF-8");
            pb.redirectErrorStream(true);
            process = pb.start();
            keys = process.getOutputStream();
            InputStream in = process.getInputStream();
            reader = new Thread(() -> {
                byte[] b = new byte[4096];
                try {
                    for (int n; (n = in.read(b)) > 0; ) {
                        synchronized (screen) {
                            screen.write(b, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        String shown() {
            synchronized (screen) {
                return ANSI.matcher(screen.toString(StandardCharsets.UTF_8)).replaceAll("");
            }
        }

        /** Waits until {@code text} has been shown {@code times} times in all. */
        void await(String text, int times) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (count(shown(), text) < times) {
                assertTrue(System.nanoTime() < end, "waited for '" + text + "' x" + times + "; the screen:\n" + shown());
                Thread.sleep(50);
            }
        }

        void type(String text) throws IOException, InterruptedException {
            keys.write(text.getBytes(StandardCharsets.UTF_8));
            keys.flush();
            Thread.sleep(300); // one key sequence at a time, as typed
        }

        int exit() throws InterruptedException {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "jvirsh did not end; the screen:\n" + shown());
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    private static int count(String text, String part) {
        return (int) Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }

    @Test
    void tabCompletesUpRecallsAndTheHistoryOutlivesTheRun() throws Exception {
        Path history = home.resolve(".cache/jvirt/jvirsh_history");
        try (Terminal t = new Terminal("-c test:///default")) {
            t.await("jvirsh # ", 1);
            // 'dom' is ambiguous: Tab lists the commands starting with it
            t.type("dom\t");
            t.await("domuuid", 1);
            assertTrue(t.shown().contains("dominfo") && t.shown().contains("domstate"), t.shown());
            t.type("\u0015"); // Ctrl-U: the line is empty again
            // 'dominf' completes to the command, 'te' to the test driver's domain
            t.type("dominf\t");
            t.type("te\t");
            t.type("\r");
            t.await("Name:           test", 1);
            assertTrue(t.shown().contains("dominfo test"), "the completed line: " + t.shown());
            t.await("Managed save:   no\n\njvirsh # ", 1); // the next prompt
            // Up: the previous line again
            t.type(UP);
            t.type("\r");
            t.await("Name:           test", 2);
            t.await("Managed save:   no\n\njvirsh # ", 2);
            t.type("quit\r");
            assertEquals(0, t.exit());
        }
        assertTrue(Files.isRegularFile(history), "history file " + history);
        List<String> lines = Files.readAllLines(history, StandardCharsets.UTF_8);
        assertTrue(lines.stream().anyMatch(l -> l.endsWith("dominfo test")), lines.toString());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(history)));

        // the next run starts with that history: Up recalls the last line of the previous run
        try (Terminal t = new Terminal("-c test:///default")) {
            t.await("jvirsh # ", 1);
            t.type(UP_APPLICATION);
            t.type(UP_APPLICATION);
            t.type("\r");
            t.await("Managed save:   no\n\njvirsh # ", 1);
            t.type("\u0004"); // Ctrl-D on an empty line ends the shell
            assertEquals(0, t.exit());
        }
    }

    @Test
    void pipedCommandsAreReadAsTheyAre() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(java(), "-jar", jar.toString(), "-c", "test:///default");
        pb.environment().put("HOME", home.toString());
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write("list --all\ndomstate test\n".getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        // virsh -c test:///default < commands: no banner, no prompt
        assertEquals(" Id   Name   State\n----------------------\n 1    test   running\n\nrunning\n\n", out);
    }

    @Test
    void aSingleCommandNeverLoadsJLine() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(java(), "-Xlog:class+load=info", "-jar", jar.toString(),
                "-c", "test:///default", "list", "--all");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(out.contains("io.jvirt.cli.Jvirsh"), "class loading was logged");
        Matcher jline = Pattern.compile("org\\.jline\\.\\S+|io\\.jvirt\\.cli\\.shell\\.\\S+").matcher(out);
        assertFalse(jline.find(), () -> "loaded " + jline.group());
    }
}
