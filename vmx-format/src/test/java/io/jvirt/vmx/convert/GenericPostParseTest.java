package io.jvirt.vmx.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.xml.DomainDef;
import io.jvirt.spi.xml.DomainXml;
import io.jvirt.vmx.corpus.CorpusFileNameMapper;
import io.jvirt.vmx.VmxContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules of libvirt's generic domain post-parse (domain_postparse.c) that change converted
 * output, in both directions. Expected values follow libvirt's code, not jvirt's output.
 */
class GenericPostParseTest {
    private static final String HEAD = "config.version = \"8\"\nvirtualHW.version = \"4\"\n";

    private static VmxContext ctx() {
        return VmxContext.of(new CorpusFileNameMapper());
    }

    private static DomainDef read(String lines) {
        return Vmx.toDomain(HEAD + lines, ctx());
    }

    private static String write(String devicesAndMore) {
        return Vmx.fromDomainXml("<domain type='vmware'><name>t</name><uuid>564d9bef-acd9-b4e0-c8f0-aea8b9103515"
                + "</uuid><memory unit='KiB'>524288</memory>" + devicesAndMore + "<os><type>hvm</type></os></domain>",
                ctx());
    }

    /** svga.vramSize (bytes) → KiB rounded up, then VIR_ROUND_UP_POWER_OF_TWO; 0 → vmvga default 4096. */
    @ParameterizedTest(name = "{0} bytes -> vram {1}")
    @CsvSource({"3145728, 4096", "5000000, 8192", "4194304, 4096", "8388608, 8192", "16777216, 16384",
        "16384000, 16384", "1, 1", "1024, 1", "1025, 2", "3072, 4", "0, 4096", "2199023255552, 2147483648"})
    void vmxVramIsRoundedUpToAPowerOfTwo(long bytes, long kib) {
        DomainDef d = read("svga.vramSize = \"" + bytes + "\"\n");
        assertEquals(kib, d.devices().videos().get(0).vramKiB());
        assertTrue(DomainXml.format(d).contains("<model type='vmvga' vram='" + kib + "' primary='yes'/>"));
    }

    @Test
    void missingVramIsTheVmwareDefault() {
        assertEquals(4096, read("").devices().videos().get(0).vramKiB());
    }

    @Test
    void roundingFunctionMatchesLibvirtMacro() {
        assertEquals(0, VmxPostParse.roundUpPowerOfTwo(0));
        assertEquals(1, VmxPostParse.roundUpPowerOfTwo(1));
        assertEquals(2, VmxPostParse.roundUpPowerOfTwo(2));
        assertEquals(4, VmxPostParse.roundUpPowerOfTwo(3));
        assertEquals(1L << 31, VmxPostParse.roundUpPowerOfTwo((1L << 31) - 5));
        assertEquals(1L << 31, VmxPostParse.roundUpPowerOfTwo(1L << 31));
        assertEquals(0, VmxPostParse.roundUpPowerOfTwo((1L << 31) + 1), "libvirt's macro gives 0 above 2^31");
    }

    @Test
    void schedMemMaxZeroMeansAllOfMemory() {
        // vmx.c sets cur_balloon = 0; the memory post-parse replaces 0 by the total
        DomainDef d = read("memsize = \"1024\"\nsched.mem.max = \"0\"\n");
        assertEquals(1048576, d.currentMemoryKiB());
        assertTrue(DomainXml.format(d).contains("<currentMemory unit='KiB'>1048576</currentMemory>"));
    }

    @ParameterizedTest(name = "vram {0} -> svga.vramSize {1}")
    @CsvSource({"3000, 4194304", "0, 4194304", "4096, 4194304", "5000, 8388608", "16000, 16777216", "1, 65536",
        "100, 131072"})
    void xmlVramIsRoundedBeforeTheWriterRoundsToSixtyFour(long vram, long bytes) {
        String vmx = write("<devices><video><model type='vmvga' vram='" + vram + "'/></video></devices>");
        assertTrue(vmx.contains("svga.vramSize = \"" + bytes + "\"\n"), vmx);
    }

    @Test
    void currentMemoryZeroOrAboveMemoryIsMemory() {
        String zero = write("<currentMemory unit='KiB'>0</currentMemory><devices/>");
        assertFalse(zero.contains("sched.mem.max"), zero);
        String above = write("<currentMemory unit='KiB'>9999999</currentMemory><devices/>");
        assertFalse(above.contains("sched.mem.max"), above);
        String below = write("<currentMemory unit='KiB'>262144</currentMemory><devices/>");
        assertTrue(below.contains("sched.mem.max = \"256\"\n"), below);
    }

    @Test
    void memoryZeroIsAnError() {
        HypervisorException e = assertThrows(HypervisorException.class, () -> Vmx.fromDomainXml(
                "<domain type='vmware'><name>t</name><memory>0</memory><os><type>hvm</type></os></domain>", ctx()));
        assertEquals(ErrorCode.XML_ERROR, e.code());
        assertEquals("Memory size must be specified via <memory> or in the <numa> configuration", e.getMessage());
    }

    @Test
    void parallelPortsWithoutNumberGetTheHighestPlusOne() {
        String vmx = write("<devices><parallel type='file'><source path='[ds] p'/></parallel>"
                + "<parallel type='file'><source path='[ds] q'/><target port='0'/></parallel></devices>");
        assertTrue(vmx.contains("parallel1.fileName = \"/vmfs/volumes/ds/p\"\n"), vmx);
        assertTrue(vmx.contains("parallel0.fileName = \"/vmfs/volumes/ds/q\"\n"), vmx);
    }

    @Test
    void serialPortsWithoutNumberGetTheHighestPlusOne() {
        // libvirt: the first serial has no port; the highest port of all serials is 0 -> it gets 1
        String vmx = write("<devices><serial type='file'><source path='[ds] a.txt'/></serial>"
                + "<serial type='file'><source path='[ds] b.txt'/><target port='0'/></serial></devices>");
        assertTrue(vmx.contains("serial1.fileName = \"/vmfs/volumes/ds/a.txt\"\n"), vmx);
        assertTrue(vmx.contains("serial0.fileName = \"/vmfs/volumes/ds/b.txt\"\n"), vmx);
    }

    @Test
    void duplicateControllersAreAnError() {
        HypervisorException e = assertThrows(HypervisorException.class, () -> write(
                "<devices><controller type='scsi' index='0'/><controller type='scsi' index='0'/></devices>"));
        assertEquals(ErrorCode.XML_ERROR, e.code());
        assertEquals("Multiple 'scsi' controllers with index '0'", e.getMessage());
    }

    @Test
    void isaSerialPortsAreLimitedToFour() {
        StringBuilder five = new StringBuilder("<devices>");
        for (int i = 0; i < 5; i++) {
            five.append("<serial type='file'><source path='[ds] s").append(i)
                    .append(".txt'/><target type='isa-serial'/></serial>");
        }
        five.append("</devices>");
        HypervisorException e = assertThrows(HypervisorException.class, () -> write(five.toString()));
        assertEquals("Maximum supported number of ISA serial ports is '4'", e.getMessage());
    }
}
