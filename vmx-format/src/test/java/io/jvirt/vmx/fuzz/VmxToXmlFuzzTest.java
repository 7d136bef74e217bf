package io.jvirt.vmx.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.xml.DomainDef;
import io.jvirt.vmx.convert.Vmx;

/** Fuzzes VMX to domain conversion: only HypervisorException; the result must format to valid XML. */
class VmxToXmlFuzzTest {
    @FuzzTest(maxDuration = "45s")
    void convert(byte[] vmx) {
        DomainDef def;
        try {
            def = Vmx.toDomain(vmx, FuzzChecks.CTX);
        } catch (HypervisorException expected) {
            return;
        }
        FuzzChecks.domainRoundTrips(def);
    }
}
