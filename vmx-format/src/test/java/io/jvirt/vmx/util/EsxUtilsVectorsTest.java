package io.jvirt.vmx.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The four tables of libvirt's esxutilstest (esx-spec section 5), plus the implied error cases. */
class EsxUtilsVectorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[datastore] directory/file|datastore|directory|directory/file",
        "[datastore] directory1/directory2/file|datastore|directory1/directory2|directory1/directory2/file",
        "[datastore] file|datastore|file|file",
        "[datastore] directory/|datastore|directory|directory/",
        "[datastore]|datastore|''|''",
        "[ds|ds|''|''",
    })
    void parseDatastorePath(String input, String ds, String dir, String dirAndFile) {
        DatastorePath p = DatastorePath.parse(input);
        assertEquals(ds, p.datastoreName());
        assertEquals(dir, p.directoryName());
        assertEquals(dirAndFile, p.directoryAndFileName());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[] directory/file", "directory/file", "[", "''"})
    void parseDatastorePathRejects(String input) {
        HypervisorException e = assertThrows(HypervisorException.class, () -> DatastorePath.parse(input));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertEquals("Datastore path '" + input + "' doesn't have expected format '[<datastore>] <path>'",
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "2010-04-08T05:45:11-07:00, 1270730711",
        "2010-04-08T07:45:11-05:00, 1270730711",
        "2010-04-08T12:45:11+00:00, 1270730711",
        "2010-04-08T14:45:11+02:00, 1270730711",
        "2010-04-08T22:15:11+09:30, 1270730711",
        "2010-04-09T01:30:11+12:45, 1270730711",
        "2010-04-08T12:45:11Z, 1270730711",
        "2010-04-08T12:45:11, 1270730711",
        "-2010-04-08T14:45:11+02:00, 0",
        "2010-04-08T14:45:11.529576+02:00, 1270730711",
        "1970-01-01T00:00:00+00:00, 0",
        "2038-01-19T03:14:07+00:00, 2147483647",
        "1999-08-02T01:19:55+02:00, 933549595",
        "2004-03-07T23:23:55+02:00, 1078694635",
        "1984-10-27T14:33:45+02:00, 467728425",
        "1970-01-12T16:11:04+02:00, 1001464",
        "2014-07-20T13:35:38+02:00, 1405856138",
        "2032-06-24T17:04:49+02:00, 1971702289",
        "2010-04-08T14:45:11+0200, 1270730711",
        "2010-04-08T12:45:11+xx:yy, 1270730711",
    })
    void dateTimeToEpochSeconds(String input, long expected) {
        assertEquals(expected, XsdDateTime.toEpochSeconds(input));
    }

    @ParameterizedTest
    @CsvSource({"2010-04-08T12:45:11.5", "2010-04-08 12:45:11", "2010-04-08T12:45", "yesterday",
        "2010-13-08T12:45:11", "2010-04-08T12:45:11 UTC"})
    void dateTimeRejects(String input) {
        HypervisorException e = assertThrows(HypervisorException.class, () -> XsdDateTime.toEpochSeconds(input));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertEquals("xsd:dateTime value '" + input + "' has unexpected format", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "6e6f726d616c|normal",
        "41c3a431c3b632c3bc33c39f3423357e362137c2a7382f39255a|A+w6Q-1+w7Y-2+w7w-3+w58-4+Iw-5+fg-6+IQ-7+wqc-8+JQ-2f9+JQ-25Z",
        "5a7e362137c2a7382f39253023312232273360342641|Z+fg-6+IQ-7+wqc-8+JQ-2f9+JQ-250+Iw-1_2'3+YA-4+Jg-A",
        "e6a899e6ba96e8aa9e|+5qiZ5rqW6Kqe",
        "2122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f|"
            + "+IQ-_+IyQl-25+Jg-'()_+Kw-,-.+JQ-2f0123456789_+Ow-_+PQ-__",
        "41205a5b5c5d5e5f42|A Z+WyU-5c+XV4-_B",
        "416042407b7c7d7e44454c|A+YA-B+QHs-_+fX4-DEL",
        "68c380c381c382c383c384c38548|h+w4DDgcOCw4PDhMOF-H",
        "41ecbf805a|A+7L+A-Z",
        "21ecbf8041|+Iey,gA-A",
        "7e7e7e|+fn5+",
        "7e7e7e41|+fn5+-A",
        "4b25552f485c5a|K+JQ-25U+JQ-2fH+JQ-5cZ",
        "7676763c4122422243" + "3e7a7a7a|vvv_A_B_C_zzz",
    })
    void escapeDatastoreItem(String inputHex, String expected) {
        String input = new String(HexFormat.of().parseHex(inputHex), StandardCharsets.UTF_8);
        assertEquals(expected, DatastoreItemEscaper.escape(input));
    }

    @ParameterizedTest
    @CsvSource({
        "6e6f726d616c, 6e6f726d616c",
        "41805a, 41e282ac5a",
        "41e431f632fc33df3423357e362137a7382f39255a, 41c3a431c3b632c3bc33c39f3423357e362137c2a7382f39255a",
        "68c0c1c2c3c4c548, 68c380c381c382c383c384c38548",
    })
    void windows1252ToUtf8(String inputHex, String expectedHex) {
        byte[] out = VmxCharsets.toUtf8(HexFormat.of().parseHex(inputHex), "Windows-1252");
        assertArrayEquals(HexFormat.of().parseHex(expectedHex), out);
    }

    @Test
    void unknownEncodingIsAnError() {
        HypervisorException e = assertThrows(HypervisorException.class,
                () -> VmxCharsets.toUtf8(new byte[] {65}, "x-klingon"));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
    }
}
