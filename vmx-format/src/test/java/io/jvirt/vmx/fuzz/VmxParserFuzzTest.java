package io.jvirt.vmx.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vmx.VmxEntry;
import io.jvirt.vmx.VmxFile;
import io.jvirt.vmx.VmxParser;

/** Fuzzes the VMX lexer: only HypervisorException may escape; parsed entries must be consistent. */
class VmxParserFuzzTest {
    @FuzzTest(maxDuration = "45s")
    void parse(byte[] data) {
        VmxFile f;
        try {
            f = VmxParser.parse(data);
        } catch (HypervisorException expected) {
            return;
        }
        for (VmxEntry e : f.entries()) {
            if (e.key().isEmpty() || e.line() < 1 || f.entry(e.key()) == null) {
                throw new AssertionError("inconsistent entry " + e);
            }
        }
    }
}
