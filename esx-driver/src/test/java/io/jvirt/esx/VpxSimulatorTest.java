package io.jvirt.esx;

import io.jvirt.esx.inventory.InventoryScope;
import io.jvirt.esx.shared.EsxOptions;
import io.jvirt.simulator.FaultInjector;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.Domain;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.auth.Authenticator;
import io.jvirt.spi.auth.CredentialRequest;
import io.jvirt.spi.auth.CredentialType;
import io.jvirt.spi.auth.Secret;
import io.jvirt.esx.testing.LoopbackProxy;
import io.jvirt.vim25.InvalidState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** vCenter paths, authentication callbacks, injected faults and proxies against the in-JVM simulator. */
class VpxSimulatorTest {
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    private VsphereSimulator sim(SimulatorModel model) throws Exception {
        VsphereSimulator sim = VsphereSimulator.builder().model(model).vms(3).clusterHosts(2).build().start();
        closeables.add(sim);
        return sim;
    }

    private EsxConnection open(VsphereSimulator sim, String pathAndQuery, Map<String, ?> env) {
        EsxConnection c = (EsxConnection) ConnectionFactory.open(EsxSimulatorTest.uri(sim, pathAndQuery),
                Authenticator.fixed(sim.username(), sim.password().toCharArray()), env);
        closeables.add(c);
        return c;
    }

    private static Set<String> names(List<Domain> ds) {
        return Set.copyOf(ds.stream().map(Domain::name).toList());
    }

    @Test
    void pathsSelectHostClusterOrDatacenter() throws Exception {
        VsphereSimulator sim = sim(SimulatorModel.VPX);
        EsxConnection standalone = open(sim, "/DC0/DC0_H0", Map.of());
        assertEquals(3, sim.totalRequests(), "vpx connect: " + sim.requestCounts());
        assertEquals(InventoryScope.Kind.HOST, standalone.scope().kind());
        assertEquals("DC0", standalone.scope().datacenterPath());
        Set<String> onH0 = names(standalone.listAllDomains());
        assertEquals(3, onH0.size());
        assertTrue(onH0.stream().allMatch(n -> n.startsWith("DC0_H0_VM")), onH0.toString());

        EsxConnection h0 = open(sim, "/DC0/DC0_C0/DC0_C0_H0", Map.of());
        EsxConnection h1 = open(sim, "/DC0/DC0_C0/DC0_C0_H1", Map.of());
        EsxConnection cluster = open(sim, "/DC0/DC0_C0", Map.of());
        assertEquals(InventoryScope.Kind.CLUSTER, cluster.scope().kind());
        Set<String> inCluster = names(cluster.listAllDomains());
        Set<String> union = new java.util.HashSet<>(names(h0.listAllDomains()));
        union.addAll(names(h1.listAllDomains()));
        assertEquals(union, inCluster, "a cluster scope lists the VMs of all its hosts");

        EsxConnection dc = open(sim, "/DC0", Map.of());
        assertEquals(InventoryScope.Kind.DATACENTER, dc.scope().kind());
        Set<String> all = names(dc.listAllDomains());
        assertEquals(Set.copyOf(sim.vmNames()), all);
        Domain any = dc.lookupDomainByName(inCluster.iterator().next());
        assertTrue(any.xmlDesc().contains("<vmware:datacenterpath>DC0</vmware:datacenterpath>"));
    }

    @Test
    void foldersAroundDatacenterAndHost() throws Exception {
        VsphereSimulator sim = VsphereSimulator.builder().model(SimulatorModel.VPX).vms(2).nestedFolders(true).build().start();
        closeables.add(sim);
        EsxConnection host = open(sim, "/F0/DC1/F1/DC1_H0", Map.of());
        assertEquals("F0/DC1", host.scope().datacenterPath());
        assertEquals("F1/DC1_H0", host.scope().computeResourcePath());
        assertEquals("DC1_H0", host.scope().hosts().get(0).string("name").orElseThrow());
        assertTrue(host.nodeInfo().cpus() > 0);
        assertTrue(host.listAllDomains().isEmpty(), "the simulator puts no VM on DC1_H0");
        EsxConnection dc = open(sim, "/F0/DC1", Map.of());
        assertEquals(List.of("DC1_H0"), dc.scope().hosts().stream().map(h -> h.string("name").orElseThrow()).toList(),
                "the datacenter scope walks nested host folders");
        EsxConnection typo = open(sim, "/F0/nothing/DC1/F1/DC1_H0", Map.of());
        assertEquals("F0/nothing/DC1", typo.scope().datacenterPath(), "unknown items are skipped but kept, like libvirt");
    }

