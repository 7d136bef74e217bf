package io.jvirt.vmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VmxParserTest {

    @Test
    void readsStatementsCommentsAndSeparators() {
        VmxFile f = VmxParser.parse("#!/usr/bin/vmware\n\n  a = \"1\"  # trailing\r\nb='two'; c = \"\"\"x\ny\"\"\"\n"
                + "scsi0:0.fileName = \"d.vmdk\"\nguest.commands.sharedSecretLogin.hostd-quiescedsnap = \"\"\n");
        assertEquals("1", f.get("a"));
        assertEquals("two", f.get("b"));
        assertEquals("x\ny", f.get("c"));
        assertEquals("d.vmdk", f.get("SCSI0:0.FILENAME"));
        assertEquals("", f.get("guest.commands.sharedSecretLogin.hostd-quiescedsnap"));
        assertEquals(3, f.entry("a").line());
        assertEquals(4, f.entry("c").line());
        assertEquals(6, f.entry("scsi0:0.fileName").line());
    }

    @Test
    void firstOccurrenceWinsCaseInsensitively() {
        VmxFile f = VmxParser.parse("memSize = \"64\"\nMEMSIZE = \"128\"\nmemsize = \"256\"\n");
        assertEquals("64", f.get("memsize"));
        assertEquals(3, f.entries().size());
        assertEquals(List.of("memSize"), f.keys());
        assertNull(f.get("numvcpus"));
    }

    @Test
    void noBackslashEscapes() {
        assertEquals("C:\\vm\\", VmxParser.parse("a = \"C:\\vm\\\"\n").get("a"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a = \"x|1|5|unterminated string",
        "a = 'x|1|5|unterminated string",
        "a = 12|1|5|numbers not allowed in VMX format",
        "a = -1|1|5|numbers not allowed in VMX format",
        "a = [\"x\"]|1|5|lists not allowed in VMX format",
        "a = x|1|5|expecting a value",
        "a \"x\"|1|3|expecting an assignment",
        "a = \"1\" \"2\"|1|9|expecting a separator",
        "9 = \"1\"|1|1|expecting a name",
        "_a = \"1\"|1|1|expecting a name",
    })
    void syntaxErrorsHaveLineAndColumn(String text, int line, int column, String message) {
        VmxSyntaxException e = assertThrows(VmxSyntaxException.class, () -> VmxParser.parse("b = \"0\"\n" + text));
        assertEquals(ErrorCode.CONF_SYNTAX, e.code());
        assertEquals(line + 1, e.line());
        assertEquals(column, e.column());
        assertTrue(e.getMessage().startsWith("memory conf:" + (line + 1) + ": " + message), e.getMessage());
    }

    @Test
    void declaredEncodingIsDecoded() {
        byte[] data = ".encoding = \"windows-1252\"\ndisplayName = \"A\u00e4\u20acZ\"\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertEquals("A\u00e4\u20acZ", VmxParser.parse(data).get("displayName"));
        byte[] utf8 = "displayName = \"A\u00e4Z\"\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("A\u00e4Z", VmxParser.parse(utf8).get("displayName"));
    }

    @Test
    void unknownEncodingIsAnError() {
        HypervisorException e = assertThrows(HypervisorException.class,
                () -> VmxParser.parse(".encoding = \"no-such-charset\"\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().contains("'no-such-charset'"));
    }

    @Test
    void tooLargeInputIsRefused() {
        byte[] big = new byte[VmxParser.MAX_CHARS + 1];
        assertEquals(ErrorCode.CONF_SYNTAX, assertThrows(HypervisorException.class, () -> VmxParser.parse(big)).code());
    }

    @Test
    void writerQuotesEveryValue() {
        assertEquals("a = \"1\"\nb = \"true\"\nc = \"x y\"\n",
                new VmxWriter().put("a", 1).put("b", true).put("c", "x y").toString());
    }
}
