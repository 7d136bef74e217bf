package io.jvirt.vmx.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class VmxEscapingTest {
    @Test
    void pipeEncodingUsesLowerCaseHex() {
        assertEquals("a|7cb|22c", VmxEscaping.pipeEncode("a|b\"c"));
        assertEquals("plain", VmxEscaping.pipeEncode("plain"));
    }

    @Test
    void pipeDecodingAcceptsAnyCaseAndAnyCharacter() {
        assertEquals("a|b\"E", VmxEscaping.pipeDecode("a|7Cb|22|45"));
        assertEquals("line\nbreak", VmxEscaping.pipeDecode("line|0Abreak"));
        assertEquals("\u00e4", VmxEscaping.pipeDecode("|c3|a4"));
    }

    @Test
    void malformedEscapesAreRejected() {
        assertNull(VmxEscaping.pipeDecode("a|"));
        assertNull(VmxEscaping.pipeDecode("a|7"));
        assertNull(VmxEscaping.pipeDecode("a|zz"));
        assertNull(VmxEscaping.percentDecode("100%"));
        assertNull(VmxEscaping.percentDecode("%g0"));
    }

    @Test
    void percentEncodingCoversPercentAndSlashes() {
        assertEquals("a%25b%2fc%5cd", VmxEscaping.percentEncode("a%b/c\\d"));
        assertEquals("a%b/c\\d", VmxEscaping.percentDecode("a%25b%2Fc%5cd"));
    }

    @Test
    void displayNameOrderIsPercentOfPipe() {
        String name = "x|y%z";
        String encoded = VmxEscaping.percentEncode(VmxEscaping.pipeEncode(name));
        assertEquals("x|7cy%25z", encoded);
        assertEquals(name, VmxEscaping.pipeDecode(VmxEscaping.percentDecode(encoded)));
    }
}
