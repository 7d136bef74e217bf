package io.jvirt.esx.stats;

import io.jvirt.esx.vi.VimSession;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.PerfEntityMetric;
import io.jvirt.vim25.PerfEntityMetricBase;
import io.jvirt.vim25.PerfMetricId;
import io.jvirt.vim25.PerfMetricIntSeries;
import io.jvirt.vim25.PerfMetricSeries;
import io.jvirt.vim25.PerfQuerySpec;

import javax.xml.datatype.XMLGregorianCalendar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads real-time samples of a set of counters for many entities with as few {@code QueryPerf}
 * requests as the server's limits allow ({@link PerfBatches}).
 */
final class PerfReader {
    /** The most recent real-time samples kept by ESX and vCenter: one hour of 20-second samples. */
    static final int REALTIME_SAMPLES = 180;

    /** One counter to read, with the instance wanted ({@code ""} aggregate, {@code "*"} every one). */
    record Metric(String counter, String instance) {
    }

    /** An entity to read, with the time its samples start (a VM's boot time; null: all kept). */
    record Target(ManagedObjectReference entity, XMLGregorianCalendar since) {
    }

    /**
     * The samples of one entity: counter name -> instance -> values, oldest first, and the
     * sampling interval in seconds.
     */
    record Samples(int interval, boolean sampled, Map<String, Map<String, long[]>> values) {
        static final Samples NONE = new Samples(0, true, Map.of());

        /**
         * The values of one series, null when the server has no such series; an entity the
         * server answered for without any sample time yet (the first comes one interval after
         * power-on) has empty series: totals of 0.
         */
        long[] of(String counter, String instance) {
            if (!sampled) {
                return new long[0];
            }
            Map<String, long[]> byInstance = values.get(counter);
            return byInstance == null ? null : byInstance.get(instance);
        }

        Map<String, long[]> instances(String counter) {
            return values.getOrDefault(counter, Map.of());
        }
    }

    private final VimSession session;
    private final PerfServer server;
    private int lastQueries;

    PerfReader(VimSession session, PerfServer server) {
        this.session = session;
        this.server = server;
    }

    /** QueryPerf requests made by the last {@link #read}. */
    int lastQueries() {
        return lastQueries;
    }

    /** Samples of {@code metrics} for every target (entities without samples map to {@link Samples#NONE}). */
    Map<String, Samples> read(List<Target> targets, List<Metric> metrics) {
        lastQueries = 0;
        Map<String, Samples> out = new HashMap<>();
        if (targets.isEmpty()) {
            return out;
        }
        List<PerfMetricId> ids = new ArrayList<>();
        Map<Integer, String> names = new HashMap<>();
        for (Metric m : metrics) {
            server.counter(m.counter()).ifPresent(id -> {
                PerfMetricId mid = new PerfMetricId();
                mid.setCounterId(id);
                mid.setInstance(m.instance());
                ids.add(mid);
                names.put(id, m.counter());
            });
        }
        if (ids.isEmpty()) {
            return out; // the server has none of these counters
        }
        int interval = server.refreshRate(targets.get(0).entity());
        int per = PerfBatches.entitiesPerQuery(ids.size(), server.maxQueryMetrics(), REALTIME_SAMPLES);
        ManagedObjectReference manager = server.manager();
        for (int from = 0; from < targets.size(); from += per) {
            List<PerfQuerySpec> specs = new ArrayList<>();
            for (Target t : targets.subList(from, Math.min(targets.size(), from + per))) {
                PerfQuerySpec s = new PerfQuerySpec();
                s.setEntity(t.entity());
                s.setStartTime(t.since());
                s.setMaxSample(REALTIME_SAMPLES);
                s.setIntervalId(interval);
                s.getMetricId().addAll(ids);
                specs.add(s);
            }
            List<PerfEntityMetricBase> answer = session.call("QueryPerf", p -> p.queryPerf(manager, specs));
            lastQueries++;
            for (PerfEntityMetricBase base : answer) {
                if (base instanceof PerfEntityMetric m && m.getEntity() != null) {
                    out.put(m.getEntity().getValue(), samples(m, names, interval));
                }
            }
        }
        return out;
    }

    private static Samples samples(PerfEntityMetric m, Map<Integer, String> names, int interval) {
        Map<String, Map<String, long[]>> values = new LinkedHashMap<>();
        for (PerfMetricSeries s : m.getValue()) {
            if (!(s instanceof PerfMetricIntSeries series) || s.getId() == null) {
                continue;
            }
            String name = names.get(s.getId().getCounterId());
            if (name == null) {
                continue;
            }
            long[] v = series.getValue().stream().mapToLong(Long::longValue).toArray();
            values.computeIfAbsent(name, k -> new LinkedHashMap<>())
                    .put(s.getId().getInstance() == null ? "" : s.getId().getInstance(), v);
        }
        int seconds = m.getSampleInfo().isEmpty() ? interval : m.getSampleInfo().get(0).getInterval();
        return new Samples(seconds, !m.getSampleInfo().isEmpty(), values);
    }
}
