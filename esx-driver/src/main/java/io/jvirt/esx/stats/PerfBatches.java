package io.jvirt.esx.stats;

/**
 * How many entities one {@code QueryPerf} may carry, within the server's limits:
 *
 * <pre>
 * entitiesPerQuery = min( {@value #MAX_ENTITIES},
 *                         floor(maxQueryMetrics / metricIdsPerEntity)          (vCenter; no term when 0),
 *                         floor({@value #MAX_ANSWER_VALUES} / (metricIdsPerEntity * {@value #INSTANCES_PER_METRIC} * samples)) )
 *                    at least 1
 * queries          = ceil(poweredOnVms / entitiesPerQuery)
 * </pre>
 *
 * <p>{@value #MAX_ENTITIES} entities is VMware's advice for one query; {@code maxQueryMetrics}
 * is vCenter's {@code config.vpxd.stats.maxQueryMetrics} (entities times metric ids, 64 by
 * default); {@value #MAX_ANSWER_VALUES} is vCenter's cap on the values of one answer, with
 * {@value #INSTANCES_PER_METRIC} instances assumed per metric id (a wildcard id returns one
 * series per disk or NIC plus the aggregate) and {@code samples} values per series.
 */
public final class PerfBatches {
    /** VMware's advice: no more than about 50 entities per QueryPerf. */
    public static final int MAX_ENTITIES = 50;
    /** vCenter's cap on the values one QueryPerf answer may hold. */
    public static final int MAX_ANSWER_VALUES = 500_000;
    /** Series assumed per wildcard metric id (disks or NICs of a VM, plus the aggregate). */
    public static final int INSTANCES_PER_METRIC = 4;

    private PerfBatches() {
    }

    /** Entities per QueryPerf for this many metric ids per entity, limit (0: none) and samples per series. */
    public static int entitiesPerQuery(int metricIdsPerEntity, int maxQueryMetrics, int samples) {
        if (metricIdsPerEntity < 1 || samples < 1) {
            throw new IllegalArgumentException("metricIdsPerEntity and samples must be positive");
        }
        long n = MAX_ENTITIES;
        if (maxQueryMetrics > 0) {
            n = Math.min(n, maxQueryMetrics / metricIdsPerEntity);
        }
        n = Math.min(n, MAX_ANSWER_VALUES / ((long) metricIdsPerEntity * INSTANCES_PER_METRIC * samples));
        return (int) Math.max(1, n);
    }

    /** QueryPerf requests for {@code entities} entities. */
    public static int queries(int entities, int metricIdsPerEntity, int maxQueryMetrics, int samples) {
        if (entities == 0) {
            return 0;
        }
        int per = entitiesPerQuery(metricIdsPerEntity, maxQueryMetrics, samples);
        return (entities + per - 1) / per;
    }
}
