package io.jvirt.vmx.util;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The charsets of VMX files. VMware products name the encoding of a {@code .vmx} in its
 * {@code .encoding} entry with ICU converter names and aliases: {@code UTF-8} (ESXi, Fusion, Linux
 * hosts with a UTF-8 locale) or the Windows host's ANSI code page ({@code windows-1252},
 * {@code windows-1250}..{@code windows-1258}, {@code Shift_JIS}, {@code GBK}, {@code Big5},
 * {@code windows-949-2000}, {@code windows-874-2000}, ...), or a Linux host's locale codeset
 * ({@code ISO-8859-15}, {@code KOI8-R}, {@code EUC-JP}, ...). {@link #forVmwareName(String)} maps
 * such a name to the Java charset with the same byte-to-character table, following ICU's choices
 * where a name is ambiguous (ICU reads {@code Shift_JIS} as the Windows code page 932, {@code GBK}
 * as 936, {@code Big5} as 950).
 */
public final class VmxCharsets {
    private VmxCharsets() {
    }

    /** Normalized VMware/ICU name (lower case, letters and digits only) to Java charset name. */
    private static final Map<String, String> NAMES = new HashMap<>();

    private static void alias(String javaName, String... names) {
        for (String n : names) {
            NAMES.put(normalize(n), javaName);
        }
    }

    static {
        alias("UTF-8", "UTF-8", "utf8", "ibm-1208", "cp1208", "unicode-1-1-utf-8");
        alias("US-ASCII", "US-ASCII", "ascii", "ANSI_X3.4-1968", "us", "iso646-us", "cp367", "ibm367");
        // Windows ANSI code pages: the alias VMware writes and ICU's canonical converter names.
        alias("windows-1250", "windows-1250", "cp1250", "ibm-5346_P100-1998", "ibm-5346");
        alias("windows-1251", "windows-1251", "cp1251", "ibm-5347_P100-1998", "ibm-5347");
        alias("windows-1252", "windows-1252", "cp1252", "ibm-5348_P100-1997", "ibm-5348");
        alias("windows-1253", "windows-1253", "cp1253", "ibm-5349_P100-1998", "ibm-5349");
        alias("windows-1254", "windows-1254", "cp1254", "ibm-5350_P100-1998", "ibm-5350");
        alias("windows-1255", "windows-1255", "cp1255", "ibm-9447_P100-2002", "ibm-9447");
        alias("windows-1256", "windows-1256", "cp1256", "ibm-9448_X100-2005", "ibm-9448");
        alias("windows-1257", "windows-1257", "cp1257", "ibm-9449_P100-2002", "ibm-9449");
        alias("windows-1258", "windows-1258", "cp1258", "ibm-5354_P100-1998", "ibm-5354");
        // The ICU converters named windows-NNN-2000 and their aliases.
        alias("x-windows-874", "windows-874-2000", "windows-874", "MS874", "x-windows-874");
        alias("x-mswin-936", "windows-936-2000", "windows-936", "GBK", "CP936", "MS936", "x-mswin-936");
        alias("x-windows-949", "windows-949-2000", "windows-949", "MS949", "x-windows-949", "ks_c_5601-1987",
                "ks_c_5601-1989", "korean", "csKSC56011987", "iso-ir-149", "KSC_5601");
        alias("x-windows-950", "windows-950-2000", "windows-950", "Big5", "csBig5", "x-big5", "CP950", "MS950",
                "x-windows-950");
        // Japanese: ICU's Shift_JIS is ibm-943_P15A-2003, the Windows code page 932 table.
        alias("windows-31j", "Shift_JIS", "ibm-943_P15A-2003", "ibm-943", "windows-31j", "csWindows31J", "cp932",
                "ms932", "windows-932", "MS_Kanji", "csShiftJIS", "sjis", "x-sjis");
        alias("EUC-JP", "EUC-JP", "ibm-33722_P12A_P12A-2009_U2", "ibm-33722", "eucjis", "x-euc-jp",
                "csEUCPkdFmtJapanese", "Extended_UNIX_Code_Packed_Format_for_Japanese");
        alias("ISO-2022-JP", "ISO-2022-JP", "csISO2022JP");
        // Chinese and Korean EUC, GB18030, HKSCS.
        alias("GB2312", "GB2312", "ibm-1383_P110-1999", "ibm-1383", "EUC-CN", "csGB2312", "gb2312-1980",
                "GB_2312-80", "chinese");
        alias("GB18030", "GB18030", "ibm-1392", "windows-54936");
        alias("EUC-KR", "EUC-KR", "ibm-970_P110_P110-2006_U2", "ibm-970", "csEUCKR", "windows-51949", "cp970");
        alias("Big5-HKSCS", "Big5-HKSCS", "ibm-1375_P100-2008", "ibm-1375", "big5hk", "HKSCS-BIG5");
        alias("TIS-620", "TIS-620", "tis620.2533");
        // ISO 8859 parts with the ICU canonical names.
        alias("ISO-8859-1", "ISO-8859-1", "latin1", "l1", "ibm-819", "cp819", "8859_1", "csISOLatin1",
                "iso-ir-100", "ISO_8859-1:1987");
        alias("ISO-8859-2", "ISO-8859-2", "latin2", "l2", "ibm-912_P100-1995", "ibm-912", "8859_2", "csISOLatin2");
        alias("ISO-8859-3", "ISO-8859-3", "latin3", "l3", "ibm-913_P100-2000", "ibm-913", "8859_3", "csISOLatin3");
        alias("ISO-8859-4", "ISO-8859-4", "latin4", "l4", "ibm-914_P100-1995", "ibm-914", "8859_4", "csISOLatin4");
        alias("ISO-8859-5", "ISO-8859-5", "cyrillic", "ibm-915_P100-1995", "ibm-915", "8859_5",
                "csISOLatinCyrillic");
        alias("ISO-8859-6", "ISO-8859-6", "arabic", "ibm-1089_P100-1995", "ibm-1089", "8859_6", "ASMO-708",
                "ECMA-114", "csISOLatinArabic");
        alias("ISO-8859-7", "ISO-8859-7", "greek", "greek8", "ibm-9005_X110-2007", "ibm-9005", "ibm-813",
                "8859_7", "ELOT_928", "ECMA-118", "csISOLatinGreek");
        alias("ISO-8859-8", "ISO-8859-8", "hebrew", "ibm-5012_P100-1999", "ibm-5012", "ibm-916", "8859_8",
                "csISOLatinHebrew");
        alias("ISO-8859-9", "ISO-8859-9", "latin5", "l5", "ibm-920_P100-1995", "ibm-920", "8859_9", "csISOLatin5");
        alias("x-iso-8859-11", "ISO-8859-11", "iso-8859_11-2001", "thai8");
        alias("ISO-8859-13", "ISO-8859-13", "latin7", "l7", "ibm-921_P100-1995", "ibm-921", "8859_13");
        alias("ISO-8859-15", "ISO-8859-15", "latin9", "l9", "latin-9", "ibm-923_P100-1998", "ibm-923", "8859_15",
                "csISOlatin9");
        alias("ISO-8859-16", "ISO-8859-16", "latin10", "l10", "iso-8859_16-2001", "8859_16");
        // Cyrillic code pages of Linux locales.
        alias("KOI8-R", "KOI8-R", "ibm-878_P100-1996", "ibm-878", "koi8", "csKOI8R", "cp878");
        alias("KOI8-U", "KOI8-U", "ibm-1168_P100-2002", "ibm-1168");
        // Mac OS code pages (ICU's macos-* converters), as very old Fusion releases could write.
        alias("x-MacRoman", "macintosh", "macos-0_2-10.2", "mac", "csMacintosh", "x-MacRoman", "MacRoman");
        alias("x-MacCentralEurope", "macos-29-10.2", "x-mac-centraleurroman", "MacCentralEurope");
        alias("x-MacCyrillic", "macos-7_3-10.2", "x-mac-cyrillic", "MacCyrillic");
        alias("x-MacGreek", "macos-6_2-10.4", "x-mac-greek", "MacGreek");
        alias("x-MacTurkish", "macos-35-10.2", "x-mac-turkish", "MacTurkish");
        // DOS code pages.
        alias("IBM437", "ibm-437_P100-1995", "ibm-437", "IBM437", "cp437", "437", "csPC8CodePage437");
        alias("IBM850", "ibm-850_P100-1995", "ibm-850", "IBM850", "cp850", "850");
        alias("IBM852", "ibm-852_P100-1995", "ibm-852", "IBM852", "cp852", "852");
        alias("IBM866", "ibm-866_P100-1995", "ibm-866", "IBM866", "cp866", "866");
    }

    /** ICU compares converter names ignoring case and everything but letters and digits. */
    static String normalize(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                sb.append((char) (c + ('a' - 'A')));
            }
        }
        return sb.toString();
    }

    private static final Pattern WINDOWS_YEAR = Pattern.compile("(?i)(windows-\\d+)-\\d{4}");
    private static final Pattern IBM_TABLE = Pattern.compile("(?i)ibm-(\\d+)(_.*)?");

    /**
     * The Java charset for an encoding name VMware writes in {@code .encoding}, or empty when
     * this Java runtime has no such charset or the charset cannot be a VMX file's (it must encode
     * ASCII as ASCII, as every encoding VMware writes does).
     */
    public static Optional<Charset> forVmwareName(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            return Optional.empty();
        }
        String javaName = NAMES.get(normalize(name));
        Charset cs = javaName != null ? lookup(javaName) : null;
        if (cs == null) {
            cs = lookup(name.strip());
        }
        if (cs == null) {
            Matcher m = WINDOWS_YEAR.matcher(name.strip());
            if (m.matches()) {
                cs = lookup(m.group(1));
            }
        }
        if (cs == null) {
            Matcher m = IBM_TABLE.matcher(name.strip());
            if (m.matches()) {
                cs = lookup("IBM" + m.group(1));
                if (cs == null) {
                    cs = lookup("x-IBM" + m.group(1));
                }
            }
        }
        return cs != null && asciiCompatible(cs) ? Optional.of(cs) : Optional.empty();
    }

    private static Charset lookup(String javaName) {
        try {
            return Charset.isSupported(javaName) ? Charset.forName(javaName) : null;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static final String ASCII_PROBE = ".encoding = \"x\"\n#;'\tconfig.version 0123456789 AZaz_:-[]|%/\\";

    /** Whether the charset writes the VMX syntax characters as ASCII and reads them back. */
    private static boolean asciiCompatible(Charset cs) {
        if (!cs.canEncode()) {
            return false;
        }
        byte[] ascii = ASCII_PROBE.getBytes(StandardCharsets.US_ASCII);
        try {
            ByteBuffer encoded = cs.newEncoder().encode(CharBuffer.wrap(ASCII_PROBE));
            byte[] got = new byte[encoded.remaining()];
            encoded.get(got);
            return java.util.Arrays.equals(got, ascii)
                    && new String(ascii, cs).equals(ASCII_PROBE);
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Decodes a whole VMX file strictly. A byte sequence that is not valid in the charset is an
     * {@code INTERNAL_ERROR} naming the file (when known), the charset, the line and column (in
     * bytes) and the offending bytes, with libvirt's wording "Could not convert from %s to UTF-8
     * encoding" at its start.
     *
     * @param declared the name as the file declares it (shown in errors), or null when the file
     *                 declares no {@code .encoding} and is read as UTF-8
     */
    public static String decode(byte[] data, Charset cs, String declared, String sourceName) {
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(data);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L,
                (long) Math.ceil(data.length * (double) dec.maxCharsPerByte()) + 16));
        CoderResult r = dec.decode(in, out, true);
        if (!r.isError()) {
            r = dec.flush(out);
        }
        if (r.isError()) {
            throw undecodable(data, in.position(), r.length(), cs, declared, sourceName);
        }
        if (r.isOverflow()) {
            // cannot happen with maxCharsPerByte sizing; fall back to the allocating decoder
            try {
                return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
            } catch (CharacterCodingException e) {
                throw undecodable(data, 0, 1, cs, declared, sourceName);
            }
        }
        out.flip();
        return out.toString();
    }

    private static HypervisorException undecodable(byte[] data, int offset, int length, Charset cs, String declared,
            String sourceName) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < data.length; i++) {
            if (data[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        StringBuilder bytes = new StringBuilder();
        for (int i = offset; i < Math.min(data.length, offset + Math.max(1, length)); i++) {
            if (bytes.length() > 0) {
                bytes.append(' ');
            }
            bytes.append(String.format("0x%02X", data[i] & 0xff));
        }
        String name = declared != null ? declared : cs.name();
        String file = sourceName == null ? "" : "VMX file '" + sourceName + "': ";
        String why = declared != null ? "as declared by its '.encoding' entry"
                : "the file declares no '.encoding', so it must be UTF-8";
        String what = cs.equals(StandardCharsets.UTF_8) ? "Could not read the file as UTF-8"
                : "Could not convert from " + name + " to UTF-8 encoding";
        return new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE, String.format(
                "%s%s: %s %s at line %d, column %d %s not valid %s (%s)", file, what, length > 1 ? "bytes" : "byte",
                bytes, line, offset - lineStart + 1, length > 1 ? "are" : "is", name, why));
    }

    /** The error for an {@code .encoding} naming a charset {@link #forVmwareName} does not know. */
    public static HypervisorException unsupported(String encoding, int line, String sourceName) {
        String file = sourceName == null ? "" : "VMX file '" + sourceName + "': ";
        return new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE, String.format(
                "%sVMX entry '.encoding' at line %d names encoding '%s' which is not supported", file, line,
                encoding));
    }

    /**
     * Encodes VMX text in the charset its {@code .encoding} names (UTF-8 when absent, as libvirt
     * and VMware read such files). jvirt's writer always declares UTF-8, as libvirt's does.
     * A character the charset cannot represent is an error naming it.
     */
    public static byte[] encode(String vmxText, String encoding) {
        Charset cs = encoding == null ? StandardCharsets.UTF_8
                : forVmwareName(encoding).orElseThrow(() -> unsupported(encoding, 1, null));
        CharsetEncoder enc = cs.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer b = enc.encode(CharBuffer.wrap(vmxText));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (CharacterCodingException e) {
            int bad = firstUnencodable(vmxText, cs);
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE, String.format(
                    "Could not convert from UTF-8 to %s encoding: character U+%04X at offset %d cannot be written "
                            + "in %s",
                    encoding, bad < 0 ? 0 : vmxText.codePointAt(bad), bad, encoding));
        }
    }

    private static int firstUnencodable(String text, Charset cs) {
        CharsetEncoder enc = cs.newEncoder();
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            if (!enc.canEncode(text.substring(i, text.offsetByCodePoints(i, 1)))) {
                return i;
            }
        }
        return -1;
    }

    /** Converts bytes in the named encoding (e.g. {@code Windows-1252}) to UTF-8 bytes. */
    public static byte[] toUtf8(byte[] data, String encoding) {
        Charset cs = forVmwareName(encoding).orElseThrow(() -> new HypervisorException(ErrorCode.INTERNAL_ERROR,
                ErrorDomain.NONE, String.format("encoding '%s' is not supported", encoding)));
        return decode(data, cs, encoding, null).getBytes(StandardCharsets.UTF_8);
    }
}
