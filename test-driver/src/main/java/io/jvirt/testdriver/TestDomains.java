package io.jvirt.testdriver;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.xml.DomainDef;
import io.jvirt.spi.xml.DomainXml;
import io.jvirt.spi.xml.OsDef;

import java.util.List;
import java.util.UUID;

/** Domain definitions of the test driver: the default domain and the rules {@code define} checks. */
final class TestDomains {
    private TestDomains() {
    }

    /** libvirt's default test domain. */
    static DomainDef defaultTestDomain() {
        return DomainDef.builder().type("test").name("test")
                .uuid(UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f"))
                .memoryKiB(8_388_608).currentMemoryKiB(2_097_152).vcpus(2)
                .os(new OsDef("hvm", "i686", null, null, List.of("hd"), null))
                .clockOffset("utc").onPoweroff("destroy").onReboot("restart").onCrash("destroy")
                .build();
    }

    /**
     * Parses domain XML with the shared hardened parser and applies the test driver's rules: type
     * {@code test}, a name without newline or slash, memory above zero; a missing UUID is
     * generated and current memory is capped at the maximum.
     */
    static DomainDef parse(String xml) {
        DomainDef def = DomainXml.parse(xml);
        if (!def.type().equals("test")) {
            throw new HypervisorException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "domain type '" + def.type() + "' is not supported by the test driver (expected 'test')");
        }
        if (def.name().indexOf('\n') >= 0 || def.name().indexOf('/') >= 0) {
            throw new HypervisorException(ErrorCode.XML_DETAIL, ErrorDomain.XML,
                    "invalid character in domain name '" + def.name().replace("\n", "\\n") + "'");
        }
        if (def.memoryKiB() <= 0) {
            throw new HypervisorException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "memory of domain '" + def.name() + "' must be above zero");
        }
        DomainDef.Builder b = def.toBuilder();
        if (def.uuid() == null) {
            b.uuid(UUID.randomUUID());
        }
        if (def.effectiveCurrentMemoryKiB() > def.memoryKiB()) {
            b.currentMemoryKiB(def.memoryKiB());
        }
        return b.build();
    }
}
