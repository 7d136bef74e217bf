package io.jvirt.vmx.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vmx.convert.Vmx;

/** Fuzzes domain XML to VMX conversion: only HypervisorException; the VMX must parse back. */
class XmlToVmxFuzzTest {
    @FuzzTest(maxDuration = "45s")
    void convert(byte[] data) {
        String xml = new String(data, java.nio.charset.StandardCharsets.UTF_8);
        String vmx;
        try {
            vmx = Vmx.fromDomainXml(xml, FuzzChecks.CTX);
        } catch (HypervisorException expected) {
            return;
        }
        FuzzChecks.vmxIsWellFormed(vmx);
    }
}