    @Test
    void pathErrors() throws Exception {
        VsphereSimulator sim = sim(SimulatorModel.VPX);
        assertEquals("Path has to specify the datacenter and compute resource",
                assertThrows(HypervisorException.class, () -> open(sim, "/", Map.of())).getMessage());
        HypervisorException none = assertThrows(HypervisorException.class, () -> ConnectionFactory.open(
                "vpx://127.0.0.1:" + sim.port() + "?transport=http", Authenticator.fixed("root", sim.password().toCharArray()), Map.of()));
        assertEquals("Path '' does not specify a datacenter", none.getMessage());
        assertEquals("Could not find datacenter specified in '/nowhere'",
                assertThrows(HypervisorException.class, () -> open(sim, "/nowhere", Map.of())).getMessage());
        assertEquals("Path '/DC0/DC0_H0/extra' ends with an excess item",
                assertThrows(HypervisorException.class, () -> open(sim, "/DC0/DC0_H0/extra", Map.of())).getMessage());
        assertEquals("Could not find host system specified in '/DC0/DC0_C0/nohost'",
                assertThrows(HypervisorException.class, () -> open(sim, "/DC0/DC0_C0/nohost", Map.of())).getMessage());
        assertEquals(0, sim.activeSessions(), "failed opens log out");
    }

    /** Records the requests and answers like libvirt's test callback. */
    private static final class RecordingAuth implements Authenticator {
        final List<CredentialRequest> requests = new CopyOnWriteArrayList<>();
        final String user;
        final String password;

        RecordingAuth(String user, String password) {
            this.user = user;
            this.password = password;
        }

        @Override
        public Set<CredentialType> supportedTypes() {
            return EnumSet.of(CredentialType.AUTHNAME, CredentialType.PASSPHRASE);
        }

        @Override
        public Optional<Secret> answer(CredentialRequest request) {
            requests.add(request);
            return Optional.of(Secret.of(request.type() == CredentialType.AUTHNAME ? user : password));
        }
    }

    @Test
    void credentialsAreAskedWithTheHostAsChallengeAndSchemeDefaults() throws Exception {
        VsphereSimulator vpx = sim(SimulatorModel.VPX);
        RecordingAuth auth = new RecordingAuth(vpx.username(), vpx.password());
        closeables.add(ConnectionFactory.open("vpx://127.0.0.1:" + vpx.port() + "/DC0/DC0_H0?transport=http", auth, Map.of()));
        assertEquals(CredentialType.AUTHNAME, auth.requests.get(0).type());
        assertEquals("administrator", auth.requests.get(0).defaultResult());
        assertEquals("127.0.0.1", auth.requests.get(0).challenge());
        assertEquals(CredentialType.PASSPHRASE, auth.requests.get(1).type());
        assertEquals("127.0.0.1", auth.requests.get(1).challenge());

        VsphereSimulator esx = sim(SimulatorModel.ESX);
        RecordingAuth esxAuth = new RecordingAuth(esx.username(), esx.password());
        closeables.add(ConnectionFactory.open("esx://127.0.0.1:" + esx.port() + "/?transport=http", esxAuth, Map.of()));
        assertEquals("root", esxAuth.requests.get(0).defaultResult());

        RecordingAuth userInUri = new RecordingAuth("ignored", esx.password());
        closeables.add(ConnectionFactory.open("esx://" + esx.username() + "@127.0.0.1:" + esx.port() + "/?transport=http",
                userInUri, Map.of()));
        assertEquals(1, userInUri.requests.size(), "a user in the URI skips the user-name question");
        assertEquals(CredentialType.PASSPHRASE, userInUri.requests.get(0).type());
    }

    @Test
    void missingAuthenticatorIsReported() throws Exception {
        VsphereSimulator esx = sim(SimulatorModel.ESX);
        HypervisorException e = assertThrows(HypervisorException.class, () -> ConnectionFactory.open(
                "esx://root@127.0.0.1:" + esx.port() + "/?transport=http", Authenticator.none(), Map.of()));
        // Authenticator.none() supplies no credential type at all (AUTH_UNAVAILABLE is for no authenticator)
        assertEquals(ErrorCode.AUTH_FAILED, e.code(), e.toString());
        assertEquals(0, esx.totalRequests(), "credentials are asked before contacting the server");
    }

