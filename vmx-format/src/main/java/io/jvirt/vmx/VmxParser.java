package io.jvirt.vmx;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

import io.jvirt.vmx.util.VmxCharsets;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
    private final String source;
    private int pos;
    private int line = 1;
    private int lineStart;

    private VmxParser(String text, String source) {
        this.text = text;
        this.source = source;
    }

    /**
     * Parses a VMX file given as bytes, decoded as its {@code .encoding} entry declares (UTF-8 when
     * there is none). See {@link #parse(byte[], String)}.
     */
    public static VmxFile parse(byte[] data) {
        return parse(data, null);
    }

    /**
     * Parses a VMX file given as bytes. The bytes are decoded strictly in the charset the file's
     * {@code .encoding} entry names (any name VMware writes, see
     * {@link VmxCharsets#forVmwareName(String)}), or as UTF-8 when the entry is absent; a leading
     * UTF-8 byte order mark is ignored. Errors name the file when {@code sourceName} is not null.
     */
    public static VmxFile parse(byte[] data, String sourceName) {
        return decoded(data, sourceName).file;
    }

    /**
     * The text of a VMX file given as bytes, decoded as {@link #parse(byte[], String)} decodes
     * it, for callers that hand VMX text on (e.g. {@code domxml-from-native} reading a file).
     */
    public static String decode(byte[] data, String sourceName) {
        return decoded(data, sourceName).text;
    }

    private record Decoded(String text, VmxFile file) {
    }

    private static Decoded decoded(byte[] data, String sourceName) {
        if (data.length > MAX_CHARS) {
            throw tooLarge(data.length);
        }
        boolean ascii = true;
        for (byte b : data) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        // Every encoding VMware writes is ASCII-compatible and no multi-byte sequence of them
        // contains a byte below 0x40, so reading the bytes as ISO-8859-1 finds '.encoding' exactly.
        String latin1 = new String(data, StandardCharsets.ISO_8859_1);
        VmxFile first = null;
        VmxSyntaxException rawError = null;
        VmxEntry enc;
        try {
            first = parseText(latin1, sourceName);
            enc = first.entry(".encoding");
        } catch (VmxSyntaxException e) {
            if (ascii) {
                throw e;
            }
            rawError = e;
            enc = scanEncoding(latin1);
        }
        Charset cs = StandardCharsets.UTF_8;
        String declared = null;
        if (enc != null) {
            declared = enc.value();
            if (!enc.value().equalsIgnoreCase("UTF-8")) {
                VmxEntry e = enc;
                cs = VmxCharsets.forVmwareName(enc.value())
                        .orElseThrow(() -> VmxCharsets.unsupported(e.value(), e.line(), sourceName));
            }
        }
        if (ascii && first != null) {
            return new Decoded(latin1, first);
        }
        String text;
        try {
            text = VmxCharsets.decode(data, cs, declared, sourceName);
        } catch (HypervisorException e) {
            // Neither text nor valid in its charset (binary data): libvirt parses before it
            // decodes, so its syntax error comes first.
            throw rawError != null ? rawError : e;
        }
        if (cs.equals(StandardCharsets.UTF_8) && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new Decoded(text, parseText(text, sourceName));
    }

    /** Finds the first {@code .encoding = "..."} line in text that does not parse as a whole. */
    private static VmxEntry scanEncoding(String text) {
        int lineNo = 1;
        int i = 0;
        int len = text.length();
        while (i < len) {
            int end = i;
            while (end < len && text.charAt(end) != '\n') {
                end++;
            }
            String l = text.substring(i, end).strip();
            if (l.startsWith("\u00EF\u00BB\u00BF")) {
                l = l.substring(3).strip();
            }
            if (l.regionMatches(true, 0, ".encoding", 0, 9)) {
                String rest = l.substring(9).strip();
                if (rest.startsWith("=")) {
                    rest = rest.substring(1).strip();
                    if (rest.length() >= 2 && (rest.charAt(0) == '"' || rest.charAt(0) == '\'')) {
                        int close = rest.indexOf(rest.charAt(0), 1);
                        if (close > 0) {
                            return new VmxEntry(".encoding", rest.substring(1, close), lineNo);
                        }
                    }
                }
            }
            lineNo++;
            i = end + 1;
        }
        return null;
    }

    /**
     * Parses VMX text that is already decoded. A declared {@code .encoding} must name a charset
     * VMware writes and Java knows, but the text is not converted again.
     */
    public static VmxFile parse(String text) {
        VmxFile file = parseText(text, null);
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
        Charset cs = VmxCharsets.forVmwareName(enc.value())
                .orElseThrow(() -> VmxCharsets.unsupported(enc.value(), enc.line(), null));
        return cs.equals(StandardCharsets.UTF_8) ? null : cs;
    }

    private static VmxFile parseText(String text, String source) {
        if (text.length() > MAX_CHARS) {
            throw tooLarge(text.length());
        }
        return new VmxParser(text, source).run();
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
                throw new VmxSyntaxException(source, startLine, startCol, "unterminated string");
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
        return new VmxSyntaxException(source, line, pos - lineStart + 1, message + near);
    }
}
