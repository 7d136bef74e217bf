package io.jvirt.benchmarks;

import io.jvirt.spi.xml.DomainDef;
import io.jvirt.spi.xml.DomainXml;
import io.jvirt.vmx.corpus.CorpusFileNameMapper;
import io.jvirt.vmx.convert.Vmx;
import io.jvirt.vmx.VmxContext;
import io.jvirt.vmx.VmxFile;
import io.jvirt.vmx.VmxParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * VMX to domain XML and back on a realistic vSphere VM (fixture {@code datacenter-vm-1}: 80 keys,
 * 5 disks, 2 NICs incl. a distributed switch, serial port, VNC). Each operation is a whole
 * conversion from text to text.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VmxConversionBenchmark {
    private static final String BASE = "/io/jvirt/fixtures/vmx/";

    private String vmx;
    private String xml;
    private VmxFile parsedVmx;
    private DomainDef parsedXml;
    private VmxContext toXmlContext;
    private VmxContext toVmxContext;

    static String resource(String name) {
        try (InputStream in = VmxConversionBenchmark.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Setup
    public void setup() {
        vmx = resource("vmx2xml/datacenter-vm-1.vmx");
        xml = resource("xml2vmx/xml2vmx-datacenter-vm-1.xml");
        toXmlContext = VmxContext.of(new CorpusFileNameMapper()).withDatacenterPath("dc-east/prod");
        toVmxContext = VmxContext.of(new CorpusFileNameMapper()).withVirtualHwVersion(17)
                .withScsiModels(d -> Optional.of("lsilogic"));
        parsedVmx = VmxParser.parse(vmx);
        parsedXml = DomainXml.parse(xml);
    }

    /** VMX text to domain XML text (lex, convert, format). */
    @Benchmark
    public String vmxToXml() {
        return Vmx.toDomainXml(vmx, toXmlContext);
    }

    /** Domain XML text to VMX text (hardened XML parse, convert, write). */
    @Benchmark
    public String xmlToVmx() {
        return Vmx.fromDomainXml(xml, toVmxContext);
    }

    /** Conversion step alone: parsed VMX to formatted XML. */
    @Benchmark
    public String vmxToXmlConvertOnly() {
        return DomainXml.format(io.jvirt.vmx.convert.VmxToDomain.convert(parsedVmx, toXmlContext));
    }

    /** Conversion step alone: parsed domain to VMX text. */
    @Benchmark
    public String xmlToVmxConvertOnly() {
        return Vmx.fromDomain(parsedXml, toVmxContext);
    }
}
