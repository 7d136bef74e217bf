package io.jvirt.conformance.corpus;

import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.xml.CapabilitiesDef;
import io.jvirt.spi.xml.DomainXml;
import io.jvirt.vmx.corpus.CorpusFileNameMapper;
import io.jvirt.vmx.ScsiModelDetector;
import io.jvirt.vmx.convert.Vmx;
import io.jvirt.vmx.VmxContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/** Runs one corpus case with the corpus README's path mapping. */
public final class CorpusRunner {
    /** The autodetection answer of libvirt's tests: lsilogic for every disk. */
    public static final ScsiModelDetector LSILOGIC = disk -> Optional.of("lsilogic");

    private CorpusRunner() {
    }

    /** The capabilities of libvirt's conversion tests: host i686, guests i686 and x86_64 of type vmware. */
    public static final CapabilitiesDef CAPABILITIES = new CapabilitiesDef(null, "i686", List.of(), List.of(
            new CapabilitiesDef.Guest("hvm", "i686", 32, List.of("vmware")),
            new CapabilitiesDef.Guest("hvm", "x86_64", 64, List.of("vmware"))));

    public static VmxContext context(CorpusCase c) {
        return new VmxContext(new CorpusFileNameMapper(), LSILOGIC, c.datacenterPath(), null,
                c.virtualHwVersion(), CAPABILITIES);
    }

    public static CorpusResult run(Direction direction, CorpusCase c) {
        try {
            byte[] input = Files.readAllBytes(c.input());
            String actual;
            try {
                // VMX as bytes: the file's own .encoding decides how it is decoded; libvirt's
                // vmx2xmltest formats with VIR_DOMAIN_DEF_FORMAT_SECURE (the VNC password shows)
                actual = direction == Direction.VMX2XML ? DomainXml.format(Vmx.toDomain(input, context(c)), true)
                        : Vmx.fromDomainXml(new String(input, StandardCharsets.UTF_8), context(c));
            } catch (HypervisorException e) {
                if (c.expectFail()) {
                    return new CorpusResult(c.name(), true, null);
                }
                return new CorpusResult(c.name(), false, "conversion failed: " + e.getMessage());
            }
            if (c.expectFail()) {
                return new CorpusResult(c.name(), false, "expected the conversion to fail, but it succeeded");
            }
            if (!Files.isRegularFile(c.expected())) {
                return new CorpusResult(c.name(), false, "expected output " + c.expected().getFileName()
                        + " is missing");
            }
            String expected = Files.readString(c.expected(), StandardCharsets.UTF_8);
            String diff = direction == Direction.VMX2XML ? CorpusComparator.compareXml(expected, actual)
                    : CorpusComparator.compareVmx(expected, actual);
            return new CorpusResult(c.name(), diff == null, diff);
        } catch (IOException | RuntimeException e) {
            return new CorpusResult(c.name(), false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
