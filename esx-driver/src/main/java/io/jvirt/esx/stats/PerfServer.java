package io.jvirt.esx.stats;

import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.esx.vi.ProductLine;
import io.jvirt.esx.vi.PropertyReader;
import io.jvirt.esx.vi.Specs;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vim25.ArrayOfPerfCounterInfo;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.OptionValue;
import io.jvirt.vim25.PerfCounterInfo;
import io.jvirt.vim25.PerfProviderSummary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a connection's PerformanceManager offers, read once per connection and cached: counter
 * ids by name ({@code group.name.rollup}, from the {@code perfCounter} property: one
 * {@code RetrievePropertiesEx}), the real-time refresh rate ({@code QueryPerfProviderSummary}
 * on a VM or host: one request) and, on vCenter, {@code config.vpxd.stats.maxQueryMetrics}
 * ({@code QueryOptions} on {@code ServiceContent.setting}: one request; vCenter's default of 64
 * when the option is not set, VMware KB 2107096). An ESX host has no such option: no limit.
 */
public final class PerfServer {
    private static final System.Logger LOG = System.getLogger(PerfServer.class.getName());
    /** vCenter's default for {@code config.vpxd.stats.maxQueryMetrics} when the option is not set. */
    public static final int VCENTER_DEFAULT_MAX_QUERY_METRICS = 64;
    static final String MAX_QUERY_METRICS = "config.vpxd.stats.maxQueryMetrics";

    private final VimSession session;
    private Map<String, Integer> counters;
    private Integer refreshRate;
    private Integer maxQueryMetrics;

    public PerfServer(VimSession session) {
        this.session = session;
    }

    ManagedObjectReference manager() {
        ManagedObjectReference m = session.content().getPerfManager();
        if (m == null) {
            throw new HypervisorException(ErrorCode.NO_SUPPORT, ErrorDomain.ESX,
                    "Server '" + session.host() + "' has no PerformanceManager: I/O and CPU statistics are not available");
        }
        return m;
    }

    /** The counter id of {@code group.name.rollup}, if the server has it. */
    synchronized Optional<Integer> counter(String fullName) {
        if (counters == null) {
            Map<String, Integer> byName = new HashMap<>();
            for (ObjectProps p : PropertyReader.retrieve(session, Specs.filter(Specs.from(manager(), false),
                    Specs.props("PerformanceManager", "perfCounter")))) {
                p.get("perfCounter", ArrayOfPerfCounterInfo.class).ifPresent(a -> {
                    for (PerfCounterInfo c : a.getPerfCounterInfo()) {
                        if (c.getGroupInfo() != null && c.getNameInfo() != null && c.getRollupType() != null) {
                            byName.put(c.getGroupInfo().getKey() + "." + c.getNameInfo().getKey() + "."
                                    + c.getRollupType().value(), c.getKey());
                        }
                    }
                });
            }
            counters = byName;
        }
        return Optional.ofNullable(counters.get(fullName));
    }

    /** The real-time sampling interval in seconds (20 on ESX and vCenter), read from {@code entity}. */
    synchronized int refreshRate(ManagedObjectReference entity) {
        if (refreshRate == null) {
            PerfProviderSummary s = session.call("QueryPerfProviderSummary",
                    p -> p.queryPerfProviderSummary(manager(), entity));
            if (s == null || !s.isCurrentSupported() || s.getRefreshRate() == null || s.getRefreshRate() <= 0) {
                throw new HypervisorException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.ESX,
                        "Server '" + session.host() + "' keeps no real-time statistics for " + entity.getType());
            }
            refreshRate = s.getRefreshRate();
        }
        return refreshRate;
    }

    /** The server's limit on metrics per QueryPerf, 0 for none. */
    synchronized int maxQueryMetrics() {
        if (maxQueryMetrics == null) {
            maxQueryMetrics = session.productLine() == ProductLine.VPX ? readVcenterLimit() : 0;
        }
        return maxQueryMetrics;
    }

    private int readVcenterLimit() {
        ManagedObjectReference setting = session.content().getSetting();
        if (setting == null) {
            return VCENTER_DEFAULT_MAX_QUERY_METRICS;
        }
        List<OptionValue> values;
        try {
            values = session.call("QueryOptions", p -> p.queryOptions(setting, MAX_QUERY_METRICS));
        } catch (HypervisorException e) {
            // InvalidName: the option is not set, vCenter then applies its default
            LOG.log(System.Logger.Level.DEBUG, "{0} not readable on ''{1}'' ({2}); using vCenter''s default {3}",
                    MAX_QUERY_METRICS, session.host(), e.getMessage(), VCENTER_DEFAULT_MAX_QUERY_METRICS);
            return VCENTER_DEFAULT_MAX_QUERY_METRICS;
        }
        for (OptionValue v : values) {
            if (MAX_QUERY_METRICS.equals(v.getKey()) && v.getValue() != null) {
                try {
                    int n = Integer.parseInt(v.getValue().toString().trim());
                    return n <= 0 ? 0 : n; // -1 (or 0) switches the limit off
                } catch (NumberFormatException e) {
                    LOG.log(System.Logger.Level.WARNING, "{0} on ''{1}'' is not a number: ''{2}''; using {3}",
                            MAX_QUERY_METRICS, session.host(), v.getValue(), VCENTER_DEFAULT_MAX_QUERY_METRICS);
                }
            }
        }
        return VCENTER_DEFAULT_MAX_QUERY_METRICS;
    }
}
