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
}
