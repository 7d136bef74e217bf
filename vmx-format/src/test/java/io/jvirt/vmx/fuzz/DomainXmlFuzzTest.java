package io.jvirt.vmx.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.xml.DomainDef;
import io.jvirt.spi.xml.DomainXml;

/** Fuzzes the domain XML parser and formatter: parse, then format/parse/format must be stable. */
class DomainXmlFuzzTest {
    @FuzzTest(maxDuration = "45s")
    void parse(byte[] data) {
        String xml = new String(data, java.nio.charset.StandardCharsets.UTF_8);
        DomainDef def;
        try {
            def = DomainXml.parse(xml);
        } catch (HypervisorException expected) {
            return;
        }
        FuzzChecks.domainRoundTrips(def);
    }
}
