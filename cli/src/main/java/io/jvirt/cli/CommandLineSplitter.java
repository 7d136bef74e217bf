package io.jvirt.cli;

import io.jvirt.cli.session.CliFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line the way virsh's shell does: words separated by blanks, single and
 * double quotes group, a backslash escapes the next character, an unquoted {@code ;} ends a
 * command and {@code #} at the start of a word starts a comment.
 */
public final class CommandLineSplitter {
    private CommandLineSplitter() {
    }

    /** The commands on one line, each as its words. */
    public static List<List<String>> split(String line) {
        List<List<String>> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                if (word == null) {
                    word = new StringBuilder();
                }
            } else if (c == '\\' && i + 1 < line.length()) {
                if (word == null) {
                    word = new StringBuilder();
                }
                word.append(line.charAt(++i));
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == ';') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                if (!words.isEmpty()) {
                    commands.add(words);
                }
                words = new ArrayList<>();
            } else if (c == '#' && word == null) {
                break;
            } else {
                if (word == null) {
                    word = new StringBuilder();
                }
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new CliFailure("missing " + quote);
        }
        if (word != null) {
            words.add(word.toString());
        }
        if (!words.isEmpty()) {
            commands.add(words);
        }
        return commands;
    }

    /** Splits command-line arguments at {@code ;} words (virsh "cmd1 ; cmd2"). */
    public static List<List<String>> splitArgs(List<String> args) {
        List<List<String>> commands = new ArrayList<>();
        if (args.size() == 1) {
            return split(args.get(0));
        }
        List<String> current = new ArrayList<>();
        for (String a : args) {
            if (a.equals(";")) {
                if (!current.isEmpty()) {
                    commands.add(current);
                }
                current = new ArrayList<>();
            } else {
                current.add(a);
            }
        }
        if (!current.isEmpty()) {
            commands.add(current);
        }
        return commands;
    }
}
