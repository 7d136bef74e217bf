package io.jvirt.esx.stats;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.fixtures.vcsim.Vcsim;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainListFlag;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.TypedParameter;
import io.jvirt.spi.auth.Authenticator;
import io.jvirt.spi.DomainStats;
import io.jvirt.spi.InterfaceStats;
import io.jvirt.spi.StatsGroup;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * cpu-total, interface and block counters from PerformanceManager.QueryPerf, their mapping to
 * libvirt's names and units, and the requests they cost. Expected values come from the
 * simulator's documented sample values (every sample of a metric is
 * {@code 1 + CRC32("<vm>/<group.name.rollup>/<instance>") % 100}, cpu.system a quarter of
 * cpu.used) and VMware's units (ms per
 * sample, KB per second over 20-second samples), computed here independently of the driver.
 */
class PerfStatsTest {
    private static final Set<StatsGroup> COUNTER_GROUPS = EnumSet.of(StatsGroup.CPU_TOTAL, StatsGroup.INTERFACE);

    private static long sample(String vm, String counter, String instance) {
        CRC32 crc = new CRC32();
        crc.update((vm + "/" + counter + "/" + instance).getBytes(StandardCharsets.UTF_8));
        return 1 + crc.getValue() % 100;
    }

    private static Map<String, Object> values(DomainStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (TypedParameter p : s.params()) {
            m.put(p.name(), p.value());
        }
        return m;
    }

