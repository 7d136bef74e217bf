package io.jvirt.cli.session;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * The charset jvirsh writes and reads its standard streams in, chosen so that no character is
 * ever lost (virsh writes UTF-8 whatever the locale):
 * <ul>
 * <li>a C or POSIX locale ({@code LC_ALL=C}, cron, CI) has an ASCII codeset: jvirsh writes UTF-8
 *     (Java itself would write every non-ASCII character as {@code ?});</li>
 * <li>a Unicode codeset (UTF-8, ...): that one;</li>
 * <li>any other codeset (ISO-8859-1, EUC-JP, ...): each piece of text in that codeset when it can
 *     represent it, so the terminal shows it right, and in UTF-8 when it cannot.</li>
 * </ul>
 * The locale's codeset is the JVM's {@code native.encoding}, which Java derives from
 * {@code LC_ALL}/{@code LC_CTYPE}/{@code LANG} at start-up.
 */
public final class ConsoleCharset {
    private ConsoleCharset() {
    }

    /** The codeset of the process's locale. */
    public static Charset locale() {
        String name = System.getProperty("native.encoding");
        if (name != null) {
            try {
                return Charset.forName(name);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                // a codeset Java does not know: fall through to the JVM's default
            }
        }
        return Charset.defaultCharset();
    }

    /** The charset to decode standard input with: UTF-8 instead of ASCII, else the locale's. */
    public static Charset input(Charset locale) {
        return isAscii(locale) ? StandardCharsets.UTF_8 : locale;
    }

    /**
     * A print stream on {@code out} that writes text without loss for a locale of this codeset;
     * it flushes at every line end ({@code print} of text with a newline, {@code println}).
     */
    public static PrintStream stream(OutputStream out, Charset locale) {
        if (isAscii(locale) || !locale.canEncode()) {
            return new PrintStream(out, true, StandardCharsets.UTF_8);
        }
        if (isUnicode(locale)) {
            return new PrintStream(out, true, locale);
        }
        return new FallbackPrintStream(out, locale);
    }

    /** Standard output, flushed at each line like {@code System.out}. */
    public static PrintStream stdout(Charset locale) {
        return stream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 8192), locale);
    }

    /** Standard error, flushed at each line. */
    public static PrintStream stderr(Charset locale) {
        return stream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.err), 8192), locale);
    }

    public static boolean isAscii(Charset cs) {
        return cs.equals(StandardCharsets.US_ASCII);
    }

    private static boolean isUnicode(Charset cs) {
        return cs.name().startsWith("UTF-") || cs.name().equals("GB18030");
    }

    /**
     * Writes each string in the locale's codeset when it can encode all of it, else in UTF-8:
     * a terminal in a legacy codeset shows what it can, and a script still gets every
     * character (as UTF-8 bytes) instead of {@code ?}.
     */
    public static final class FallbackPrintStream extends PrintStream {
        private final CharsetEncoder probe;
        private final Charset locale;

        FallbackPrintStream(OutputStream out, Charset locale) {
            super(out, true, locale);
            this.locale = locale;
            this.probe = locale.newEncoder();
        }

        Charset locale() {
            return locale;
        }

        @Override
        public synchronized void print(String s) {
            String text = String.valueOf(s);
            if (probe.canEncode(text)) {
                super.print(text);
            } else {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                write(bytes, 0, bytes.length);
            }
        }

        @Override
        public void print(char c) {
            print(String.valueOf(c));
        }

        @Override
        public void print(char[] s) {
            print(new String(s));
        }

        @Override
        public void print(Object obj) {
            print(String.valueOf(obj));
        }

        @Override
        public synchronized void println(String x) {
            print(x);
            println();
        }

        @Override
        public synchronized void println(char[] x) {
            print(x);
            println();
        }

        @Override
        public synchronized void println(Object x) {
            print(String.valueOf(x));
            println();
        }

        @Override
        public synchronized void println(char x) {
            print(x);
            println();
        }

        @Override
        public PrintStream append(CharSequence csq) {
            print(String.valueOf(csq));
            return this;
        }

        @Override
        public PrintStream append(CharSequence csq, int start, int end) {
            return append(csq == null ? "null".subSequence(start, end) : csq.subSequence(start, end));
        }

        @Override
        public PrintStream append(char c) {
            print(c);
            return this;
        }
    }
}
