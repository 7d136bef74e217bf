package io.jvirt.cli;

import io.jvirt.cli.session.ConsoleCharset;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Recovers command-line arguments the JVM decoded as ASCII. Under a C/POSIX locale Java turns
 * every non-ASCII byte of {@code argv} into U+FFFD ({@code probe-utf8-位} arrives as three
 * replacement characters), which {@code ./jvirsh} avoids by running the JVM with a UTF-8
 * {@code LC_CTYPE}; for {@code java -jar jvirsh.jar} under such a locale the original bytes are
 * read back from {@code /proc/self/cmdline} (Linux) and decoded as UTF-8, like virsh passes
 * bytes through. An argument is replaced only when its bytes match what Java made of it
 * (same length, same ASCII characters where Java kept them) and are valid UTF-8.
 */
final class ArgumentCharset {
    private static final char REPLACEMENT = '\uFFFD';

    private ArgumentCharset() {
    }

    static String[] recover(String[] args) {
        if (!ConsoleCharset.isAscii(ConsoleCharset.locale()) || noneReplaced(args)) {
            return args;
        }
        try {
            return recover(args, Files.readAllBytes(Path.of("/proc/self/cmdline")));
        } catch (IOException | RuntimeException e) {
            return args; // not Linux, or /proc not readable: keep what Java decoded
        }
    }

    /** {@code args} with each damaged argument replaced by the UTF-8 reading of its bytes in {@code cmdline}. */
    static String[] recover(String[] args, byte[] cmdline) {
        List<byte[]> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                words.add(java.util.Arrays.copyOfRange(cmdline, start, i));
                start = i + 1;
            }
        }
        if (words.size() < args.length) {
            return args;
        }
        String[] out = args.clone();
        int offset = words.size() - args.length; // the program's arguments come last
        for (int i = 0; i < args.length; i++) {
            byte[] raw = words.get(offset + i);
            if (args[i].indexOf(REPLACEMENT) >= 0 && matches(args[i], raw)) {
                String utf8 = strictUtf8(raw);
                if (utf8 != null) {
                    out[i] = utf8;
                }
            }
        }
        return out;
    }

    private static boolean noneReplaced(String[] args) {
        for (String a : args) {
            if (a.indexOf(REPLACEMENT) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** True when Java's ASCII decoding of {@code raw} gives {@code decoded}. */
    private static boolean matches(String decoded, byte[] raw) {
        if (decoded.length() != raw.length) {
            return false;
        }
        for (int j = 0; j < raw.length; j++) {
            char c = decoded.charAt(j);
            if (raw[j] >= 0 ? c != raw[j] : c != REPLACEMENT) {
                return false;
            }
        }
        return true;
    }

    private static String strictUtf8(byte[] raw) {
        Charset utf8 = StandardCharsets.UTF_8;
        try {
            return utf8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
