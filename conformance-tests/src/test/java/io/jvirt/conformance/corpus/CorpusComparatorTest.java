package io.jvirt.conformance.corpus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The corpus is compared byte for byte: order, case, whitespace and the final newline count. */
class CorpusComparatorTest {

    @Test
    void identicalTextsAreEqual() {
        assertNull(CorpusComparator.compareVmx("a = \"1\"\nb = \"2\"\n", "a = \"1\"\nb = \"2\"\n"));
        assertNull(CorpusComparator.compareXml("<domain>\n</domain>\n", "<domain>\n</domain>\n"));
    }

    @Test
    void vmxLineOrderCounts() {
        assertEquals("line 1: expected 'a = \"1\"' but got 'b = \"2\"'",
                CorpusComparator.compareVmx("a = \"1\"\nb = \"2\"\n", "b = \"2\"\na = \"1\"\n"));
    }

    @Test
    void vmxKeyCaseCounts() {
        assertEquals("line 1: expected 'displayName = \"x\"' but got 'displayname = \"x\"'",
                CorpusComparator.compareVmx("displayName = \"x\"\n", "displayname = \"x\"\n"));
    }

    @Test
    void xmlAttributeOrderAndIndentationCount() {
        assertEquals("line 1: expected '<a x=\"1\" y=\"2\"/>' but got '<a y=\"2\" x=\"1\"/>'",
                CorpusComparator.compareXml("<a x=\"1\" y=\"2\"/>\n", "<a y=\"2\" x=\"1\"/>\n"));
        assertEquals("line 2: expected '  <b/>' but got '    <b/>'",
                CorpusComparator.compareXml("<a>\n  <b/>\n</a>\n", "<a>\n    <b/>\n</a>\n"));
    }

    @Test
    void missingAndExtraLinesAndTheFinalNewline() {
        assertEquals("line 2: missing 'b'", CorpusComparator.compareVmx("a\nb", "a"));
        assertEquals("line 2: unexpected 'b' after the expected end", CorpusComparator.compareVmx("a", "a\nb"));
        assertEquals("line 2: missing ''", CorpusComparator.compareVmx("a\n", "a"));
        assertEquals("line 1: expected 'a' but got 'a\\r'", CorpusComparator.compareVmx("a\n", "a\r\n"));
    }
}
