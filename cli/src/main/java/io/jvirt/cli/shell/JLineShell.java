package io.jvirt.cli.shell;

import io.jvirt.cli.completion.Completions;
import io.jvirt.cli.session.CliEnvironment;
import io.jvirt.cli.session.LineInput;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The interactive shell's line editor (JLine): what virsh's readline gives. Editing keys
 * (arrows, Home/End, Ctrl-A/E/K/U/W, ...), history across runs ({@link ShellHistory}, searched
 * with Ctrl-R), and Tab completion of command names, options and domain, pool and network
 * names of the session's connection ({@link Completions}). Only a person at a terminal gets it;
 * this class (and JLine) is loaded only then, never for a single command.
 */
public final class JLineShell implements LineInput {
    private static final Logger LOG = Logger.getLogger(JLineShell.class.getName());
    private final Terminal terminal;
    private final LineReader reader;

    private JLineShell(Terminal terminal, LineReader reader) {
        this.terminal = terminal;
        this.reader = reader;
    }

    /**
     * Opens the terminal, or gives {@link LineInput#plain} when it cannot be opened.
     *
     * @param completions what Tab offers (names from the shell's session)
     * @param charset     the terminal's encoding
     */
    public static LineInput open(CliEnvironment io, Completions completions, Charset charset) {
        Terminal terminal;
        try {
            terminal = TerminalBuilder.builder().system(true).encoding(charset).nativeSignals(true).build();
        } catch (IOException | RuntimeException e) {
            // no usable terminal after all: read standard input as it is
            LOG.log(Level.FINE, "no line editor: cannot open the terminal", e);
            return LineInput.plain(io);
        }
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .appName("jvirsh")
                .terminal(terminal)
                .completer(new ShellCompleter(completions))
                // '!' and '\' are a command's own text (virsh's readline has no history expansion)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
                .variable(LineReader.HISTORY_SIZE, 500)
                .variable(LineReader.HISTORY_FILE_SIZE, 500);
        Path history = ShellHistory.file(io.env());
        if (history != null && prepare(history)) {
            builder.variable(LineReader.HISTORY_FILE, history);
        }
        LineReader reader = builder.build();
        bindCursorKeys(reader);
        return new JLineShell(terminal, reader);
    }

    /**
     * The cursor keys in both of a terminal's modes: JLine binds what the terminal description
     * says for its application mode ({@code ESC O A}); terminals and multiplexers that ignore
     * that mode send {@code ESC [ A}, which readline understands too.
     */
    private static void bindCursorKeys(LineReader reader) {
        KeyMap<Binding> main = reader.getKeyMaps().get(LineReader.MAIN);
        for (String prefix : new String[] {"\u001b[", "\u001bO"}) {
            main.bind(new Reference(LineReader.UP_LINE_OR_HISTORY), prefix + "A");
            main.bind(new Reference(LineReader.DOWN_LINE_OR_HISTORY), prefix + "B");
            main.bind(new Reference(LineReader.FORWARD_CHAR), prefix + "C");
            main.bind(new Reference(LineReader.BACKWARD_CHAR), prefix + "D");
            main.bind(new Reference(LineReader.BEGINNING_OF_LINE), prefix + "H");
            main.bind(new Reference(LineReader.END_OF_LINE), prefix + "F");
        }
    }

    /** The history file's folder (only the user may read it: commands may name secrets' files). */
    private static boolean prepare(Path history) {
        try {
            Path dir = history.getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                trySetPermissions(dir, "rwx------");
            }
            if (!Files.exists(history)) {
                Files.createFile(history);
                trySetPermissions(history, "rw-------");
            }
            return Files.isWritable(history);
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.FINE, "no history file " + history, e);
            return false;
        }
    }

    private static void trySetPermissions(Path p, String perms) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.FINE, "cannot restrict " + p, e);
        }
    }

    @Override
    public String readLine(String prompt) {
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            return ""; // Ctrl-C drops the line being typed, like readline
        } catch (EndOfFileException e) {
            return null; // Ctrl-D on an empty line
        }
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot save the shell history", e);
        }
        try {
            terminal.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot close the terminal", e);
        }
    }

    /** Tab: the word under the cursor, completed by {@link Completions}. */
    private record ShellCompleter(Completions completions) implements Completer {
        @Override
        public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
            List<String> words = new ArrayList<>(line.words().subList(0, line.wordIndex()));
            words.add(line.word().substring(0, line.wordCursor()));
            for (String c : completions.forCommand(words)) {
                candidates.add(new Candidate(c, c, null, null, null, null, true));
            }
        }
    }
}
