package io.jvirt.esx.domain;

import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainListFlag;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.auth.Authenticator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lookups on an inventory larger than one property-collector page: by name and by id they read
 * the one VM (server index / its own reference), never the whole inventory; what the index
 * cannot find is still found, or refused, by reading every VM like libvirt.
 */
class LargeInventoryLookupTest {
    static VsphereSimulator esx;
    static VsphereSimulator vpx;

    @BeforeAll
    static void start() throws Exception {
        // 300 VMs, read in pages of 100 (esx.pageSize): a full read is several requests
        esx = VsphereSimulator.builder().model(SimulatorModel.ESX).vms(300).build().start();
        vpx = VsphereSimulator.builder().model(SimulatorModel.VPX).vms(30).build().start();
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

    private static Connection open(VsphereSimulator sim, String path) {
        String scheme = sim.model() == SimulatorModel.VPX ? "vpx" : "esx";
        return ConnectionFactory.open(scheme + "://127.0.0.1:" + sim.port() + path + "?transport=" + (sim.tls() ? "https&no_verify=1" : "http"),
                Authenticator.fixed(sim.username(), sim.password().toCharArray()), Map.of("esx.pageSize", 100));
    }

    private static Map<String, Long> delta(VsphereSimulator sim, Map<String, Long> before) {
        Map<String, Long> d = new HashMap<>(sim.requestCounts());
        before.forEach((k, v) -> d.merge(k, -v, Long::sum));
        d.values().removeIf(v -> v == 0);
        return d;
    }

    @Test
    void byNameAndIdReadOneVmNotThePages() {
        try (Connection c = open(esx, "/")) {
            List<Domain> all = c.listAllDomains();
            assertEquals(300, all.size());
            Domain running = c.listAllDomains(Set.of(DomainListFlag.ACTIVE)).get(100);

            Map<String, Long> before = esx.requestCounts();
            Domain byName = c.lookupDomainByName(running.name());
            assertEquals(Map.of("FindByInventoryPath", 1L, "RetrievePropertiesEx", 1L), delta(esx, before));
            assertEquals(running.uuid(), byName.uuid());
            assertEquals(running.id(), byName.id());
            assertEquals(running.state(), byName.state());

            before = esx.requestCounts();
            Domain byId = c.lookupDomainById(running.id());
            assertEquals(Map.of("RetrievePropertiesEx", 1L), delta(esx, before));
            assertEquals(running.name(), byId.name());
            assertEquals(running.uuid(), byId.uuid());
        }
    }

    @Test
    void whatTheIndexCannotFindIsDecidedByTheFullReadWithLibvirtsErrors() {
        try (Connection c = open(esx, "/")) {
            Domain off = c.listAllDomains(Set.of(DomainListFlag.INACTIVE)).get(0);
            assertEquals(DomainState.SHUTOFF, off.state());
            Domain byName = c.lookupDomainByName(off.name());
            assertEquals(off.uuid(), byName.uuid());
            assertEquals(-1, byName.id());

            Map<String, Long> before = esx.requestCounts();
            c.listAllDomains();
            Map<String, Long> fullRead = delta(esx, before);
            assertEquals(1L, fullRead.get("RetrievePropertiesEx"));
            assertTrue(fullRead.getOrDefault("ContinueRetrievePropertiesEx", 0L) >= 1, fullRead.toString());

            before = esx.requestCounts();
            HypervisorException noName = assertThrows(HypervisorException.class, () -> c.lookupDomainByName("nope"));
            assertEquals(ErrorCode.NO_DOMAIN, noName.code());
            assertEquals("Could not find domain with name 'nope'", noName.getMessage());
            // the index said no, then every page was read
            Map<String, Long> expected = new HashMap<>(fullRead);
            expected.put("FindByInventoryPath", 1L);
            assertEquals(expected, delta(esx, before));

            HypervisorException noId = assertThrows(HypervisorException.class, () -> c.lookupDomainById(999_999));
            assertEquals(ErrorCode.NO_DOMAIN, noId.code());
            assertEquals("No domain with ID 999999", noId.getMessage());
        }
    }

    @Test
    void aVcenterHostScopeDoesNotReturnVmsOfOtherHosts() {
        // DC0_C0_RP0_VM0 lives in the cluster, not on the standalone host DC0_H0
        try (Connection host = open(vpx, "/DC0/DC0_H0"); Connection cluster = open(vpx, "/DC0/DC0_C0")) {
            Domain inCluster = cluster.listAllDomains(Set.of(DomainListFlag.ACTIVE)).get(0);
            HypervisorException byName = assertThrows(HypervisorException.class, () -> host.lookupDomainByName(inCluster.name()));
            assertEquals(ErrorCode.NO_DOMAIN, byName.code());
            HypervisorException byId = assertThrows(HypervisorException.class, () -> host.lookupDomainById(inCluster.id()));
            assertEquals(ErrorCode.NO_DOMAIN, byId.code());
            assertEquals(inCluster.uuid(), cluster.lookupDomainByName(inCluster.name()).uuid());
            assertEquals(inCluster.uuid(), cluster.lookupDomainById(inCluster.id()).uuid());
            Domain onHost = host.listAllDomains(Set.of(DomainListFlag.ACTIVE)).get(0);
            assertEquals(onHost.uuid(), host.lookupDomainByName(onHost.name()).uuid());
            assertEquals(onHost.uuid(), host.lookupDomainById(onHost.id()).uuid());
        }
    }
}
