package io.jvirt.vmx;

import io.jvirt.spi.ErrorCode;
import io.jvirt.spi.ErrorDomain;
import io.jvirt.spi.HypervisorException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the VMX syntax: {@code name = "value"} statements separated by line breaks or {@code ;},
 * {@code #} comments, values quoted with {@code "}, {@code '} or {@code """} (multi-line), no
 * escapes. Every syntax error is a {@link VmxSyntaxException} with line and column.
 */
public final class VmxParser {
    /** Files above this size are refused (VMX files are a few KiB). */
    public static final int MAX_CHARS = 8 * 1024 * 1024;

    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    private VmxParser(String text) {
        this.text = text;
    }

    /**
     * Parses a VMX file given as bytes: the bytes are read as UTF-8 unless the file declares another
     * {@code .encoding}, in which case the whole file is decoded again from that charset.
     */
    public static VmxFile parse(byte[] data) {
        if (data.length > MAX_CHARS) {
            throw tooLarge(data.length);
        }
        String utf8 = new String(data, StandardCharsets.UTF_8);
        VmxFile first = parseText(utf8);
        Charset cs = declaredCharset(first);
        if (cs == null) {
            return first;
        }
        return parseText(decode(data, cs));
    }

    /**
     * Parses VMX text that is already decoded. A declared {@code .encoding} must name a charset
     * Java knows, but the text is not converted again.
     */
    public static VmxFile parse(String text) {
        VmxFile file = parseText(text);
        declaredCharset(file);
        return file;
    }

    private static HypervisorException tooLarge(int size) {
        return HypervisorException.of(ErrorCode.CONF_SYNTAX, ErrorDomain.CONF,
                "VMX file too large: %d bytes (at most %d)", size, MAX_CHARS);
    }

    /** The charset named by {@code .encoding}, or null when absent or UTF-8. */
    static Charset declaredCharset(VmxFile file) {
        VmxEntry enc = file.entry(".encoding");
        if (enc == null || enc.value().equalsIgnoreCase("UTF-8")) {
            return null;
        }
        try {
            Charset cs = Charset.forName(enc.value());
            return cs.equals(StandardCharsets.UTF_8) ? null : cs;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw HypervisorException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                    "VMX entry '.encoding' at line %d names encoding '%s' which is not supported", enc.line(),
                    enc.value());
        }
    }

    /** Decodes strictly; a byte sequence invalid in that charset is an error. */
    public static String decode(byte[] data, Charset cs) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw HypervisorException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                    "Could not convert from %s to UTF-8 encoding", cs.name());
        }
    }

    private static VmxFile parseText(String text) {
        if (text.length() > MAX_CHARS) {
            throw tooLarge(text.length());
        }
        return new VmxParser(text).run();
    }

    private VmxFile run() {
        List<VmxEntry> entries = new ArrayList<>();
        int len = text.length();
        while (true) {
            skipBlanks();
            if (pos >= len) {
                break;
            }
            char c = text.charAt(pos);
            if (c == '#') {
                skipComment();
                continue;
            }
            if (c == '\n' || c == '\r' || c == ';') {
                separator();
                continue;
            }
            if (!isNameStart(c)) {
                throw error("expecting a name");
            }
            int stmtLine = line;
            int start = pos;
            while (pos < len && isNameChar(text.charAt(pos))) {
                pos++;
            }
            String name = text.substring(start, pos);
            skipBlanks();
            if (pos >= len || text.charAt(pos) != '=') {
                throw error("expecting an assignment");
            }
            pos++;
            skipBlanks();
            String value = value();
            skipBlanks();
            if (pos < len && text.charAt(pos) == '#') {
                skipComment();
            }
            if (pos < len) {
                char s = text.charAt(pos);
                if (s != '\n' && s != '\r' && s != ';') {
                    throw error("expecting a separator");
                }
            }
            entries.add(new VmxEntry(name, value, stmtLine));
        }
        return new VmxFile(entries);
    }

    private String value() {
        int len = text.length();
        if (pos >= len) {
            throw error("expecting a value");
        }
        char c = text.charAt(pos);
        if (c == '"' && text.startsWith("\"\"\"", pos)) {
            int startLine = line;
            int startCol = pos - lineStart + 1;
            int start = pos + 3;
            int end = text.indexOf("\"\"\"", start);
            if (end < 0) {
                throw new VmxSyntaxException(startLine, startCol, "unterminated string");
            }
            for (int i = start; i < end; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            pos = end + 3;
            return text.substring(start, end);
        }
        if (c == '"' || c == '\'') {
            int start = pos + 1;
            int i = start;
            while (i < len) {
                char d = text.charAt(i);
                if (d == c) {
                    pos = i + 1;
                    return text.substring(start, i);
                }
                if (d == '\n' || d == '\r') {
                    break;
                }
                i++;
            }
            throw error("unterminated string");
        }
        if ((c >= '0' && c <= '9') || c == '-' || c == '+') {
            throw error("numbers not allowed in VMX format");
        }
        if (c == '[') {
            throw error("lists not allowed in VMX format");
        }
        throw error("expecting a value");
    }

    private void skipBlanks() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private void skipComment() {
        while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
            pos++;
        }
    }

    private void separator() {
        if (text.charAt(pos) == '\n') {
            line++;
            lineStart = pos + 1;
        }
        pos++;
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.';
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9') || c == '_' || c == ':' || c == '-';
    }

    private VmxSyntaxException error(String message) {
        String near = "";
        if (pos < text.length()) {
            char c = text.charAt(pos);
            near = c >= 0x20 && c < 0x7f ? " near '" + c + "'" : String.format(" near character U+%04X", (int) c);
        }
        return new VmxSyntaxException(line, pos - lineStart + 1, message + near);
    }
}
