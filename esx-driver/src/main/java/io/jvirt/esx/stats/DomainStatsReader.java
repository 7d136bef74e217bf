package io.jvirt.esx.stats;

import io.jvirt.esx.domain.DomainDriver;
import io.jvirt.esx.domain.EsxDomain;
import io.jvirt.esx.inventory.InventoryScope;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.esx.vi.PropertyReader;
import io.jvirt.esx.vi.Specs;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainListFlag;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.TypedParameter;
import io.jvirt.spi.driver.DomainListFilter;
import io.jvirt.spi.DomainStats;
import io.jvirt.spi.StatsGroup;
import io.jvirt.spi.stats.StatsParams;
import io.jvirt.spi.xml.DomainXml;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.VirtualDevice;
import io.jvirt.vim25.VirtualEthernetCard;
import io.jvirt.vim25.VirtualMachineQuickStats;
import io.jvirt.spi.InterfaceStats;

import javax.xml.datatype.XMLGregorianCalendar;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code virConnectGetAllDomainStats} for ESX/vCenter. The property-based groups (state,
 * balloon, vcpu) of every VM of the scope come from one {@code RetrievePropertiesEx} (plus one
 * {@code ContinueRetrievePropertiesEx} per further page of {@code esx.pageSize} VMs, 1000 by
 * default), whatever the number of VMs: {@code config.hardware} and
 * {@code summary.quickStats}. The block group (disk targets and paths) needs the domain XML,
 * that is the {@code .vmx} of each VM: one download per VM. The counters of cpu-total,
 * interface and block come from {@code PerformanceManager.QueryPerf} for the powered-on VMs, in
 * batches within the server's limits ({@link PerfBatches}; mapping in {@link IoCounters}); the
 * interface group names NICs by MAC address from {@code config.hardware.device} (read with the
 * other properties).
 *
 * <p>Mapping: {@code state.state} from {@code runtime.powerState} (reason 0: vSphere gives
 * none); {@code balloon.maximum} = {@code memoryMB} KiB, {@code balloon.current} = memory minus
 * {@code quickStats.balloonedMemory} while powered on, {@code balloon.rss} =
 * {@code quickStats.hostMemoryUsage} (host memory consumed, libvirt's "resident set size") while
 * powered on; {@code vcpu.current} = {@code vcpu.maximum} = {@code numCPU}.
 */
public final class DomainStatsReader {
    /** The groups this driver reports. */
    public static final Set<StatsGroup> GROUPS = EnumSet.of(StatsGroup.STATE, StatsGroup.CPU_TOTAL,
            StatsGroup.BALLOON, StatsGroup.VCPU, StatsGroup.INTERFACE, StatsGroup.BLOCK);
    static final List<String> PROPERTIES = List.of("config.hardware.memoryMB", "config.hardware.numCPU",
            "summary.quickStats");

    private final VimSession session;
    private final InventoryScope scope;
    private final DomainDriver domains;
    private final PerfReader perf;

    /** @param perf the connection's PerformanceManager facts (cached across calls) */
    public DomainStatsReader(VimSession session, InventoryScope scope, DomainDriver domains, PerfServer perf) {
        this.session = session;
        this.scope = scope;
        this.domains = domains;
        this.perf = new PerfReader(session, perf);
    }

    /** QueryPerf requests made by the last call. */
    public int lastPerfQueries() {
        return perf.lastQueries();
    }

    /** Every VM of the scope matching the state flags. */
    public List<DomainStats> all(Set<StatsGroup> groups, Set<DomainListFlag> flags) {
        DomainListFilter filter = new DomainListFilter(checkFlags(flags));
        if (scope.hostSystem() == null && scope.kind() != InventoryScope.Kind.DATACENTER) {
            return List.of();
        }
        Set<StatsGroup> wanted = wanted(groups);
        List<ObjectProps> vms = PropertyReader.retrieve(session, Specs.filter(scope.vmSearch(),
                Specs.props("VirtualMachine", properties(wanted))));
        Map<EsxDomain, ObjectProps> selected = new LinkedHashMap<>();
        for (ObjectProps vm : vms) {
            EsxDomain d = domains.handleOf(vm);
            if (filter.matches(new DomainListFilter.Facts(d.state(), true, false, false, false))) {
                selected.put(d, vm);
            }
        }
        return build(selected, wanted);
    }

    /** The given domains (one request for all of them, plus the block group's downloads). */
    public List<DomainStats> of(List<Domain> list, Set<StatsGroup> groups) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<String, Domain> byMor = new LinkedHashMap<>();
        List<io.jvirt.vim25.ObjectSpec> objects = new ArrayList<>();
        for (Domain d : list) {
            EsxDomain e = DomainDriver.asEsx(d).orElseThrow(() -> new HypervisorException(ErrorCode.INVALID_ARG,
                    ErrorDomain.ESX, "Domain '" + d.name() + "' does not belong to an ESX connection"));
            ManagedObjectReference mor = e.mor();
            byMor.put(mor.getValue(), d);
            objects.add(Specs.from(mor, false));
        }
        Set<StatsGroup> wanted = wanted(groups);
        Map<String, ObjectProps> found = new LinkedHashMap<>();
        for (ObjectProps vm : PropertyReader.retrieve(session, Specs.filter(objects,
                List.of(Specs.props("VirtualMachine", properties(wanted)))))) {
            found.put(vm.value(), vm);
        }
        Map<EsxDomain, ObjectProps> selected = new LinkedHashMap<>();
        for (Map.Entry<String, Domain> e : byMor.entrySet()) {
            ObjectProps vm = found.get(e.getKey());
            if (vm == null) {
                throw new HypervisorException(ErrorCode.NO_DOMAIN, ErrorDomain.ESX,
                        "Domain '" + e.getValue().name() + "' no longer exists");
            }
            selected.put(domains.handleOf(vm), vm);
        }
        return build(selected, wanted);
    }

    /** The records, with one batched performance read for every powered-on VM when a counter group is wanted. */
    private List<DomainStats> build(Map<EsxDomain, ObjectProps> selected, Set<StatsGroup> wanted) {
        List<PerfReader.Metric> metrics = new ArrayList<>();
        if (wanted.contains(StatsGroup.CPU_TOTAL)) {
            metrics.addAll(IoCounters.CPU);
        }
        if (wanted.contains(StatsGroup.INTERFACE)) {
            metrics.addAll(IoCounters.NET);
        }
        if (wanted.contains(StatsGroup.BLOCK)) {
            metrics.addAll(IoCounters.DISK);
        }
        Map<String, PerfReader.Samples> samples = Map.of();
        if (!metrics.isEmpty()) {
            List<PerfReader.Target> targets = new ArrayList<>();
            for (Map.Entry<EsxDomain, ObjectProps> e : selected.entrySet()) {
                if (e.getKey().state() == DomainState.RUNNING) {
                    targets.add(new PerfReader.Target(e.getKey().mor(),
                            e.getValue().get("runtime.bootTime", XMLGregorianCalendar.class).orElse(null)));
                }
            }
            samples = perf.read(targets, metrics);
        }
        List<DomainStats> out = new ArrayList<>();
        for (Map.Entry<EsxDomain, ObjectProps> e : selected.entrySet()) {
            PerfReader.Samples s = samples.get(e.getKey().mor().getValue());
            out.add(new DomainStats(e.getKey(), params(e.getKey(), e.getValue(), wanted, s)));
        }
        return out;
    }

    /** The groups asked for that this driver has (libvirt ignores the others unless enforced). */
    private static Set<StatsGroup> wanted(Set<StatsGroup> groups) {
        if (groups.isEmpty()) {
            return GROUPS;
        }
        Set<StatsGroup> w = EnumSet.copyOf(groups);
        w.retainAll(GROUPS);
        return w;
    }

    private static Set<DomainListFlag> checkFlags(Set<DomainListFlag> flags) {
        for (DomainListFlag f : flags) {
            switch (f) {
                case ACTIVE, INACTIVE, RUNNING, PAUSED, SHUTOFF, OTHER, PERSISTENT -> {
                }
                default -> throw new HypervisorException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.ESX,
                        "Filter " + f + " is not supported for statistics; use the state filters");
            }
        }
        return flags;
    }

    private static List<String> properties(Set<StatsGroup> wanted) {
        List<String> p = new ArrayList<>(DomainDriver.identityProperties());
        PROPERTIES.stream().filter(x -> !p.contains(x)).forEach(p::add);
        if (wanted.contains(StatsGroup.CPU_TOTAL) || wanted.contains(StatsGroup.INTERFACE)
                || wanted.contains(StatsGroup.BLOCK)) {
            p.add("runtime.bootTime");
        }
        if (wanted.contains(StatsGroup.INTERFACE)) {
            p.add(DEVICES);
        }
        return p;
    }

    static final String DEVICES = "config.hardware.device";

    /** The VM's NICs in device-key order ({@code ethernet0} first). */
    static List<VirtualEthernetCard> nics(ObjectProps vm) {
        List<VirtualEthernetCard> nics = new ArrayList<>();
        for (VirtualDevice d : vm.list(DEVICES, VirtualDevice.class)) {
            if (d instanceof VirtualEthernetCard n) {
                nics.add(n);
            }
        }
        nics.sort(java.util.Comparator.comparingInt(VirtualDevice::getKey));
        return nics;
    }

    private static List<TypedParameter> params(EsxDomain d, ObjectProps vm, Set<StatsGroup> wanted,
                                               PerfReader.Samples samples) {
        List<TypedParameter> p = new ArrayList<>();
        boolean on = d.state() == DomainState.RUNNING || d.state() == DomainState.PAUSED;
        if (wanted.contains(StatsGroup.STATE)) {
            StatsParams.state(p, d.state());
        }
        if (wanted.contains(StatsGroup.CPU_TOTAL) && samples != null) {
            long[] cpu = IoCounters.cpu(samples);
            StatsParams.cpuTotal(p, cpu[0], cpu[1], cpu[2]);
        }
        int numCpu = vm.get("config.hardware.numCPU", Number.class).map(Number::intValue).orElse(0);
        long memKiB = vm.get("config.hardware.memoryMB", Number.class).map(Number::longValue).orElse(0L) * 1024;
        VirtualMachineQuickStats quick = vm.get("summary.quickStats", VirtualMachineQuickStats.class).orElse(null);
        if (wanted.contains(StatsGroup.BALLOON)) {
            if (d.state() == DomainState.RUNNING && quick != null && quick.getBalloonedMemory() != null) {
                StatsParams.balloon(p, memKiB - quick.getBalloonedMemory() * 1024L, memKiB);
            } else if (!on) {
                StatsParams.balloon(p, memKiB, memKiB);
            } else {
                p.add(TypedParameter.ofUnsignedLong("balloon.maximum", memKiB));
            }
            if (on && quick != null && quick.getHostMemoryUsage() != null) {
                p.add(TypedParameter.ofUnsignedLong("balloon.rss", quick.getHostMemoryUsage() * 1024L));
            }
        }
        if (wanted.contains(StatsGroup.VCPU)) {
            StatsParams.vcpu(p, numCpu, numCpu);
        }
        if (wanted.contains(StatsGroup.INTERFACE)) {
            List<VirtualEthernetCard> nics = nics(vm);
            p.add(new TypedParameter("net.count", TypedParameter.Type.UINT, nics.size()));
            for (int i = 0; i < nics.size(); i++) {
                VirtualEthernetCard n = nics.get(i);
                if (n.getMacAddress() != null) {
                    p.add(new TypedParameter("net." + i + ".name", TypedParameter.Type.STRING,
                            n.getMacAddress().toLowerCase(java.util.Locale.ROOT)));
                }
                if (samples != null && samples.of(IoCounters.NET_BYTES_RX, String.valueOf(n.getKey())) != null) {
                    StatsParams.netCounters(p, i, IoCounters.nic(samples, String.valueOf(n.getKey())));
                }
            }
        }
        if (wanted.contains(StatsGroup.BLOCK)) {
            StatsParams.block(p, DomainXml.parse(d.xmlDesc()), disk -> {
                String instance = IoCounters.diskInstance(disk);
                return samples == null || instance == null || samples.of(IoCounters.DISK_READS, instance) == null
                        ? null : IoCounters.disk(samples, instance);
            });
        }
        return p;
    }
}
