package io.jvirt.esx.recorded;

import io.jvirt.fixtures.replay.MoRef;
import io.jvirt.fixtures.replay.Recording;
import io.jvirt.fixtures.replay.ReplayServer;
import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.HostInterface;
import io.jvirt.spi.Network;
import io.jvirt.spi.NodeInfo;
import io.jvirt.spi.auth.Authenticator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.jvirt.esx.recorded.RecordedFacts.all;
import static io.jvirt.esx.recorded.RecordedFacts.childText;
import static io.jvirt.esx.recorded.RecordedFacts.property;
import static io.jvirt.esx.recorded.RecordedFacts.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The driver, connected over {@code esx://} to the replayed answers of a real ESX 6.5 host
 * (govmomi's dump, see SOURCES.md): node facts, capabilities, networks and host interfaces,
 * each expected value read out of the recording and put through libvirt's rules.
 */
class RecordedEsxHostTest {
    private static final String RECORDING = "govmomi-esx65";
    private static final MoRef HOST = new MoRef("HostSystem", "ha-host");
    private static Recording rec;
    private static ReplayServer server;
    private static Connection conn;

    @BeforeAll
    static void connect() throws Exception {
        rec = Recording.load(RECORDING);
        server = ReplayServer.start(rec);
        conn = ConnectionFactory.open("esx://127.0.0.1:" + server.port() + "/?transport=http",
                Authenticator.fixed("root", "unused".toCharArray()), Map.of());
    }

    @AfterAll
    static void close() {
        if (conn != null) {
            conn.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void typeVersionAndHostnameAreTheRecordedOnes() {
        assertEquals("HostAgent", rec.about("apiType").orElseThrow());
        assertEquals("ESX", conn.type());
        String[] v = rec.about("version").orElseThrow().split("\\.");
        assertEquals(Long.parseLong(v[0]) * 1_000_000 + Long.parseLong(v[1]) * 1_000 + Long.parseLong(v[2]), conn.version());
        String host = text(rec, HOST, "config.network.dnsConfig.hostName");
        String domain = text(rec, HOST, "config.network.dnsConfig.domainName");
        assertEquals(domain.isEmpty() ? host : host + "." + domain, conn.hostname());
    }

    @Test
    void nodeInfoFollowsLibvirtsRulesOverTheRecordedHardware() {
        NodeInfo n = conn.nodeInfo();
        long hz = Long.parseLong(text(rec, HOST, "hardware.cpuInfo.hz"));
        int packages = Integer.parseInt(text(rec, HOST, "hardware.cpuInfo.numCpuPackages"));
        int cores = Integer.parseInt(text(rec, HOST, "hardware.cpuInfo.numCpuCores"));
        int threads = Integer.parseInt(text(rec, HOST, "hardware.cpuInfo.numCpuThreads"));
        long memory = Long.parseLong(text(rec, HOST, "hardware.memorySize"));
        int numa = Integer.parseInt(text(rec, HOST, "hardware.numaInfo.numNodes"));
        assertEquals(RecordedFacts.libvirtCpuModel(text(rec, HOST, "summary.hardware.cpuModel")), n.cpuModel());
        assertEquals(memory / 1024, n.memoryKiB());
        assertEquals(threads, n.cpus());
        assertEquals(hz / 1_000_000, n.mhz());
        assertEquals(numa, n.nodes());
        assertEquals(packages, n.sockets());
        assertEquals(cores / packages, n.cores());
        assertEquals(threads / cores, n.threads());
    }

    @Test
    void capabilitiesCarryTheRecordedSystemUuidAndTheLongModeBit() {
        String caps = conn.capabilities();
        assertTrue(caps.contains("<uuid>" + text(rec, HOST, "hardware.systemInfo.uuid") + "</uuid>"), caps);
        // HostCpuIdInfo registers are 32 bits, most significant first, grouped by 4 with ':'.
        Element hardware = property(rec, HOST, "hardware");
        String edx = all(hardware, "cpuFeature").stream()
                .filter(f -> childText(f, "level").equals(String.valueOf(0x80000001)))
                .map(f -> childText(f, "edx").replace(":", "")).findFirst().orElseThrow();
        boolean longMode = edx.charAt(31 - 29) == '1';
        assertEquals(longMode, caps.contains("<arch name='x86_64'>"), caps);
        assertEquals(longMode ? "x86_64" : "i686",
                caps.substring(caps.indexOf("<arch>") + 6, caps.indexOf("</arch>")));
    }

    @Test
    void interfacesAreTheRecordedPhysicalNics() {
        Element config = property(rec, HOST, "config");
        Map<String, String> expected = new TreeMap<>();
        for (Element pnic : all(config, "network/pnic")) {
            expected.put(childText(pnic, "device"), childText(pnic, "mac"));
        }
        assertFalse(expected.isEmpty());
        Map<String, String> actual = new TreeMap<>();
        for (HostInterface i : conn.listAllInterfaces()) {
            actual.put(i.name(), i.mac());
            assertTrue(i.xmlDesc(false).contains("<mac address='" + expected.get(i.name()) + "'/>"), i.xmlDesc(false));
        }
        assertEquals(expected, actual);
        expected.forEach((dev, mac) -> assertEquals(dev, conn.lookupInterfaceByMac(mac.toUpperCase()).name()));
    }

    @Test
    void networksAreTheRecordedVirtualSwitches() {
        Element config = property(rec, HOST, "config");
        Map<String, String> pnicDevice = new HashMap<>();
        for (Element pnic : all(config, "network/pnic")) {
            pnicDevice.put(childText(pnic, "key"), childText(pnic, "device"));
        }
        List<Element> vswitches = all(config, "network/vswitch");
        assertFalse(vswitches.isEmpty());
        assertEquals(vswitches.stream().map(v -> childText(v, "name")).sorted().toList(),
                conn.listAllNetworks().stream().map(Network::name).sorted().toList());
        for (Element vs : vswitches) {
            String name = childText(vs, "name");
            Network net = conn.lookupNetworkByName(name);
            UUID uuid = RecordedFacts.md5Uuid(childText(vs, "key"));
            assertEquals(uuid, net.uuid());
            assertEquals(name, conn.lookupNetworkByUuid(uuid).name());
            String xml = net.xmlDesc();
            assertTrue(xml.contains("<uuid>" + uuid + "</uuid>"), xml);
            for (Element key : all(vs, "pnic")) {
                assertTrue(xml.contains("<interface dev='" + pnicDevice.get(key.getTextContent()) + "'/>"), xml);
            }
            // libvirt emits a port group only if the datacenter has a Network object of that name
            List<String> networkNames = rec.objectsOfType("Network").stream()
                    .map(n -> rec.text(n, "name").orElse(null)).toList();
            int vmPortGroups = 0;
            for (Element pg : all(config, "network/portgroup")) {
                if (childText(pg, "vswitch").equals(childText(vs, "key"))) {
                    String pgName = childText(all(pg, "spec").get(0), "name");
                    boolean hasNetwork = networkNames.contains(pgName);
                    vmPortGroups += hasNetwork ? 1 : 0;
                    assertEquals(hasNetwork, xml.contains("<portgroup name='" + pgName + "'"), pgName + " in " + xml);
                }
            }
            assertEquals(vmPortGroups, xml.split("<portgroup ", -1).length - 1, xml);
        }
    }

    @Test
    void everyRequestWasAnsweredFromTheRecording() {
        assertEquals(1, server.requestCounts().get("RetrieveServiceContent"));
        assertTrue(server.requestCounts().keySet().stream().allMatch(m ->
                List.of("RetrieveServiceContent", "Login", "RetrievePropertiesEx", "Logout").contains(m)),
                server.requestCounts().toString());
    }
}
