package io.jvirt.cli.commands;

import io.jvirt.cli.session.CliFailure;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Printing XML documents and reading XML files given on the command line. */
final class Xml {
    private Xml() {
    }

    /** Prints a document, ending it with exactly one newline. */
    static void print(PrintStream out, String xml) {
        out.print(xml.endsWith("\n") ? xml : xml + "\n");
    }

    /** Reads a file like virsh ({@code Failed to open file 'x': reason} when it cannot). */
    static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            String reason = e instanceof java.nio.file.NoSuchFileException ? "No such file or directory"
                    : e instanceof java.nio.file.AccessDeniedException ? "Permission denied" : e.getMessage();
            throw new CliFailure("Failed to open file '" + file + "': " + reason);
        }
    }

    /** Escapes text for an XML element or attribute. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '\'' -> sb.append("&apos;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