    @Test
    void esxWithItsVcenter() throws Exception {
        VsphereSimulator esx = sim(SimulatorModel.ESX);
        VsphereSimulator vpx = sim(SimulatorModel.VPX);
        String vc = "127.0.0.1:" + vpx.port();

        EsxConnection unmanagedButNamed = open(esx, "/?vcenter=" + vc, Map.of());
        boolean vmotion = unmanagedButNamed.scope().primaryHost().orElseThrow()
                .get("capability.vmotionSupported", Boolean.class).orElse(false);
        assertEquals(vmotion, unmanagedButNamed.supportsFeature("MIGRATION_V1"), "migration needs the vCenter and vMotion");
        assertFalse(open(esx, "/", Map.of()).supportsFeature("MIGRATION_V1"), "no vCenter, no migration");
        assertEquals(1, vpx.requestCount("FindByIp"), "the vCenter looks the host up by its IP address");
        assertEquals(1, vpx.activeSessions());
        unmanagedButNamed.close();
        assertEquals(0, vpx.activeSessions(), "close logs out of the vCenter too");

        esx.setManagementServerIp("localhost.localdomain", "127.0.0.1");
        EsxConnection managed = open(esx, "/?vcenter=" + vc, Map.of());
        assertFalse(managed.listAllDomains().isEmpty(), "domains still come from the host");

        // vcenter=* contacts the reported vCenter on this URI's port, like libvirt: here the ESX host itself.
        HypervisorException star = assertThrows(HypervisorException.class, () -> open(esx, "/?vcenter=*", Map.of()));
        assertEquals("Expecting '127.0.0.1' to be a vCenter/VPX host but found a ESX(i) host", star.getMessage());

        esx.setManagementServerIp("localhost.localdomain", "127.0.0.2");
        HypervisorException mismatch = assertThrows(HypervisorException.class, () -> open(esx, "/?vcenter=" + vc, Map.of()));
        assertEquals("This host is managed by a vCenter with IP address 127.0.0.2, but a mismatching vCenter '" + vc
                + "' (127.0.0.1) has been specified", mismatch.getMessage());
        assertEquals(2, esx.activeSessions(), "only the 'managed' and the plain connection are still open");
        assertEquals(1, vpx.activeSessions());
    }

    @Test
    void injectedFaultsAfterConnect() throws Exception {
        VsphereSimulator sim = sim(SimulatorModel.ESX);
        EsxConnection c = open(sim, "/", Map.of(EsxOptions.REQUEST_TIMEOUT, "700ms"));

        sim.faults().soapFault("RetrievePropertiesEx", new InvalidState(), "simulated trouble");
        HypervisorException soap = assertThrows(HypervisorException.class, c::listAllDomains);
        assertEquals(ErrorCode.INTERNAL_ERROR, soap.code());
        assertTrue(soap.getMessage().contains("RetrievePropertiesEx") && soap.getMessage().contains("127.0.0.1")
                && soap.getMessage().contains("simulated trouble"), soap.getMessage());

        sim.faults().httpStatus("RetrievePropertiesEx", 500);
        HypervisorException http = assertThrows(HypervisorException.class, c::listAllDomains);
        assertEquals(ErrorCode.HTTP_ERROR, http.code(), http.toString());
        assertTrue(http.getMessage().contains("127.0.0.1") && http.getMessage().contains("HTTP status code 500"),
                http.getMessage());

        sim.faults().malformedResponse("RetrievePropertiesEx");
        HypervisorException bad = assertThrows(HypervisorException.class, c::listAllDomains);
        assertEquals(ErrorCode.RPC_FAILED, bad.code(), bad.toString());

        sim.faults().closeConnection("RetrievePropertiesEx", 2); // the JDK retries a POST once on a dropped connection
        HypervisorException closed = assertThrows(HypervisorException.class, c::listAllDomains);
        assertTrue(closed.getMessage().contains("127.0.0.1"), closed.getMessage());

        sim.faults().delay("RetrievePropertiesEx", Duration.ofSeconds(5));
        HypervisorException slow = assertTimeoutPreemptively(Duration.ofSeconds(4),
                () -> assertThrows(HypervisorException.class, c::listAllDomains));
        assertEquals(ErrorCode.OPERATION_TIMEOUT, slow.code(), slow.toString());

        assertFalse(c.listAllDomains().isEmpty(), "the connection still works after all that");
    }

    @Test
    void fullSessionsThroughProxies() throws Exception {
        VsphereSimulator sim = VsphereSimulator.builder().model(SimulatorModel.ESX).vms(2)
                .tls(io.jvirt.simulator.TlsMaterial.selfSigned()).build().start();
        closeables.add(sim);
        for (LoopbackProxy.Kind kind : LoopbackProxy.Kind.values()) {
            LoopbackProxy proxy = new LoopbackProxy(kind);
            closeables.add(proxy);
            String type = kind == LoopbackProxy.Kind.HTTP ? "http" : "socks5";
            EsxConnection c = open(sim, "/?no_verify=1&proxy=" + type + "://127.0.0.1:" + proxy.port(), Map.of());
            Domain d = c.listAllDomains().get(0);
            assertTrue(d.xmlDesc().contains("<name>"), "SOAP and the /folder download go through the " + kind + " proxy");
            assertFalse(proxy.destinations().isEmpty());
            assertTrue(proxy.destinations().stream().allMatch(x -> x.endsWith(":" + sim.port())), proxy.destinations().toString());
        }
    }
}