    @Test
    void countersFollowLibvirtsNamesAndVmwaresUnits() {
        try (VsphereSimulator sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 2);
             EsxConnection c = SimulatedConnection.esx(sim, "")) {
            sim.setBootTime("ha-host_VM0", Instant.now().minus(Duration.ofMinutes(10)));
            Domain vm0 = c.lookupDomainByName("ha-host_VM0");
            DomainStats s = c.domainStats(List.of(vm0), Set.of(StatsGroup.CPU_TOTAL, StatsGroup.INTERFACE,
                    StatsGroup.BLOCK)).get(0);
            Map<String, Object> v = values(s);
            String key = moid(c, vm0);
            long used = sample(key, "cpu.used.summation", "");
            long cpuTime = (Long) v.get("cpu.time");
            assertEquals(0, cpuTime % (used * 1_000_000L), v.toString());
            long n = cpuTime / (used * 1_000_000L);
            assertTrue(n >= 29 && n <= 31, "10 minutes of 20-second samples: " + n);
            long system = Math.max(1, used / 4) * n * 1_000_000L; // the simulator: system = used / 4
            assertEquals(system, v.get("cpu.system"));
            assertEquals(Math.max(0, cpuTime - system), v.get("cpu.user"));
            // interface: one NIC, ethernet0 = device key 4000, named by MAC
            assertEquals(1, v.get("net.count"));
            assertTrue(String.valueOf(v.get("net.0.name")).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}"), v.toString());
            assertEquals(sample(key, "net.bytesRx.average", "4000") * n * 20 * 1024, v.get("net.0.rx.bytes"));
            assertEquals(sample(key, "net.bytesTx.average", "4000") * n * 20 * 1024, v.get("net.0.tx.bytes"));
            assertEquals(sample(key, "net.packetsRx.summation", "4000") * n, v.get("net.0.rx.pkts"));
            assertEquals(sample(key, "net.packetsTx.summation", "4000") * n, v.get("net.0.tx.pkts"));
            assertEquals(sample(key, "net.droppedRx.summation", "4000") * n, v.get("net.0.rx.drop"));
            assertEquals(sample(key, "net.droppedTx.summation", "4000") * n, v.get("net.0.tx.drop"));
            assertFalse(v.containsKey("net.0.rx.errs"), "ESX keeps no error counters for VM NICs");
            // block: the disk at scsi0:0 (libvirt's sda)
            assertEquals("sda", v.get("block.0.name"));
            long reads = sample(key, "virtualDisk.numberReadAveraged.average", "scsi0:0") * 20 * n;
            assertEquals(reads, v.get("block.0.rd.reqs"));
            assertEquals(sample(key, "virtualDisk.read.average", "scsi0:0") * 20 * 1024 * n, v.get("block.0.rd.bytes"));
            assertEquals(reads * sample(key, "virtualDisk.totalReadLatency.average", "scsi0:0") * 1_000_000L,
                    v.get("block.0.rd.times"));
            long writes = sample(key, "virtualDisk.numberWriteAveraged.average", "scsi0:0") * 20 * n;
            assertEquals(writes, v.get("block.0.wr.reqs"));
            assertEquals(sample(key, "virtualDisk.write.average", "scsi0:0") * 20 * 1024 * n, v.get("block.0.wr.bytes"));
            // the per-domain calls give the same numbers
            List<TypedParameter> blk = vm0.blockStats("sda");
            assertEquals(reads, blk.stream().filter(p -> p.name().equals("rd_operations")).findFirst().orElseThrow().value());
            InterfaceStats nic = vm0.interfaceStats(String.valueOf(v.get("net.0.name")).toUpperCase());
            assertEquals(sample(key, "net.packetsRx.summation", "4000") * n, nic.rxPackets());
            assertEquals(-1, nic.rxErrs());
            // a shut-off VM has no samples: no counters, and the per-domain calls say why
            Domain vm1 = c.lookupDomainByName("ha-host_VM1");
            Map<String, Object> off = values(c.domainStats(List.of(vm1), COUNTER_GROUPS).get(0));
            assertFalse(off.containsKey("cpu.time"), off.toString());
            HypervisorException e = assertThrows(HypervisorException.class, () -> vm1.blockStats("sda"));
            assertEquals("Requested operation is not valid: domain is not running", e.getMessage());
            e = assertThrows(HypervisorException.class, () -> vm0.blockStats("sdz"));
            assertEquals("invalid path: sdz", e.getMessage());
            e = assertThrows(HypervisorException.class, () -> vm0.interfaceStats("vnet0"));
            assertTrue(e.getMessage().contains("'vnet0' is not a known interface"), e.getMessage());
        }
    }

    private static String moid(EsxConnection c, Domain d) {
        return ((io.jvirt.esx.domain.EsxDomain) d).mor().getValue();
    }

    @Test
    void nodeStatsComeFromTheHost() {
        try (VsphereSimulator sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 1);
             EsxConnection c = SimulatedConnection.esx(sim, "")) {
            Map<String, Object> cpu = new LinkedHashMap<>();
            c.nodeCpuStats(-1).forEach(p -> cpu.put(p.name(), p.value()));
            assertEquals(List.of("user", "idle"), List.copyOf(cpu.keySet()));
            // the host has samples for the whole real-time hour: 180 samples
            assertEquals(sample("ha-host", "cpu.used.summation", "") * 180 * 1_000_000L, cpu.get("user"));
            assertEquals(sample("ha-host", "cpu.idle.summation", "") * 180 * 1_000_000L, cpu.get("idle"));
            Map<String, Object> cpu3 = new LinkedHashMap<>();
            c.nodeCpuStats(3).forEach(p -> cpu3.put(p.name(), p.value()));
            assertEquals(sample("ha-host", "cpu.used.summation", "3") * 180 * 1_000_000L, cpu3.get("user"));
            assertThrows(HypervisorException.class, () -> c.nodeCpuStats(99));
            Map<String, Object> mem = new LinkedHashMap<>();
            c.nodeMemoryStats(-1).forEach(p -> mem.put(p.name(), p.value()));
            // simulator host: 32 GiB, overallMemoryUsage = 2048 MiB + the powered-on VMs' memory
            assertEquals(32L * 1024 * 1024, mem.get("total"));
            assertTrue((Long) mem.get("free") < 32L * 1024 * 1024 - 2048 * 1024 + 1, mem.toString());
            HypervisorException e = assertThrows(HypervisorException.class, () -> c.nodeMemoryStats(0));
            assertTrue(e.getMessage().contains("per NUMA cell"), e.getMessage());
        }
    }

    /**
     * Requests of {@code domstats --cpu-total --interface}: 1 RetrievePropertiesEx per 1000 VMs,
     * then on the first call of a connection the counter table (1 RetrievePropertiesEx) and the
     * refresh rate (1 QueryPerfProviderSummary), on vCenter the limit (1 QueryOptions), and
     * {@link PerfBatches#queries} QueryPerf for the powered-on VMs.
     */
    @Test
    void counterGroupsCostTheStatedRequestsFor10And100And1000Vms() {
        StringBuilder report = new StringBuilder("domstats --cpu-total --interface requests (in-JVM simulator):");
        for (SimulatorModel model : new SimulatorModel[] {SimulatorModel.ESX, SimulatorModel.VPX}) {
            for (int vms : new int[] {10, 100, 1000}) {
                try (VsphereSimulator sim = SimulatedConnection.startSimulator(model, vms);
                     EsxConnection c = model == SimulatorModel.ESX ? SimulatedConnection.esx(sim, "")
                             : SimulatedConnection.vpx(sim, sim.datacenterName(), "")) {
                    int on = c.allDomainStats(Set.of(StatsGroup.STATE), Set.of(DomainListFlag.RUNNING)).size();
                    int total = c.allDomainStats(Set.of(StatsGroup.STATE), Set.of()).size();
                    assertTrue(on > 0 && total >= vms, "some VMs run");
                    int limit = model == SimulatorModel.VPX ? 64 : 0;
                    int metricIds = IoCounters.CPU.size() + IoCounters.NET.size();
                    int queries = PerfBatches.queries(on, metricIds, limit, PerfReader.REALTIME_SAMPLES);
                    Map<String, Long> before = c.requestCounts();
                    List<DomainStats> all = c.allDomainStats(COUNTER_GROUPS, Set.of());
                    Map<String, Long> first = delta(before, c.requestCounts());
                    assertEquals(total, all.size());
                    assertEquals(queries, first.getOrDefault("QueryPerf", 0L), model + " " + vms + " VMs: " + first);
                    long pages = (total + 999) / 1000; // esx.pageSize VMs per property page
                    long fixed = pages + 1 + 1 + (model == SimulatorModel.VPX ? 1 : 0);
                    assertEquals(fixed + queries, sum(first), model + " " + vms + " VMs: " + first);
                    before = c.requestCounts();
                    c.allDomainStats(COUNTER_GROUPS, Set.of());
                    Map<String, Long> second = delta(before, c.requestCounts());
                    assertEquals(pages + queries, sum(second), "later calls: properties and QueryPerf only: " + second);
                    report.append(' ').append(model).append(' ').append(total).append(" VMs (").append(on)
                            .append(" on): first ").append(sum(first)).append(", then ").append(sum(second))
                            .append(" (QueryPerf ").append(queries).append(')');
                }
            }
        }
        System.out.println(report);
    }

    @Test
    void batchesRespectTheServersLimits() {
        // 10 metric ids a VM (cpu-total + interface), one hour of samples
        assertEquals(50, PerfBatches.entitiesPerQuery(10, 0, 180), "ESX: VMware's 50 entities");
        assertEquals(6, PerfBatches.entitiesPerQuery(10, 64, 180), "vCenter default 64 metrics: 6 VMs of 10");
        assertEquals(25, PerfBatches.entitiesPerQuery(10, 256, 180), "256 metrics: 25 VMs");
        assertEquals(1, PerfBatches.entitiesPerQuery(100, 64, 180), "at least one entity");
        // 16 metric ids (all three groups): 500,000 / (16 * 4 * 180) = 43 entities
        assertEquals(43, PerfBatches.entitiesPerQuery(16, 0, 180));
        assertEquals(20, PerfBatches.queries(1000, 10, 0, 180));
        assertEquals(167, PerfBatches.queries(1000, 10, 64, 180));
        assertEquals(0, PerfBatches.queries(0, 10, 64, 180));
    }

    @Test
    void vcenterWithALowerLimitGetsSmallerBatches() {
        try (VsphereSimulator sim = VsphereSimulator.builder().model(SimulatorModel.VPX).vms(20).maxQueryMetrics(20)
                .build().start();
             EsxConnection c = SimulatedConnection.vpx(sim, sim.datacenterName(), "")) {
            int on = c.allDomainStats(Set.of(StatsGroup.STATE), Set.of(DomainListFlag.RUNNING)).size();
            long before = sim.requestCount("QueryPerf");
            c.allDomainStats(Set.of(StatsGroup.CPU_TOTAL, StatsGroup.INTERFACE), Set.of());
            // 20 metrics / 10 ids = 2 VMs a query; the simulator refuses a query over the limit
            assertEquals((on + 1) / 2, sim.requestCount("QueryPerf") - before);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void vcsimAnswersQueryPerf() throws Exception {
        Vcsim.require();
        StringBuilder report = new StringBuilder("domstats --cpu-total --interface requests (vcsim):");
        for (int vms : new int[] {10, 100, 1000}) {
            try (Vcsim sim = Vcsim.start(SimulatorModel.ESX, vms, true);
                 EsxConnection c = (EsxConnection) ConnectionFactory.open("esx://127.0.0.1:" + sim.sdkUrl().getPort()
                         + "/?no_verify=1", Authenticator.fixed(sim.username(), sim.password().toCharArray()))) {
                int on = c.allDomainStats(Set.of(StatsGroup.STATE), Set.of(DomainListFlag.RUNNING)).size();
                Map<String, Long> before = c.requestCounts();
                List<DomainStats> all = c.allDomainStats(COUNTER_GROUPS, Set.of());
                Map<String, Long> used = delta(before, c.requestCounts());
                assertEquals(vms, all.size());
                int queries = PerfBatches.queries(on, IoCounters.CPU.size() + IoCounters.NET.size(), 0,
                        PerfReader.REALTIME_SAMPLES);
                assertEquals(queries, used.getOrDefault("QueryPerf", 0L), used.toString());
                for (DomainStats s : all) {
                    Map<String, Object> v = values(s);
                    if (s.domain().state().isActive()) {
                        assertTrue((Long) v.get("cpu.time") >= 0, v.toString());
                    }
                }
                report.append(' ').append(vms).append(" VMs: ").append(sum(used));
            }
        }
        System.out.println(report);
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new LinkedHashMap<>();
        after.forEach((k, v) -> {
            long x = v - before.getOrDefault(k, 0L);
            if (x != 0) {
                d.put(k, x);
            }
        });
        return d;
    }

    private static long sum(Map<String, Long> m) {
        return m.values().stream().mapToLong(Long::longValue).sum();
    }
}
