package io.jvirt.esx.stats;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.fixtures.vcsim.Vcsim;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainInfo;
import io.jvirt.spi.DomainListFlag;
import io.jvirt.spi.TypedParameter;
import io.jvirt.spi.auth.Authenticator;
import io.jvirt.spi.DomainStats;
import io.jvirt.spi.StatsGroup;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** domstats for ESX: values from config.hardware and quickStats, and what it costs in requests. */
class DomainStatsTest {
    private static final Set<StatsGroup> PROPERTY_GROUPS = EnumSet.of(StatsGroup.STATE, StatsGroup.BALLOON, StatsGroup.VCPU);

    private static Map<String, Object> values(DomainStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (TypedParameter p : s.params()) {
            m.put(p.name(), p.value());
        }
        return m;
    }

    @Test
    void propertyGroupsFollowLibvirtsNamesAndVSpheresValues() {
        try (VsphereSimulator sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 2);
             EsxConnection c = SimulatedConnection.esx(sim, "")) {
            List<DomainStats> all = c.allDomainStats(Set.of(), Set.of());
            assertEquals(2, all.size());
            for (DomainStats s : all) {
                DomainInfo info = s.domain().info();
                Map<String, Object> v = values(s);
                assertEquals(info.state().code(), v.get("state.state"));
                assertEquals(0, v.get("state.reason"));
                assertEquals(info.maxMemoryKiB(), v.get("balloon.maximum"));
                assertEquals(info.vcpus(), v.get("vcpu.current"));
                assertEquals(info.vcpus(), v.get("vcpu.maximum"));
                assertEquals(info.maxMemoryKiB(), v.get("balloon.current"), "nothing ballooned");
                if (info.state().isActive()) {
                    // the simulator's quickStats: hostMemoryUsage = memoryMB / 2
                    assertEquals(info.maxMemoryKiB() / 2, v.get("balloon.rss"));
                } else {
                    assertTrue(!v.containsKey("balloon.rss"));
                }
                var disks = io.jvirt.spi.xml.DomainXml.parse(s.domain().xmlDesc()).devices().disks();
                assertEquals(disks.size(), v.get("block.count"));
                for (int i = 0; i < disks.size(); i++) {
                    assertEquals(disks.get(i).targetDev(), v.get("block." + i + ".name"));
                }
                assertTrue(v.values().stream().anyMatch(x -> String.valueOf(x).endsWith(".vmdk")), v.toString());
            }
            assertEquals(List.of("ha-host_VM0"), c.allDomainStats(Set.of(StatsGroup.STATE),
                    Set.of(DomainListFlag.RUNNING)).stream().map(s -> s.domain().name()).toList());
            Domain vm1 = c.lookupDomainByName("ha-host_VM1");
            DomainStats one = c.domainStats(List.of(vm1), Set.of(StatsGroup.STATE, StatsGroup.CPU_TOTAL)).get(0);
            assertEquals(List.of("state.state", "state.reason"), one.params().stream().map(TypedParameter::name).toList(),
                    "groups the driver lacks (cpu-total) are left out, as libvirt does without --enforce");
        }
    }

    @Test
    void propertyGroupsCostOneRequestFor10And100And1000Vms() {
        StringBuilder report = new StringBuilder("domstats --state --balloon --vcpu requests (in-JVM simulator):");
        for (int vms : new int[] {10, 100, 1000}) {
            try (VsphereSimulator sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, vms);
                 EsxConnection c = SimulatedConnection.esx(sim, "")) {
                long before = c.requestCount();
                List<DomainStats> all = c.allDomainStats(PROPERTY_GROUPS, Set.of());
                long requests = c.requestCount() - before;
                assertEquals(vms, all.size());
                assertEquals(1, requests, vms + " VMs");
                report.append(' ').append(vms).append(" VMs: ").append(requests);
            }
        }
        System.out.println(report);
    }

    @Test
    void vcsim1000VmsCostAHandfulOfRequests() throws Exception {
        Vcsim.require();
        StringBuilder report = new StringBuilder("domstats --state --balloon --vcpu requests (vcsim):");
        for (int vms : new int[] {10, 100, 1000}) {
            try (Vcsim sim = Vcsim.start(SimulatorModel.ESX, vms, true);
                 EsxConnection c = (EsxConnection) ConnectionFactory.open("esx://127.0.0.1:" + sim.sdkUrl().getPort()
                         + "/?no_verify=1", Authenticator.fixed(sim.username(), sim.password().toCharArray()))) {
                long before = c.requestCount();
                List<DomainStats> all = c.allDomainStats(PROPERTY_GROUPS, Set.of());
                long requests = c.requestCount() - before;
                assertEquals(vms, all.size());
                assertTrue(requests <= 3, requests + " requests for " + vms + " VMs");
                report.append(' ').append(vms).append(" VMs: ").append(requests);
            }
        }
        System.out.println(report);
    }
}
