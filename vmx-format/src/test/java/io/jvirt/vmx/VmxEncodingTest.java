package io.jvirt.vmx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vmx.convert.Vmx;
import io.jvirt.vmx.corpus.CorpusFileNameMapper;
import io.jvirt.vmx.util.VmxCharsets;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code .encoding} names VMware writes, strict decoding, and the errors for undecodable files. */
class VmxEncodingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // what Workstation writes on Windows hosts: the ANSI code page, in ICU's spelling
        "windows-1252, windows-1252", "Windows-1252, windows-1252", "windows-1250, windows-1250",
        "windows-1251, windows-1251", "windows-1253, windows-1253", "windows-1254, windows-1254",
        "windows-1255, windows-1255", "windows-1256, windows-1256", "windows-1257, windows-1257",
        "windows-1258, windows-1258", "windows-874-2000, x-windows-874", "windows-949-2000, x-windows-949",
        "windows-936-2000, x-mswin-936", "windows-950-2000, x-windows-950", "GBK, x-mswin-936",
        "gb2312, GB2312", "windows-936, x-mswin-936", "Big5, x-windows-950", "Shift_JIS, windows-31j",
        "windows-31j, windows-31j", "windows-932, windows-31j", "EUC-JP, EUC-JP", "EUC-KR, EUC-KR",
        "GB18030, GB18030", "Big5-HKSCS, Big5-HKSCS",
        // Linux host locales and ICU canonical converter names
        "UTF-8, UTF-8", "utf8, UTF-8", "ISO-8859-1, ISO-8859-1", "ISO-8859-2, ISO-8859-2",
        "ISO-8859-15, ISO-8859-15", "iso-8859_11-2001, x-iso-8859-11", "ibm-5348_P100-1997, windows-1252",
        "ibm-943_P15A-2003, windows-31j", "ibm-33722_P12A_P12A-2009_U2, EUC-JP", "KOI8-R, KOI8-R",
        "KOI8-U, KOI8-U", "macos-0_2-10.2, x-MacRoman", "US-ASCII, US-ASCII", "ibm-437_P100-1995, IBM437",
        "ibm-866_P100-1995, IBM866", "windows-1252-2000, windows-1252", "TIS-620, TIS-620"})
    void vmwareNamesMapToJavaCharsets(String vmware, String java) {
        assertEquals(Charset.forName(java), VmxCharsets.forVmwareName(vmware).orElseThrow());
    }

    @Test
    void namesThatCannotBeAVmxFileAreRefused() {
        assertTrue(VmxCharsets.forVmwareName("x-no-such-charset").isEmpty());
        assertTrue(VmxCharsets.forVmwareName("UTF-16").isEmpty(), "not ASCII-compatible");
        assertTrue(VmxCharsets.forVmwareName("UTF-32BE").isEmpty());
        assertTrue(VmxCharsets.forVmwareName("").isEmpty());
    }

    private static byte[] vmx(String charset, String displayName) {
        String text = ".encoding = \"" + charset + "\"\nconfig.version = \"8\"\nvirtualHW.version = \"4\"\n"
                + "displayName = \"" + displayName + "\"\n";
        return text.getBytes(VmxCharsets.forVmwareName(charset).orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "windows-949-2000, '가상 머신 똠방각하'", // 똠 exists only in code page 949, not in EUC-KR
        "Shift_JIS, '仮想マシン①～'", // ① and the full-width tilde need code page 932
        "GBK, '虚拟机 €'", // 0x80 is the euro sign in code page 936
        "Big5, '虛擬機器'", "windows-1252, 'Ä€œ—'", "windows-1250, 'Žluťoučký kůň'",
        "windows-1251, 'Виртуальная машина'", "windows-1253, 'Εικονική μηχανή'", "windows-1254, 'Sanal makine ğış'",
        "windows-1255, 'מכונה וירטואלית'", "windows-1256, 'آلة افتراضية'", "windows-1257, 'Virtuāla mašīna'",
        "windows-1258, 'Máy ơ Đăng'", "windows-874-2000, 'เครื่องเสมือน'", "EUC-JP, '仮想マシン'",
        "KOI8-R, 'Виртуальная'", "ISO-8859-15, 'Œuvre €'"})
    void declaredEncodingsAreDecoded(String charset, String name) {
        byte[] data = vmx(charset, name);
        assertEquals(name, VmxParser.parse(data, "vm.vmx").get("displayName"));
        assertEquals(name, Vmx.toDomain(data, "vm.vmx", VmxContext.of(new CorpusFileNameMapper())).name());
    }

    @Test
    void undecodableBytesNameFileLineColumnAndCharset() {
        byte[] data = ".encoding = \"windows-1252\"\nconfig.version = \"8\"\ndisplayName = \"A\u0081Z\"\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        HypervisorException e = assertThrows(HypervisorException.class,
                () -> VmxParser.parse(data, "[ds1] vm/vm.vmx"));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertEquals("VMX file '[ds1] vm/vm.vmx': Could not convert from windows-1252 to UTF-8 encoding: byte 0x81 "
                + "at line 3, column 17 is not valid windows-1252 (as declared by its '.encoding' entry)",
                e.getMessage());
        // without a file name, the same text without the prefix
        HypervisorException anon = assertThrows(HypervisorException.class, () -> VmxParser.parse(data));
        assertTrue(anon.getMessage().startsWith("Could not convert from windows-1252 to UTF-8 encoding: byte 0x81 "
                + "at line 3, column 17"), anon.getMessage());
    }

    @Test
    void truncatedMultiByteSequenceIsReported() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(".encoding = \"Shift_JIS\"\n".getBytes(StandardCharsets.US_ASCII));
        b.writeBytes("displayName = \"".getBytes(StandardCharsets.US_ASCII));
        b.write(0x82); // lead byte followed by a quote: not a character in code page 932
        b.writeBytes("\"\n".getBytes(StandardCharsets.US_ASCII));
        HypervisorException e = assertThrows(HypervisorException.class,
                () -> VmxParser.parse(b.toByteArray(), "jp.vmx"));
        assertTrue(e.getMessage().startsWith("VMX file 'jp.vmx': Could not convert from Shift_JIS to UTF-8 encoding: "
                + "byte 0x82 at line 2, column 16"), e.getMessage());
        assertFalse(e.getMessage().contains("Input length"), e.getMessage());
    }

    @Test
    void utf8WithoutDeclarationMustBeValid() {
        // a windows-1252 file that forgot its .encoding: not silently turned into U+FFFD
        byte[] data = "config.version = \"8\"\ndisplayName = \"M\u00fcller\"\n".getBytes(StandardCharsets.ISO_8859_1);
        HypervisorException e = assertThrows(HypervisorException.class, () -> VmxParser.parse(data, "old.vmx"));
        assertEquals("VMX file 'old.vmx': Could not read the file as UTF-8: byte 0xFC at line 2, column 17 is not "
                + "valid UTF-8 (the file declares no '.encoding', so it must be UTF-8)", e.getMessage());
    }

    @Test
    void unsupportedEncodingNamesTheFileAndLine() {
        byte[] data = "config.version = \"8\"\n.encoding = \"ISO-8859-10\"\n".getBytes(StandardCharsets.US_ASCII);
        HypervisorException e = assertThrows(HypervisorException.class, () -> VmxParser.parse(data, "nordic.vmx"));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertEquals("VMX file 'nordic.vmx': VMX entry '.encoding' at line 2 names encoding 'ISO-8859-10' which is "
                + "not supported", e.getMessage());
    }

    @Test
    void encodingIsFoundEvenWhenTheLatin1ViewDoesNotParse() {
        // a UTF-8 byte order mark (Notepad) before the first entry
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(bom);
        b.writeBytes(".encoding = \"UTF-8\"\ndisplayName = \"\u4f4d\"\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("\u4f4d", VmxParser.parse(b.toByteArray()).get("displayName"));
    }

    @Test
    void syntaxErrorsNameTheFile() {
        VmxSyntaxException e = assertThrows(VmxSyntaxException.class,
                () -> VmxParser.parse("a = \"1\"\nb = 2\n".getBytes(StandardCharsets.US_ASCII), "x.vmx"));
        assertTrue(e.getMessage().startsWith("x.vmx:2: numbers not allowed in VMX format"), e.getMessage());
        VmxSyntaxException mem = assertThrows(VmxSyntaxException.class,
                () -> VmxParser.parse("a = \"1\"\nb = 2\n".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(mem.getMessage().startsWith("memory conf:2: "), mem.getMessage());
    }

    @Test
    void decodedTextIsHandedOn() {
        byte[] data = vmx("windows-949-2000", "\uAC00");
        String text = VmxParser.decode(data, "k.vmx");
        assertTrue(text.contains("displayName = \"\uAC00\""));
        // the text API accepts the decoded text with the same declaration
        assertEquals("\uAC00", VmxParser.parse(text).get("displayName"));
    }

    @Test
    void writerOutputIsUtf8AsItDeclares() {
        String vmx = Vmx.fromDomainXml("<domain type='vmware'><name>\u4f4d-\u00e4</name><memory>4096</memory>"
                + "<os><type>hvm</type></os></domain>", VmxContext.of(new CorpusFileNameMapper()));
        assertTrue(vmx.startsWith(".encoding = \"UTF-8\"\n"), vmx);
        byte[] bytes = VmxCharsets.encode(vmx, VmxParser.parse(vmx).get(".encoding"));
        assertArrayEquals(vmx.getBytes(StandardCharsets.UTF_8), bytes);
        // and reads back to the same name
        assertEquals("\u4f4d-\u00e4", Vmx.toDomain(bytes, "w.vmx", VmxContext.of(new CorpusFileNameMapper())).name());
    }

    @Test
    void writingBackInTheFileEncodingRefusesCharactersItLacks() {
        String text = ".encoding = \"windows-1252\"\ndisplayName = \"\u4f4d\"\n";
        HypervisorException e = assertThrows(HypervisorException.class, () -> VmxCharsets.encode(text, "windows-1252"));
        assertEquals("Could not convert from UTF-8 to windows-1252 encoding: character U+4F4D at offset 42 cannot be "
                + "written in windows-1252", e.getMessage());
        byte[] ok = VmxCharsets.encode(".encoding = \"windows-1252\"\ndisplayName = \"\u20ac\"\n", "windows-1252");
        assertEquals((byte) 0x80, ok[ok.length - 3]);
    }
}
