package io.jvirt.cli;

import io.jvirt.cli.session.ConsoleCharset;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The charset choice of jvirsh's streams: no character may become {@code ?}. */
class ConsoleCharsetTest {
    private static final String NAME = "probe-utf8-\u4f4d";

    private static byte[] print(Charset locale, String... lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = ConsoleCharset.stream(bytes, locale);
        for (String l : lines) {
            out.println(l);
        }
        out.printf("%s|%n", lines[0]);
        out.flush();
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    @Test
    void asciiLocaleWritesUtf8() {
        String nl = System.lineSeparator();
        assertArrayEquals((NAME + nl + NAME + "|" + nl).getBytes(StandardCharsets.UTF_8),
                print(StandardCharsets.US_ASCII, NAME));
        assertEquals(StandardCharsets.UTF_8, ConsoleCharset.input(StandardCharsets.US_ASCII));
    }

    @Test
    void utf8LocaleWritesUtf8() {
        String nl = System.lineSeparator();
        assertArrayEquals((NAME + nl + NAME + "|" + nl).getBytes(StandardCharsets.UTF_8),
                print(StandardCharsets.UTF_8, NAME));
    }

    @Test
    void legacyLocaleUsesItsCodesetWhereItCanAndUtf8Elsewhere() {
        String nl = System.lineSeparator();
        Charset latin1 = StandardCharsets.ISO_8859_1;
        byte[] out = print(latin1, "caf\u00e9", NAME);
        assertArrayEquals(concat(("caf\u00e9" + nl).getBytes(latin1), (NAME + nl).getBytes(StandardCharsets.UTF_8),
                ("caf\u00e9|" + nl).getBytes(latin1)), out);
        assertEquals(latin1, ConsoleCharset.input(latin1), "a latin-1 terminal types latin-1");
    }

    @Test
    void charByCharPrintingKeepsCharacters() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = ConsoleCharset.stream(bytes, StandardCharsets.ISO_8859_1);
        out.print('\u4f4d');
        out.append("\u4f4d", 0, 1);
        out.print(new char[] {'\u4f4d'});
        out.flush();
        assertArrayEquals("\u4f4d\u4f4d\u4f4d".getBytes(StandardCharsets.UTF_8), bytes.toByteArray());
    }
}
