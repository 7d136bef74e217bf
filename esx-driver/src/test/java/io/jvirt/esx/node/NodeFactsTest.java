package io.jvirt.esx.node;

import io.jvirt.esx.vi.Mor;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.NodeInfo;
import io.jvirt.vim25.HostCpuIdInfo;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeFactsTest {

    static ObjectProps host(Map<String, Object> props) {
        return new ObjectProps(Mor.of("HostSystem", "host-1"), new LinkedHashMap<>(props), List.of());
    }

    @Test
    void nodeInfoArithmetic() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(HostProperties.CPU_HZ, 2_294_000_123L);
        p.put(HostProperties.CPU_CORES, (short) 8);
        p.put(HostProperties.CPU_PACKAGES, (short) 2);
        p.put(HostProperties.CPU_THREADS, (short) 16);
        p.put(HostProperties.MEMORY_SIZE, 34_359_738_368L);
        p.put(HostProperties.NUMA_NODES, 2);
        p.put(HostProperties.CPU_MODEL, "Intel(R) Xeon(R)  CPU  E5-2650 0 @ 2.00GHz (TM) extra text");
        NodeInfo info = NodeFacts.nodeInfo(host(p));
        assertEquals(new NodeInfo("Intel Xeon CPU E5-2650 0 @ 2.00", 33_554_432L, 8, 2294, 2, 2, 4, 2), info);
    }

    @Test
    void zeroPackagesOrCoresDoNotDivideByZero() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(HostProperties.CPU_HZ, 1_000_000L);
        p.put(HostProperties.CPU_CORES, (short) 0);
        p.put(HostProperties.CPU_PACKAGES, (short) 0);
        p.put(HostProperties.CPU_THREADS, (short) 0);
        p.put(HostProperties.MEMORY_SIZE, 1024L);
        p.put(HostProperties.NUMA_NODES, 1);
        p.put(HostProperties.CPU_MODEL, "x");
        NodeInfo info = NodeFacts.nodeInfo(host(p));
        assertEquals(0, info.cores());
        assertEquals(0, info.threads());
    }

    @Test
    void missingPropertyIsNamed() {
        HypervisorException e = assertThrows(HypervisorException.class, () -> NodeFacts.nodeInfo(host(Map.of())));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().contains(HostProperties.CPU_HZ));
    }

    @Test
    void cpuModelCleanup() {
        assertEquals("AMD Opteron Processor 6174", NodeFacts.cpuModel("AMD   Opteron(tm) Processor 6174".replace("(tm)", "(TM)")));
        assertEquals("ab", NodeFacts.cpuModel("a(R)(C)b"));
        assertEquals("a b", NodeFacts.cpuModel("a (TM) b"));
    }

    @Test
    void hostname() {
        assertEquals("esx1", NodeFacts.hostname(host(Map.of(HostProperties.DNS_HOST_NAME, "esx1"))));
        assertEquals("esx1.example.com", NodeFacts.hostname(host(Map.of(HostProperties.DNS_HOST_NAME, "esx1",
                HostProperties.DNS_DOMAIN_NAME, "example.com"))));
        HypervisorException e = assertThrows(HypervisorException.class,
                () -> NodeFacts.hostname(host(Map.of(HostProperties.DNS_HOST_NAME, ""))));
        assertEquals("Missing or empty 'hostName' property", e.getMessage());
    }

    @Test
    void hostUuidIsLenientAndZeroWhenUnparsable() {
        assertEquals(UUID.fromString("564d5b04-a2bd-fbeb-ae86-f7d84927d0c4"),
                NodeFacts.hostUuid(host(Map.of(HostProperties.SYSTEM_UUID, "56 4d 5b 04 a2 bd fb eb-ae 86 f7 d8 49 27 d0 c4"))));
        assertEquals(new UUID(0, 0), NodeFacts.hostUuid(host(Map.of(HostProperties.SYSTEM_UUID, "junk"))));
        assertEquals(new UUID(0, 0), NodeFacts.hostUuid(host(Map.of())));
    }

    private static HostCpuIdInfo cpuid(int level, String edx) {
        HostCpuIdInfo i = new HostCpuIdInfo();
        i.setLevel(level);
        String zero = "0000:0000:0000:0000:0000:0000:0000:0000";
        i.setEax(zero);
        i.setEbx(zero);
        i.setEcx(zero);
        i.setEdx(edx);
        return i;
    }

    @Test
    void longModeFromBit29() {
        assertTrue(NodeFacts.supportsLongMode(List.of(cpuid(0, "1111:1111:1111:1111:1111:1111:1111:1111"),
                cpuid(0x80000001, "0010:1000:0001:0000:0000:1000:0000:0000"))));
        assertFalse(NodeFacts.supportsLongMode(List.of(cpuid(0x80000001, "0000:1000:0001:0000:0000:1000:0000:0000"))));
        HypervisorException bad = assertThrows(HypervisorException.class,
                () -> NodeFacts.supportsLongMode(List.of(cpuid(0x80000001, "00-0:1000:0001:0000:0000:1000:0000:0000"))));
        assertTrue(bad.getMessage().contains("unexpected value '-'"), bad.getMessage());
        assertThrows(HypervisorException.class,
                () -> NodeFacts.supportsLongMode(List.of(cpuid(0x80000001, "0010:1000"))));
        assertThrows(HypervisorException.class,
                () -> NodeFacts.supportsLongMode(List.of(cpuid(0x80000001, "0010-1000-0001-0000-0000-1000-0000-0000"))));
        assertThrows(HypervisorException.class, () -> NodeFacts.supportsLongMode(List.of(cpuid(1, "x"))));
    }

    @Test
    void capabilitiesXml() {
        String xml = Capabilities.xml(new UUID(0, 1), true);
        assertTrue(xml.contains("<arch>x86_64</arch>"));
        assertTrue(xml.contains("<uuid>00000000-0000-0000-0000-000000000001</uuid>"));
        assertTrue(xml.contains("<arch name='x86_64'>"));
        assertTrue(xml.contains("<uri_transport>vpxmigr</uri_transport>"));
        String i686 = Capabilities.xml(new UUID(0, 1), false);
        assertTrue(i686.contains("<arch>i686</arch>"));
        assertFalse(i686.contains("x86_64"));
        assertTrue(i686.contains("<domain type='vmware'/>"));
    }
}
