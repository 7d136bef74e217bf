package io.jvirt.esx.domain;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.Domain;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.TypedParameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jvirt.esx.domain.DomainAssertions.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Memory, vCPUs, scheduler/memory parameters and autostart against the ESX simulator. */
class DomainReconfigureTest {
    private VsphereSimulator sim;
    private EsxConnection conn;
    private Domain on;
    private Domain off;

    @BeforeEach
    void start() {
        sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 3);
        conn = SimulatedConnection.esx(sim, "");
        on = conn.lookupDomainByName("ha-host_VM0");
        off = conn.lookupDomainByName("ha-host_VM1");
    }

    @AfterEach
    void stop() {
        conn.close();
        sim.close();
    }

    @Test
    void maxMemoryRoundsUpToFourMiBAndNeedsPoweredOff() {
        off.setMaxMemory(1024 * 1024 + 1);
        assertEquals((1024 + 4) * 1024L, off.maxMemory());
        off.setMaxMemory(8192);
        assertEquals(8192, off.info().maxMemoryKiB());
        fails(ErrorCode.OPERATION_INVALID, "Domain is not powered off", () -> on.setMaxMemory(8192));
        fails(ErrorCode.INVALID_ARG, "Could not set max-memory to 0 kilobytes, expecting a positive value",
                () -> off.setMaxMemory(0));
    }

    @Test
    void setMemorySetsTheLimitReportedAsCurrentMemory() {
        on.setMemory(10 * 1024 + 1);
        assertEquals(11 * 1024, on.info().memoryKiB());
        assertEquals(on.maxMemory(), on.info().maxMemoryKiB());
    }

    @Test
    void vcpus() {
        off.setVcpus(4);
        assertEquals(4, off.info().vcpus());
        fails(ErrorCode.INVALID_ARG, "Requested number of virtual CPUs must at least be 1", () -> off.setVcpus(0));
        fails(ErrorCode.INVALID_ARG, "Requested number of virtual CPUs is greater than max allowable number of"
                + " virtual CPUs for the domain: 65 > 64", () -> off.setVcpus(65));
        // the server refuses a hot change: the task fails, its fault is reported
        fails(ErrorCode.INTERNAL_ERROR, "Could not set number of virtual CPUs to 3: InvalidPowerState - The"
                + " attempted operation cannot be performed in the current state (Powered on).", () -> on.setVcpus(3));
    }

    @Test
    void schedulerParametersRoundTrip() {
        on.setSchedulerParameters(List.of(TypedParameter.ofLong("reservation", 100), TypedParameter.ofLong("limit", -1),
                TypedParameter.ofInt("shares", 1234)));
        assertEquals(List.of(TypedParameter.ofLong("reservation", 100), TypedParameter.ofLong("limit", -1),
                TypedParameter.ofInt("shares", 1234)).toString(), sorted(on.schedulerParameters()).toString());
        on.setSchedulerParameters(List.of(TypedParameter.ofInt("shares", -3)));
        assertTrue(on.schedulerParameters().contains(TypedParameter.ofInt("shares", -3)));
        on.setSchedulerParameters(List.of(TypedParameter.ofInt("shares", -1)));
        assertTrue(on.schedulerParameters().contains(TypedParameter.ofInt("shares", -1)));
    }

    private static List<TypedParameter> sorted(List<TypedParameter> p) {
        List<String> order = List.of("reservation", "limit", "shares");
        return p.stream().sorted(java.util.Comparator.comparingInt(x -> order.indexOf(x.name()))).toList();
    }

    @Test
    void schedulerParameterValidation() {
        long before = sim.requestCount("ReconfigVM_Task");
        fails(ErrorCode.INVALID_ARG, "Could not set reservation to -1 MHz, expecting positive value",
                () -> on.setSchedulerParameters(List.of(TypedParameter.ofLong("reservation", -1))));
        fails(ErrorCode.INVALID_ARG, "Could not set limit to -2 MHz, expecting positive value or -1 (unlimited)",
                () -> on.setSchedulerParameters(List.of(TypedParameter.ofLong("limit", -2))));
        fails(ErrorCode.INVALID_ARG, "Could not set shares to -4, expecting positive value or -1 (low), -2 (normal)"
                + " or -3 (high)", () -> on.setSchedulerParameters(List.of(TypedParameter.ofInt("shares", -4))));
        fails(ErrorCode.INVALID_ARG, "parameter 'weight' not supported (supported: limit, reservation, shares)",
                () -> on.setSchedulerParameters(List.of(TypedParameter.ofInt("weight", 1))));
        fails(ErrorCode.INVALID_ARG, "invalid type 'int' for parameter 'limit', expected 'llong'",
                () -> on.setSchedulerParameters(List.of(TypedParameter.ofInt("limit", 1))));
        fails(ErrorCode.INVALID_ARG, "parameter 'shares' occurs multiple times",
                () -> on.setSchedulerParameters(List.of(TypedParameter.ofInt("shares", 1), TypedParameter.ofInt("shares", 2))));
        assertEquals(before, sim.requestCount("ReconfigVM_Task"));
    }

    @Test
    void memoryParameters() {
        on.setMemoryParameters(List.of(TypedParameter.ofUnsignedLong("min_guarantee", 2048 + 1)));
        assertEquals(List.of(TypedParameter.ofUnsignedLong("min_guarantee", 3 * 1024)), on.memoryParameters());
        fails(ErrorCode.INVALID_ARG, "invalid type 'llong' for parameter 'min_guarantee', expected 'ullong'",
                () -> on.setMemoryParameters(List.of(TypedParameter.ofLong("min_guarantee", 1))));
        fails(ErrorCode.INVALID_ARG, "parameter 'hard_limit' not supported (supported: min_guarantee)",
                () -> on.setMemoryParameters(List.of(TypedParameter.ofUnsignedLong("hard_limit", 1))));
    }

    @Test
    void autostartEnablesTheGeneralOptionOnlyWithoutAffectingOthers() {
        assertFalse(on.autostart());
        on.setAutostart(true);
        assertTrue(on.autostart());
        assertFalse(off.autostart());
        on.setAutostart(false);
        assertFalse(on.autostart());
        // the general option stays on after disabling
        off.setAutostart(true);
        assertTrue(off.autostart());
    }

    @Test
    void autostartRefusedWhenEnablingWouldStartOtherDomains() {
        Domain third = conn.lookupDomainByName("ha-host_VM2");
        on.setAutostart(true);
        // turn the general option off again behind the driver's back
        var manager = conn.domainWrites().context().autoStartManagers().values().iterator().next();
        var spec = new io.jvirt.vim25.HostAutoStartManagerConfig();
        var defaults = new io.jvirt.vim25.AutoStartDefaults();
        defaults.setEnabled(false);
        spec.setDefaults(defaults);
        conn.domainWrites().context().primary().call("ReconfigureAutostart", p -> {
            p.reconfigureAutostart(manager, spec);
            return null;
        });
        fails(ErrorCode.OPERATION_INVALID, "Cannot enable general autostart option without affecting other domains",
                () -> third.setAutostart(true));
        // an entry that would not start (startAction none) does not block (deliberate, esx-spec 7.2 #27)
        on.setAutostart(false);
        third.setAutostart(true);
        assertTrue(third.autostart());
        assertFalse(on.autostart());
    }
}
