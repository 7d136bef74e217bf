package io.jvirt.vmx.fuzz;

import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.xml.DomainDef;
import io.jvirt.spi.xml.DomainXml;
import io.jvirt.vmx.corpus.CorpusFileNameMapper;
import io.jvirt.vmx.VmxContext;
import io.jvirt.vmx.VmxEntry;
import io.jvirt.vmx.VmxFile;
import io.jvirt.vmx.VmxParser;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Consistency checks the fuzz targets apply to every successful result (a violation is a finding). */
final class FuzzChecks {
    static final VmxContext CTX = VmxContext.of(new CorpusFileNameMapper()).withVirtualHwVersion(7)
            .withScsiModels(d -> Optional.of("lsilogic"));

    private FuzzChecks() {
    }

    /** Formatted domain XML must parse back (unless it has no name) and format to the same text. */
    static void domainRoundTrips(DomainDef def) {
        String xml = DomainXml.format(def);
        DomainDef again;
        try {
            again = DomainXml.parse(xml);
        } catch (HypervisorException e) {
            if (e.getMessage().contains("missing element 'name'")) {
                return;
            }
            throw new AssertionError("formatted XML does not parse: " + e.getMessage() + "\n" + xml, e);
        }
        String xml2 = DomainXml.format(again);
        if (!xml.equals(xml2)) {
            throw new AssertionError("format/parse/format differs:\n" + xml + "\n----\n" + xml2);
        }
    }

    /** Written VMX must parse back with every key exactly once. */
    static void vmxIsWellFormed(String vmx) {
        VmxFile f = VmxParser.parse(vmx);
        Set<String> keys = new HashSet<>();
        for (VmxEntry e : f.entries()) {
            if (!keys.add(e.key().toLowerCase(Locale.ROOT))) {
                throw new AssertionError("duplicate key " + e.key() + " in\n" + vmx);
            }
        }
    }
}
