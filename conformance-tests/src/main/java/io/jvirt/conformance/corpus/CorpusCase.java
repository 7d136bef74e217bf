package io.jvirt.conformance.corpus;

import java.nio.file.Path;

/**
 * One case of a conversion corpus.
 *
 * @param name             the case name (file name without prefix and suffix)
 * @param input            the input file
 * @param expected         the expected output file (may not exist for expected failures)
 * @param expectFail       the conversion must be rejected
 * @param datacenterPath   datacenter path for the conversion context, or null
 * @param virtualHwVersion virtualHW version for xml2vmx
 */
public record CorpusCase(String name, Path input, Path expected, boolean expectFail, String datacenterPath,
        int virtualHwVersion) {
}
