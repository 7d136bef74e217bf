package io.jvirt.esx;

import io.jvirt.esx.shared.EsxOptions;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.TlsMaterial;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainInfo;
import io.jvirt.spi.DomainListFlag;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.DomainXmlFlag;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.NodeInfo;
import io.jvirt.spi.TypedParameter;
import io.jvirt.spi.auth.Authenticator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The driver against the in-JVM vSphere simulator, ESX model: connection and every read operation. */
class EsxSimulatorTest {
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("jvirt-esx-scheduler")),
                "a keepalive thread leaked");
    }

    private VsphereSimulator sim(VsphereSimulator.Builder builder) throws Exception {
        VsphereSimulator sim = builder.build().start();
        closeables.add(sim);
        return sim;
    }

    private VsphereSimulator esx() throws Exception {
        return sim(VsphereSimulator.builder().model(SimulatorModel.ESX).vms(4));
    }

    static String uri(VsphereSimulator sim, String pathAndQuery) {
        String q = pathAndQuery.contains("?") ? "&" : "?";
        return sim.model() == SimulatorModel.VPX
                ? "vpx://127.0.0.1:" + sim.port() + pathAndQuery + (sim.tls() ? "" : q + "transport=http")
                : "esx://127.0.0.1:" + sim.port() + pathAndQuery + (sim.tls() ? "" : q + "transport=http");
    }

    private EsxConnection open(VsphereSimulator sim, String pathAndQuery, Map<String, ?> env) {
        EsxConnection c = (EsxConnection) ConnectionFactory.open(uri(sim, pathAndQuery),
                Authenticator.fixed(sim.username(), sim.password().toCharArray()), env);
        closeables.add(c);
        return c;
    }

    private EsxConnection open(VsphereSimulator sim) {
        return open(sim, "/", Map.of());
    }

    @Test
    void connectCostsThreeRequestsAndFillsInTheDefaultPortAndConnectionFacts() throws Exception {
        VsphereSimulator sim = esx();
        EsxConnection c = open(sim);
        assertEquals(3, sim.totalRequests(), sim.requestCounts().toString());
        assertEquals(3, c.requestCount());
        assertEquals("ESX", c.type());
        assertTrue(c.version() >= 3_005_000, "version " + c.version());
        assertTrue(c.isAlive());
        assertFalse(c.isEncrypted(), "transport=http");
        assertFalse(c.isSecure());
        assertEquals(sim.port(), c.uri().port());
        assertFalse(c.hostname().isEmpty());
        NodeInfo node = c.nodeInfo();
        assertTrue(node.cpus() > 0 && node.memoryKiB() > 0 && node.mhz() > 0, node.toString());
        assertTrue(node.cpuModel().length() <= 31);
        String caps = c.capabilities();
        assertTrue(caps.contains("<os_type>hvm</os_type>") && caps.contains("<domain type='vmware'/>"), caps);
        assertTrue(c.maxVcpus(null) > 0);
        assertTrue(c.freeMemory() > 0);
        assertEquals(3, sim.totalRequests() - 1, "node facts come from the connect-time read; only freeMemory asks");
    }

    @Test
    void listingAllDomainsIsOneRequestWhateverTheCount() throws Exception {
        VsphereSimulator sim = sim(VsphereSimulator.builder().model(SimulatorModel.ESX).vms(40));
        EsxConnection c = open(sim);
        long before = sim.totalRequests();
        List<Domain> all = c.listAllDomains();
        assertEquals(1, sim.totalRequests() - before);
        assertEquals(40, all.size());
        assertEquals(Set.copyOf(sim.vmNames()), Set.copyOf(all.stream().map(Domain::name).toList()));
        for (Domain d : all) {
            assertEquals(sim.powerState(d.name()).equals("poweredOff") ? -1 : d.id(), d.id());
            assertNotEquals(new UUID(0, 0), d.uuid());
            assertEquals(d.state() == DomainState.SHUTOFF, d.id() == -1);
        }
    }

    @Test
    void pagesAreFollowed() throws Exception {
        VsphereSimulator sim = sim(VsphereSimulator.builder().model(SimulatorModel.ESX).vms(25));
        EsxConnection c = open(sim, "/", Map.of(EsxOptions.PAGE_SIZE, 10));
        sim.resetRequestCounts();
        assertEquals(25, c.listAllDomains().size());
        assertEquals(1, sim.requestCount("RetrievePropertiesEx"));
        assertEquals(2, sim.requestCount("ContinueRetrievePropertiesEx"));
    }

    @Test
    void listFilters() throws Exception {
        VsphereSimulator sim = esx();
        EsxConnection c = open(sim);
        List<Domain> all = c.listAllDomains();
        List<Domain> active = c.listAllDomains(Set.of(DomainListFlag.ACTIVE));
        List<Domain> inactive = c.listAllDomains(Set.of(DomainListFlag.INACTIVE));
        assertEquals(all.size(), active.size() + inactive.size());
        assertFalse(active.isEmpty());
        assertFalse(inactive.isEmpty());
        assertTrue(active.stream().allMatch(d -> d.state() != DomainState.SHUTOFF));
        assertEquals(inactive.size(), c.listAllDomains(Set.of(DomainListFlag.SHUTOFF)).size());
        assertEquals(all.size(), c.listAllDomains(Set.of(DomainListFlag.PERSISTENT)).size());
        assertTrue(c.listAllDomains(Set.of(DomainListFlag.TRANSIENT)).isEmpty());
        assertTrue(c.listAllDomains(Set.of(DomainListFlag.MANAGEDSAVE)).isEmpty());
        assertEquals(all.size(), c.listAllDomains(Set.of(DomainListFlag.NO_MANAGEDSAVE)).size());
        assertEquals(all.size(), c.listAllDomains(Set.of(DomainListFlag.HAS_SNAPSHOT)).size()
                + c.listAllDomains(Set.of(DomainListFlag.NO_SNAPSHOT)).size());
        assertEquals(all.size(), c.listAllDomains(Set.of(DomainListFlag.AUTOSTART)).size()
                + c.listAllDomains(Set.of(DomainListFlag.NO_AUTOSTART)).size());
        assertEquals(active.stream().map(Domain::id).sorted().toList(), c.listDomainIds().stream().sorted().toList());
        assertEquals(Set.copyOf(inactive.stream().map(Domain::name).toList()), Set.copyOf(c.listDefinedDomainNames()));
    }

    @Test
    void lookups() throws Exception {
        VsphereSimulator sim = esx();
        EsxConnection c = open(sim);
        Domain running = c.listAllDomains(Set.of(DomainListFlag.ACTIVE)).get(0);
        Domain off = c.listAllDomains(Set.of(DomainListFlag.INACTIVE)).get(0);

        long before = sim.totalRequests();
        Domain byName = c.lookupDomainByName(running.name());
        // the server's inventory-path index, then one read of that VM (LargeInventoryLookupTest)
        assertEquals(2, sim.totalRequests() - before);
        assertEquals(running.uuid(), byName.uuid());
        assertEquals(running.id(), byName.id());

        Domain byId = c.lookupDomainById(running.id());
        assertEquals(running.name(), byId.name());

        Domain byUuid = c.lookupDomainByUuid(off.uuid());
        assertEquals(off.name(), byUuid.name());
        assertEquals(-1, byUuid.id());
        assertEquals(DomainState.SHUTOFF, byUuid.state());

        assertEquals("Could not find domain with name 'nope'",
                assertThrows(HypervisorException.class, () -> c.lookupDomainByName("nope")).getMessage());
        HypervisorException noId = assertThrows(HypervisorException.class, () -> c.lookupDomainById(999_999));
        assertEquals(ErrorCode.NO_DOMAIN, noId.code());
        assertEquals("No domain with ID 999999", noId.getMessage());
        UUID missing = UUID.fromString("00000000-0000-0000-0000-00000000abcd");
        HypervisorException noUuid = assertThrows(HypervisorException.class, () -> c.lookupDomainByUuid(missing));
        assertEquals(ErrorCode.NO_DOMAIN, noUuid.code());
        assertEquals("Could not find domain with UUID '" + missing + "'", noUuid.getMessage());
        assertThrows(HypervisorException.class, () -> c.lookupDomainById(off.id()), "shut-off domains have no id");
    }

    @Test
    void domainReads() throws Exception {
        VsphereSimulator sim = esx();
        EsxConnection c = open(sim);
        Domain d = c.lookupDomainByName(c.listAllDomains(Set.of(DomainListFlag.ACTIVE)).get(0).name());
        long before = sim.totalRequests();
        DomainInfo info = d.info();
        assertEquals(1, sim.totalRequests() - before, "dominfo after lookup: one request");
        assertEquals(DomainState.RUNNING, info.state());
        assertTrue(info.maxMemoryKiB() > 0 && info.vcpus() > 0, info.toString());
        assertTrue(info.memoryKiB() <= info.maxMemoryKiB());
        assertEquals(info.maxMemoryKiB(), d.maxMemory());
        assertEquals(DomainState.RUNNING, d.currentState());
        assertTrue(d.isActive());
        assertTrue(d.isPersistent());
        assertFalse(d.isUpdated());
        assertFalse(d.hasManagedSaveImage());
        assertEquals("hvm", d.osType());
        assertEquals(c.maxVcpus(null), d.maxVcpus());
        assertEquals("allocation", d.schedulerType());
        List<TypedParameter> sched = d.schedulerParameters();
        assertEquals(Set.of("reservation", "limit", "shares"), Set.copyOf(sched.stream().map(TypedParameter::name).toList()));
        assertEquals(TypedParameter.Type.INT, sched.stream().filter(p -> p.name().equals("shares")).findFirst().orElseThrow().type());
        List<TypedParameter> mem = d.memoryParameters();
        assertEquals("min_guarantee", mem.get(0).name());
        assertEquals(TypedParameter.Type.ULLONG, mem.get(0).type());
        d.autostart(); // answers without error
    }

    @Test
    void guestViewThroughVmwareTools() throws Exception {
        VsphereSimulator sim = esx();
        EsxConnection c = open(sim);
        Domain on = c.listAllDomains(Set.of(DomainListFlag.ACTIVE)).get(0);
        assertFalse(on.guestHostname().isEmpty());
        List<io.jvirt.spi.DomainInterface> nics = on.interfaceAddresses(io.jvirt.spi.InterfaceAddressSource.AGENT);
        assertFalse(nics.isEmpty());
        assertFalse(nics.get(0).addresses().isEmpty(), nics.toString());
        assertEquals(ErrorCode.ARGUMENT_UNSUPPORTED, assertThrows(HypervisorException.class,
                () -> on.interfaceAddresses(io.jvirt.spi.InterfaceAddressSource.LEASE)).code());
        Domain off = c.listAllDomains(Set.of(DomainListFlag.INACTIVE)).get(0);
        assertEquals("Domain is not powered on", assertThrows(HypervisorException.class, off::guestHostname).getMessage());
        assertEquals(ErrorCode.OPERATION_INVALID, assertThrows(HypervisorException.class,
                () -> off.interfaceAddresses(io.jvirt.spi.InterfaceAddressSource.AGENT)).code());
    }

    @Test
    void xmlDescriptionDownloadsTheVmxWithTheSessionCookie() throws Exception {
        VsphereSimulator sim = esx();
        EsxConnection c = open(sim);
        Domain d = c.lookupDomainByName(c.listAllDomains(Set.of(DomainListFlag.ACTIVE)).get(0).name());
        long before = sim.totalRequests();
        String xml = d.xmlDesc();
        assertTrue(sim.totalRequests() - before <= 2, "XML after lookup: " + (sim.totalRequests() - before) + " requests");
        assertTrue(xml.startsWith("<domain type='vmware'"), xml);
        assertTrue(xml.contains(" id='" + d.id() + "'"), xml);
        assertTrue(xml.contains("<name>" + d.name() + "</name>"), xml);
        assertTrue(xml.contains("<uuid>" + d.uuid() + "</uuid>"), xml);
        assertTrue(xml.contains("<source file='[LocalDS_0] "), xml);
        assertTrue(xml.contains("<vmware:datacenterpath>ha-datacenter</vmware:datacenterpath>"), xml);
        assertTrue(xml.contains("<vmware:moref>"), xml);
        String inactive = d.xmlDesc(Set.of(DomainXmlFlag.INACTIVE));
        assertFalse(inactive.contains(" id='"), inactive);
        assertThrows(HypervisorException.class, () -> d.xmlDesc(Set.of(DomainXmlFlag.UPDATE_CPU)));
    }

    @Test
    void nativeConversionsThroughTheConnection() throws Exception {
        VsphereSimulator sim = esx();
        EsxConnection c = open(sim);
        Domain d = c.listAllDomains().get(0);
        String xml = d.xmlDesc(Set.of(DomainXmlFlag.INACTIVE));
        String vmx = c.domainXmlToNative("vmware-vmx", xml);
        assertTrue(vmx.contains("displayName = \"" + d.name() + "\""), vmx);
        assertTrue(vmx.contains("/vmfs/volumes/"), "datastore paths become host paths: " + vmx);
        String back = c.domainXmlFromNative("vmware-vmx", vmx);
        assertTrue(back.contains("<source file='[LocalDS_0] "), back);
        assertEquals("Unsupported config format 'xen-xm'", assertThrows(HypervisorException.class,
                () -> c.domainXmlFromNative("xen-xm", vmx)).getMessage());
        assertEquals(ErrorCode.INVALID_ARG, assertThrows(HypervisorException.class,
                () -> c.domainXmlToNative("qemu-argv", xml)).code());
    }

    @Test
    void expiredSessionIsRenewedOnceEvenUnderConcurrency() throws Exception {
        VsphereSimulator sim = esx();
        EsxConnection c = open(sim);
        for (int round = 0; round < 5; round++) {
            sim.expireSessions();
            long logins = sim.requestCount("Login");
            int threads = 8;
            List<Thread> workers = new ArrayList<>();
            Map<Integer, Object> results = java.util.Collections.synchronizedMap(new HashMap<>());
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < threads; i++) {
                int n = i;
                Thread t = new Thread(() -> {
                    try {
                        start.await();
                        results.put(n, c.listAllDomains().size());
                    } catch (Throwable e) {
                        results.put(n, e);
                    }
                });
                workers.add(t);
                t.start();
            }
            start.countDown();
            for (Thread t : workers) {
                t.join(30_000);
            }
            for (Object r : results.values()) {
                assertEquals(4, r, "every caller succeeds: " + r);
            }
            assertEquals(threads, results.size());
            assertEquals(logins + 1, sim.requestCount("Login"), "one re-login for all threads");
        }
    }

    @Test
    void wrongPasswordIsAuthFailedWithoutEchoingIt() throws Exception {
        VsphereSimulator sim = esx();
        String secret = "Wr0ng-P4ss";
        HypervisorException e = assertThrows(HypervisorException.class, () -> ConnectionFactory.open(uri(sim, "/"),
                Authenticator.fixed("root", secret.toCharArray()), Map.of()));
        assertEquals(ErrorCode.AUTH_FAILED, e.code());
        assertTrue(e.getMessage().contains("127.0.0.1") && e.getMessage().contains("'root'"), e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(secret), t.toString());
        }
        assertEquals(0, sim.activeSessions());
    }

    @Test
    void closeLogsOutAndLaterCallsFail() throws Exception {
        VsphereSimulator sim = esx();
        EsxConnection c = open(sim);
        assertEquals(1, sim.activeSessions());
        c.close();
        c.close();
        assertEquals(0, sim.activeSessions());
        assertEquals(1, sim.requestCount("Logout"));
        assertFalse(c.isAlive());
        assertEquals(ErrorCode.CONNECTION_CLOSED, assertThrows(HypervisorException.class, c::listAllDomains).code());
        assertEquals(ErrorCode.CONNECTION_CLOSED, assertThrows(HypervisorException.class, c::nodeInfo).code());
    }

    @Test
    void keepaliveRefreshesAnIdleSessionAndRenewsAnExpiredOne() throws Exception {
        VsphereSimulator sim = esx();
        open(sim, "/", Map.of(EsxOptions.KEEPALIVE_INTERVAL, "150ms"));
        assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("jvirt-esx-scheduler")));
        long reads = sim.requestCount("RetrievePropertiesEx");
        long deadline = System.currentTimeMillis() + 5000;
        while (sim.requestCount("RetrievePropertiesEx") == reads && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(sim.requestCount("RetrievePropertiesEx") > reads, "keepalive sent " + sim.requestCounts());
        assertEquals(1, sim.requestCount("Login"));
        sim.expireSessions();
        deadline = System.currentTimeMillis() + 5000;
        while (sim.requestCount("Login") == 1 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(2, sim.requestCount("Login"), "an idle connection logs in again by itself");
        assertEquals(1, sim.activeSessions());
    }

    @Test
    void productLineMustMatchTheScheme() throws Exception {
        VsphereSimulator vpx = sim(VsphereSimulator.builder().model(SimulatorModel.VPX));
        HypervisorException e = assertThrows(HypervisorException.class, () -> ConnectionFactory.open(
                "esx://127.0.0.1:" + vpx.port() + "/?transport=http",
                Authenticator.fixed(vpx.username(), vpx.password().toCharArray()), Map.of()));
        assertEquals("Expecting '127.0.0.1' to be a ESX(i) host but found a vCenter/VPX host", e.getMessage());
        VsphereSimulator esx = esx();
        HypervisorException g = assertThrows(HypervisorException.class, () -> ConnectionFactory.open(
                "gsx://127.0.0.1:" + esx.port() + "/?transport=http",
                Authenticator.fixed(esx.username(), esx.password().toCharArray()), Map.of()));
        assertEquals("Expecting '127.0.0.1' to be a Server/GSX host but found a ESX(i) host", g.getMessage());
        assertEquals(0, vpx.activeSessions());
        assertEquals(0, esx.activeSessions());
    }

    @Test
    void vcenterStarOnAnUnmanagedHost() throws Exception {
        VsphereSimulator sim = esx();
        HypervisorException e = assertThrows(HypervisorException.class, () -> open(sim, "/?vcenter=*", Map.of()));
        assertEquals("This host is not managed by a vCenter", e.getMessage());
        assertEquals(0, sim.activeSessions());
    }

    @Test
    void tlsAgainstTheSimulator() throws Exception {
        VsphereSimulator selfSigned = sim(VsphereSimulator.builder().model(SimulatorModel.ESX).tls(TlsMaterial.selfSigned()));
        HypervisorException e = assertThrows(HypervisorException.class, () -> open(selfSigned, "/", Map.of()));
        assertEquals(ErrorCode.CERTIFICATE_FAILED, e.code());
        EsxConnection noVerify = open(selfSigned, "/?no_verify=1", Map.of());
        assertTrue(noVerify.isEncrypted() && noVerify.isSecure());
        assertFalse(noVerify.listAllDomains().isEmpty());

        VsphereSimulator caSigned = sim(VsphereSimulator.builder().model(SimulatorModel.ESX).tls(TlsMaterial.caSigned()));
        EsxConnection trusted = open(caSigned, "/", Map.of(EsxOptions.TRUST_STORE, caSigned.tlsMaterial().trustStore()));
        Domain d = trusted.listAllDomains(Set.of(DomainListFlag.ACTIVE)).get(0);
        assertTrue(d.xmlDesc().contains("<name>"), "the /folder download uses the same TLS settings");
    }

    @Test
    void pinnedThumbprint() throws Exception {
        VsphereSimulator sim = sim(VsphereSimulator.builder().model(SimulatorModel.ESX).tls(TlsMaterial.selfSigned()));
        for (String algorithm : List.of("SHA-1", "SHA-256")) {
            EsxConnection c = open(sim, "/", Map.of(EsxOptions.THUMBPRINT, sim.tlsMaterial().thumbprint(algorithm)));
            assertFalse(c.listAllDomains().get(0).xmlDesc().isEmpty());
        }
        String other = TlsMaterial.caSigned().thumbprint("SHA-256");
        HypervisorException e = assertThrows(HypervisorException.class,
                () -> open(sim, "/", Map.of(EsxOptions.THUMBPRINT, other)));
        assertEquals(ErrorCode.CERTIFICATE_FAILED, e.code());
        assertTrue(e.getMessage().contains("differs from the pinned one"), e.getMessage());
        assertEquals(ErrorCode.INVALID_ARG, assertThrows(HypervisorException.class,
                () -> open(sim, "/", Map.of(EsxOptions.THUMBPRINT, "12:34"))).code());
    }

    @Test
    void fileDownloadNeedsAndUsesTheSessionCookie() throws Exception {
        VsphereSimulator sim = sim(VsphereSimulator.builder().model(SimulatorModel.ESX).requireSessionForFiles(true));
        EsxConnection c = open(sim);
        Domain d = c.listAllDomains().get(0);
        sim.expireSessions();
        assertTrue(d.xmlDesc().contains("<name>"), "an expired session is renewed for downloads too");
    }
}
