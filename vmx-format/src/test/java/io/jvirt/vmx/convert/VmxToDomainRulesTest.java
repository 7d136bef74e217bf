package io.jvirt.vmx.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.xml.DomainDef;
import io.jvirt.spi.xml.Uuids;
import io.jvirt.vmx.corpus.CorpusFileNameMapper;
import io.jvirt.vmx.VmxContext;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Single rules of the VMX to domain conversion (esx-spec 4.6), one input line at a time. */
class VmxToDomainRulesTest {
    private static final String HEAD = "config.version = \"8\"\nvirtualHW.version = \"4\"\n";

    private static DomainDef read(String lines) {
        return Vmx.toDomain(HEAD + lines, VmxContext.of(new CorpusFileNameMapper()));
    }

    @ParameterizedTest
    @CsvSource({"low, 1, 500", "NORMAL, 1, 1000", "high, 1, 2000", "low, 4, 2000", "normal, 3, 3000",
        "high, 2, 4000", "4223, 8, 4223"})
    void cpuSharesKeywordsScaleWithVcpus(String shares, int vcpus, long expected) {
        DomainDef d = read("numvcpus = \"" + vcpus + "\"\nsched.cpu.shares = \"" + shares + "\"\n");
        assertEquals(expected, d.cpuShares());
    }

    @ParameterizedTest
    @CsvSource({"4, 4096", "1000, 1024000", "3572, 3657728", "' 64', 65536"})
    void memsizeInMiB(String memsize, long kib) {
        assertEquals(kib, read("memsize = \"" + memsize + "\"\n").memoryKiB());
    }

    @Test
    void memoryDefaultsAndCaps() {
        DomainDef d = read("");
        assertEquals(32768, d.memoryKiB());
        assertEquals(32768, d.currentMemoryKiB());
        assertEquals(0, d.minGuaranteeKiB());
        d = read("memsize = \"1000\"\nsched.mem.max = \"118\"\nsched.mem.minsize = \"2000\"\n");
        assertEquals(120832, d.currentMemoryKiB());
        assertEquals(1024000, d.minGuaranteeKiB());
        assertEquals(1024000, read("memsize = \"1000\"\nsched.mem.max = \"5000\"\n").currentMemoryKiB());
    }

    @ParameterizedTest
    @CsvSource({"2", "6", "-4", "0"})
    void memsizeMustBePositiveMultipleOf4(String memsize) {
        HypervisorException e = assertThrows(HypervisorException.class,
                () -> read("memsize = \"" + memsize + "\"\n"));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().contains("(multiple of 4) but found " + memsize + " (line 3)"), e.getMessage());
    }

    @Test
    void uuidAndGenid() {
        assertEquals(Uuids.ZERO, read("").uuid());
        assertEquals(UUID.fromString("564d9bef-acd9-b4e0-c8f0-aea8b9103515"),
                read("uuid.bios = \"56 4D 9B EF AC D9 B4 E0-C8 F0 AE A8 B9 10 35 15\"\n").uuid());
        assertNull(read("vm.genid = \"0\"\n").genid());
        assertEquals(UUID.fromString("13c67c91-9f47-526f-b0d6-e4dd2e4bb4f9"),
                read("vm.genid = \"1424963296993694319\"\nvm.genidX = \"-5704120239402535687\"\n").genid());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0,1,2,5,6,7|0-2,5-7", "5,4,3,0|0,3-5", " 1 , 3 |1,3"})
    void affinityBecomesCpuset(String affinity, String cpuset) {
        assertEquals(cpuset, read("numvcpus = \"2\"\nsched.cpu.affinity = \"" + affinity + "\"\n").cpuset()
                .toString());
        assertNull(read("sched.cpu.affinity = \"ALL\"\n").cpuset());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"other, i686", "ubuntu-64, x86_64", "UBUNTU-64, x86_64",
        "windows9_64Guest, i686", "-, i686"})
    void guestOsArch(String guestOs, String arch) {
        String line = guestOs == null ? "" : "guestOS = \"" + guestOs + "\"\n";
        assertEquals(arch, read(line).os().arch());
    }

    @Test
    void topologyUsesIntegerDivision() {
        DomainDef d = read("numvcpus = \"7\"\ncpuid.coresPerSocket = \"2\"\n");
        assertEquals(3, d.cpu().topology().sockets());
        assertEquals(2, d.cpu().topology().cores());
        assertNull(read("numvcpus = \"4\"\ncpuid.coresPerSocket = \"1\"\n").cpu());
    }

    @Test
    void capabilitiesDecideWhich64BitGuestsAreAllowed() {
        io.jvirt.spi.xml.CapabilitiesDef noLongMode = new io.jvirt.spi.xml.CapabilitiesDef(null, "i686",
                java.util.List.of(), java.util.List.of(new io.jvirt.spi.xml.CapabilitiesDef.Guest("hvm", "i686", 32,
                        java.util.List.of("vmware"))));
        VmxContext ctx = VmxContext.of(new CorpusFileNameMapper()).withCapabilities(noLongMode);
        assertEquals("i686", Vmx.toDomain(HEAD + "guestOS = \"other\"\n", ctx).os().arch());
        HypervisorException e = assertThrows(HypervisorException.class,
                () -> Vmx.toDomain(HEAD + "guestOS = \"ubuntu-64\"\n", ctx));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertEquals("could not find capabilities for ostype=hvm arch=x86_64 domaintype=vmware", e.getMessage());
        assertThrows(HypervisorException.class, () -> Vmx.fromDomainXml("<domain type='vmware'><name>a</name>"
                + "<memory>4096</memory><os><type arch='x86_64'>hvm</type></os></domain>", ctx));
    }

    @Test
    void passwordNeverInErrors() {
        HypervisorException e = assertThrows(HypervisorException.class, () -> read(
                "RemoteDisplay.vnc.enabled = \"true\"\nRemoteDisplay.vnc.password = \"topsecret\"\n"
                        + "RemoteDisplay.vnc.port = \"99999\"\n"));
        assertTrue(!e.getMessage().contains("topsecret"), e.getMessage());
        DomainDef d = read("RemoteDisplay.vnc.enabled = \"true\"\nRemoteDisplay.vnc.password = \"topsecret\"\n");
        assertTrue(!d.toString().contains("topsecret"), d.toString());
    }
}
