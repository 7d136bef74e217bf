package io.jvirt.esx;

import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainListFlag;
import io.jvirt.spi.auth.Authenticator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Counts the requests each operation costs against the in-JVM simulator (which counts per SOAP
 * method, plus {@code GET} for file downloads) for several inventory sizes. Run
 * {@code main} to print the Markdown table of {@code ROUNDTRIPS.md}; {@link RoundTripBudgetTest}
 * checks the budget of issue 4 with it.
 */
public class RoundTripReport {

    /** One measured operation: its name, request count and the methods used. */
    record Row(String model, int vms, String operation, long requests, Map<String, Long> methods) {
    }

    static List<Row> measure(SimulatorModel model, int vmsPerGroup) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (VsphereSimulator sim = VsphereSimulator.builder().model(model).vms(vmsPerGroup).build().start()) {
            String uri = (model == SimulatorModel.ESX ? "esx://127.0.0.1:" + sim.port() + "/"
                    : "vpx://127.0.0.1:" + sim.port() + "/DC0") + "?transport=http";
            int total = sim.vmNames().size();
            Map<String, Long> before = new TreeMap<>(sim.requestCounts());
            try (EsxConnection c = (EsxConnection) ConnectionFactory.open(uri,
                    Authenticator.fixed(sim.username(), sim.password().toCharArray()), Map.of())) {
                rows.add(row(model, total, "connect", before, sim));
                List<Domain> all = step(model, total, "list all domains (name, id, uuid, state)", sim, rows, s -> c.listAllDomains());
                step(model, total, "list active ids", sim, rows, s -> c.listDomainIds());
                step(model, total, "list all, filtered ACTIVE+HAS_SNAPSHOT", sim, rows,
                        s -> c.listAllDomains(Set.of(DomainListFlag.ACTIVE, DomainListFlag.HAS_SNAPSHOT)));
                Domain first = all.get(0);
                Domain byName = step(model, total, "lookup by name", sim, rows, s -> c.lookupDomainByName(first.name()));
                step(model, total, "lookup by uuid", sim, rows, s -> c.lookupDomainByUuid(first.uuid()));
                step(model, total, "dominfo (after lookup)", sim, rows, s -> byName.info());
                String xml = step(model, total, "dumpxml (after lookup)", sim, rows, s -> byName.xmlDesc());
                String listed = step(model, total, "dumpxml (of a listed domain)", sim, rows, s -> first.xmlDesc());
                if (!listed.equals(xml)) {
                    throw new AssertionError("a listed handle gives another XML than a looked-up one:\n" + listed + "\n" + xml);
                }
                step(model, total, "schedinfo (after lookup)", sim, rows, s -> byName.schedulerParameters());
                step(model, total, "nodeinfo + capabilities + hostname + version", sim, rows, s -> {
                    c.nodeInfo();
                    c.capabilities();
                    c.hostname();
                    return c.version();
                });
                before = new TreeMap<>(sim.requestCounts());
            }
            rows.add(row(model, total, "close", before, sim));
        }
        return rows;
    }

    private interface Op<T> {
        T run(VsphereSimulator sim) throws Exception;
    }

    private static <T> T step(SimulatorModel model, int vms, String name, VsphereSimulator sim, List<Row> rows, Op<T> op)
            throws Exception {
        Map<String, Long> before = new TreeMap<>(sim.requestCounts());
        T result = op.run(sim);
        rows.add(row(model, vms, name, before, sim));
        return result;
    }

    private static Row row(SimulatorModel model, int vms, String name, Map<String, Long> before, VsphereSimulator sim) {
        Map<String, Long> diff = new LinkedHashMap<>();
        long sum = 0;
        for (Map.Entry<String, Long> e : new TreeMap<>(sim.requestCounts()).entrySet()) {
            long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (d > 0) {
                diff.put(e.getKey(), d);
                sum += d;
            }
        }
        return new Row(model.name(), vms, name, sum, diff);
    }

    static String markdown(List<Row> rows) {
        StringBuilder sb = new StringBuilder("| model | VMs | operation | requests | methods |\n|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append("| ").append(r.model()).append(" | ").append(r.vms()).append(" | ").append(r.operation())
                    .append(" | ").append(r.requests()).append(" | ").append(r.methods()).append(" |\n");
        }
        return sb.toString();
    }

    static List<Row> all() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int n : new int[] {2, 100, 500}) {
            rows.addAll(measure(SimulatorModel.ESX, n));
        }
        rows.addAll(measure(SimulatorModel.VPX, 50));
        return rows;
    }

    public static void main(String[] args) throws Exception {
        Consumer<String> out = System.out::println;
        out.accept(markdown(all()));
    }
}
