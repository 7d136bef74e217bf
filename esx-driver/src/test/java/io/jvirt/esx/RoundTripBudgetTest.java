package io.jvirt.esx;

import io.jvirt.simulator.SimulatorModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The request budget of issue 4, measured by {@link RoundTripReport} against the in-JVM simulator
 * with 60 VMs per group: connect &lt;= 3, list all &lt;= 2, domain info / XML &lt;= 2 after the lookup.
 * (It used to live in {@code RoundTripReport}, a name surefire does not pick up, so it never ran.)
 */
class RoundTripBudgetTest {

    @Test
    void budgetOfIssue4() throws Exception {
        for (SimulatorModel model : SimulatorModel.values()) {
            List<RoundTripReport.Row> rows = RoundTripReport.measure(model, 60);
            assertEquals(12, rows.size(), "every measured operation has a row: " + rows);
            for (RoundTripReport.Row r : rows) {
                long budget = switch (r.operation()) {
                    case "connect" -> 3;
                    case "list all domains (name, id, uuid, state)", "dominfo (after lookup)", "dumpxml (after lookup)",
                         "dumpxml (of a listed domain)" -> 2;
                    default -> Long.MAX_VALUE;
                };
                if (r.operation().equals("connect") || r.operation().startsWith("list all domains")) {
                    assertTrue(r.requests() > 0, "the simulator counted nothing: " + r);
                }
                assertTrue(r.requests() <= budget, r.toString());
            }
        }
    }
}
