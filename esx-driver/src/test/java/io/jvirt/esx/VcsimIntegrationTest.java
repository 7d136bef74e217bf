package io.jvirt.esx;

import io.jvirt.esx.inventory.InventoryScope;
import io.jvirt.fixtures.vcsim.Vcsim;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainInfo;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.auth.Authenticator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The driver against VMware's own simulator (vcsim, ESX and VPX models, TLS with its
 * self-signed certificate). Skipped with a message when the launcher is not built (failed with {@code CI=true}).
 */
class VcsimIntegrationTest {
    private static Vcsim esx;
    private static Vcsim vpx;

    @BeforeAll
    static void start() throws Exception {
        Vcsim.require();
        esx = Vcsim.start(SimulatorModel.ESX, 3, true);
        vpx = Vcsim.start(SimulatorModel.VPX, 2, true);
    }

    @AfterAll
    static void stop() {
        if (esx != null) {
            esx.close();
        }
        if (vpx != null) {
            vpx.close();
        }
    }

    /** Opens with the credentials of the vcsim the URI names (each has its own random password). */
    private static EsxConnection open(String uri) {
        Vcsim sim = uri.contains(authority(vpx)) ? vpx : esx;
        return (EsxConnection) ConnectionFactory.open(uri, Authenticator.fixed(sim.username(), sim.password().toCharArray()), Map.of());
    }

    private static String authority(Vcsim sim) {
        return "127.0.0.1:" + sim.sdkUrl().getPort();
    }

    @Test
    void esxModel() {
        HypervisorException tls = assertThrows(HypervisorException.class, () -> open("esx://" + authority(esx) + "/"));
        assertEquals(ErrorCode.CERTIFICATE_FAILED, tls.code(), "vcsim's certificate is self-signed");
        try (EsxConnection c = open("esx://" + authority(esx) + "/?no_verify=1")) {
            assertEquals(3, c.requestCount());
            assertEquals("ha-datacenter", c.scope().datacenterPath());
            assertFalse(c.hostname().isEmpty());
            assertTrue(c.nodeInfo().cpus() > 0);
            assertTrue(c.capabilities().contains("<arch>x86_64</arch>"));
            long before = c.requestCount();
            List<Domain> all = c.listAllDomains();
            assertEquals(1, c.requestCount() - before);
            assertEquals(3, all.size());
            Domain d = c.lookupDomainByName(all.get(0).name());
            DomainInfo info = d.info();
            assertTrue(info.maxMemoryKiB() > 0 && info.vcpus() > 0);
            assertEquals(d.name(), c.lookupDomainByUuid(d.uuid()).name());
            if (d.state() != DomainState.SHUTOFF) {
                assertEquals(d.name(), c.lookupDomainById(d.id()).name());
            }
            assertEquals(3, d.schedulerParameters().size());
            String xml = d.xmlDesc();
            assertTrue(xml.contains("<uuid>" + d.uuid() + "</uuid>"), "the launcher seeds realistic .vmx files: " + xml);
            assertTrue(xml.contains("<vmware:datacenterpath>ha-datacenter</vmware:datacenterpath>"), xml);
        }
    }

    @Test
    void vpxModel() {
        try (EsxConnection host = open("vpx://" + authority(vpx) + "/DC0/DC0_H0?no_verify=1");
             EsxConnection clusterHost = open("vpx://" + authority(vpx) + "/DC0/DC0_C0/DC0_C0_H0?no_verify=1");
             EsxConnection cluster = open("vpx://" + authority(vpx) + "/DC0/DC0_C0?no_verify=1");
             EsxConnection dc = open("vpx://" + authority(vpx) + "/DC0?no_verify=1")) {
            assertEquals(InventoryScope.Kind.HOST, host.scope().kind());
            assertEquals(InventoryScope.Kind.CLUSTER, cluster.scope().kind());
            assertEquals(InventoryScope.Kind.DATACENTER, dc.scope().kind());
            int onHost = host.listAllDomains().size();
            int inCluster = cluster.listAllDomains().size();
            int all = dc.listAllDomains().size();
            assertTrue(onHost > 0 && inCluster > 0, onHost + " " + inCluster);
            assertEquals(onHost + inCluster, all);
            assertTrue(clusterHost.listAllDomains().size() <= inCluster);
            Domain d = dc.listAllDomains().get(0);
            assertTrue(d.xmlDesc().contains("<vmware:datacenterpath>DC0</vmware:datacenterpath>"));
            assertEquals(Set.of("vpx"), Set.of(dc.uri().scheme()));
        }
        HypervisorException wrongLine = assertThrows(HypervisorException.class,
                () -> open("esx://" + authority(vpx) + "/?no_verify=1"));
        assertTrue(wrongLine.getMessage().contains("but found a vCenter/VPX host"), wrongLine.getMessage());
    }
}
