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
import io.jvirt.vim25.VirtualMachineQuickStats;

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
 * that is the {@code .vmx} of each VM: one download per VM.
 *
 * <p>Mapping: {@code state.state} from {@code runtime.powerState} (reason 0: vSphere gives
 * none); {@code balloon.maximum} = {@code memoryMB} KiB, {@code balloon.current} = memory minus
 * {@code quickStats.balloonedMemory} while powered on, {@code balloon.rss} =
 * {@code quickStats.hostMemoryUsage} (host memory consumed, libvirt's "resident set size") while
 * powered on; {@code vcpu.current} = {@code vcpu.maximum} = {@code numCPU}.
 */
public final class DomainStatsReader {
    /** The groups this driver reports. */
    public static final Set<StatsGroup> GROUPS = EnumSet.of(StatsGroup.STATE, StatsGroup.BALLOON, StatsGroup.VCPU,
            StatsGroup.BLOCK);
    static final List<String> PROPERTIES = List.of("config.hardware.memoryMB", "config.hardware.numCPU",
            "summary.quickStats");

    private final VimSession session;
    private final InventoryScope scope;
    private final DomainDriver domains;

    public DomainStatsReader(VimSession session, InventoryScope scope, DomainDriver domains) {
        this.session = session;
        this.scope = scope;
        this.domains = domains;
    }

    /** Every VM of the scope matching the state flags. */
    public List<DomainStats> all(Set<StatsGroup> groups, Set<DomainListFlag> flags) {
        DomainListFilter filter = new DomainListFilter(checkFlags(flags));
        if (scope.hostSystem() == null && scope.kind() != InventoryScope.Kind.DATACENTER) {
            return List.of();
        }
        List<ObjectProps> vms = PropertyReader.retrieve(session, Specs.filter(scope.vmSearch(),
                Specs.props("VirtualMachine", properties())));
        List<DomainStats> out = new ArrayList<>();
        Set<StatsGroup> wanted = wanted(groups);
        for (ObjectProps vm : vms) {
            EsxDomain d = domains.handleOf(vm);
            if (filter.matches(new DomainListFilter.Facts(d.state(), true, false, false, false))) {
                out.add(new DomainStats(d, params(d, vm, wanted)));
            }
        }
        return out;
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
                List.of(Specs.props("VirtualMachine", properties()))))) {
            found.put(vm.value(), vm);
        }
        List<DomainStats> out = new ArrayList<>();
        for (Map.Entry<String, Domain> e : byMor.entrySet()) {
            ObjectProps vm = found.get(e.getKey());
            if (vm == null) {
                throw new HypervisorException(ErrorCode.NO_DOMAIN, ErrorDomain.ESX,
                        "Domain '" + e.getValue().name() + "' no longer exists");
            }
            EsxDomain d = domains.handleOf(vm);
            out.add(new DomainStats(d, params(d, vm, wanted)));
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

    private static List<String> properties() {
        List<String> p = new ArrayList<>(DomainDriver.identityProperties());
        PROPERTIES.stream().filter(x -> !p.contains(x)).forEach(p::add);
        return p;
    }

    private static List<TypedParameter> params(EsxDomain d, ObjectProps vm, Set<StatsGroup> wanted) {
        List<TypedParameter> p = new ArrayList<>();
        boolean on = d.state() == DomainState.RUNNING || d.state() == DomainState.PAUSED;
        if (wanted.contains(StatsGroup.STATE)) {
            StatsParams.state(p, d.state());
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
        if (wanted.contains(StatsGroup.BLOCK)) {
            StatsParams.block(p, DomainXml.parse(d.xmlDesc()));
        }
        return p;
    }
}
