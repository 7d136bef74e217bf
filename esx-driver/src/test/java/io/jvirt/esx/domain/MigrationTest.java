package io.jvirt.esx.domain;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.Domain;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.MigrateFlag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.jvirt.esx.domain.DomainAssertions.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Migration between the two hosts of cluster DC0_C0 of the vCenter simulator (VM0 on H0, VM1 on
 * H1), and destroy/undefine through a vCenter connection.
 */
class MigrationTest {
    private VsphereSimulator sim;
    private EsxConnection h0;
    private EsxConnection h1;

    @BeforeEach
    void start() {
        sim = SimulatedConnection.startSimulator(SimulatorModel.VPX, 2);
        h0 = SimulatedConnection.vpx(sim, "DC0/DC0_C0/DC0_C0_H0", "");
        h1 = SimulatedConnection.vpx(sim, "DC0/DC0_C0/DC0_C0_H1", "");
    }

    @AfterEach
    void stop() {
        h0.close();
        h1.close();
        sim.close();
    }

    private static List<String> names(EsxConnection c) {
        return c.listAllDomains(Set.of()).stream().map(Domain::name).toList();
    }

    @Test
    void prepareNamesTheDestinationPoolAndHost() {
        String uri = h1.domainWrites().migration().prepare();
        assertTrue(uri.matches("vpxmigr://127\\.0\\.0\\.1/[^/]+/[^/]+"), uri);
        assertTrue(uri.endsWith("/" + h1.scope().resourcePool().getValue() + "/" + h1.scope().hostSystem().getValue()), uri);
    }

    @Test
    void migrateMovesTheVmToTheOtherHost() {
        assertTrue(names(h0).contains("DC0_C0_RP0_VM0"));
        Domain d = h0.lookupDomainByName("DC0_C0_RP0_VM0");
        sim.setTaskDuration(Duration.ofMillis(200));
        List<Integer> progress = new ArrayList<>();
        Domain moved = d.migrate(h1, Set.of(MigrateFlag.LIVE, MigrateFlag.PERSIST_DEST), null, null, 0,
                (op, p) -> progress.add(p));
        assertEquals(d.uuid(), moved.uuid());
        assertEquals(h1, moved.connection());
        assertFalse(names(h0).contains("DC0_C0_RP0_VM0"));
        assertTrue(names(h1).contains("DC0_C0_RP0_VM0"));
        assertEquals(1, sim.requestCount("ValidateMigration"));
        assertEquals(100, progress.get(progress.size() - 1));
    }

    @Test
    void aReadOnlyDestinationIsRefused() {
        Domain d = h0.lookupDomainByName("DC0_C0_RP0_VM0");
        String uri = h1.domainWrites().migration().prepare();
        io.jvirt.spi.Connection readOnly = io.jvirt.spi.readonly.ReadOnlyHandles.wrap(h1);
        sim.resetRequestCounts();
        fails(ErrorCode.OPERATION_DENIED, "read only access prevents migrating to the destination connection " + h1.uri(),
                () -> d.migrate(readOnly, Set.of(MigrateFlag.LIVE), null, uri, 0, null));
        assertEquals(0, sim.requestCount("MigrateVM_Task"));
        assertTrue(names(h0).contains("DC0_C0_RP0_VM0"));
    }

    @Test
    void uriChecks() {
        Domain d = h0.lookupDomainByName("DC0_C0_RP0_VM0");
        String good = h1.domainWrites().migration().prepare();
        fails(ErrorCode.INVALID_ARG, "Renaming domains on migration not supported",
                () -> d.migrate(h1, Set.of(), "other", null, 0, null));
        fails(ErrorCode.INVALID_ARG, "Only vpxmigr:// migration URIs are supported",
                () -> d.migrate(h1, Set.of(), null, good.replace("vpxmigr:", "tcp:"), 0, null));
        fails(ErrorCode.INVALID_ARG, "Migration source and destination have to refer to the same vCenter",
                () -> d.migrate(h1, Set.of(), null, good.replace("127.0.0.1", "127.0.0.9"), 0, null));
        fails(ErrorCode.INVALID_ARG, "Migration URI has to specify resource pool and host system",
                () -> d.migrate(h1, Set.of(), null, good.substring(0, good.lastIndexOf('/') + 1), 0, null));
        fails(ErrorCode.INVALID_ARG, "Migration URI has to specify resource pool and host system",
                () -> d.migrate(h1, Set.of(), null, "VPXMIGR://127.0.0.1/", 0, null));
        fails(ErrorCode.INVALID_ARG, "unsupported flags (OFFLINE) in function migrate",
                () -> d.migrate(h1, Set.of(MigrateFlag.OFFLINE), null, null, 0, null));
        assertEquals(0, sim.requestCount("MigrateVM_Task"));
    }

    @Test
    void validationProblemIsReported() {
        Domain d = h0.lookupDomainByName("DC0_C0_RP0_VM0");
        sim.setHostMaintenanceMode("DC0_C0_H1", true);
        fails(ErrorCode.INTERNAL_ERROR, "Could not migrate domain, validation reported a problem: The target host"
                + " DC0_C0_H1 is in maintenance mode.", () -> d.migrate(h1, Set.of(), null, null, 0, null));
        assertEquals(0, sim.requestCount("MigrateVM_Task"));
    }

    @Test
    void migrationNeedsAVcenter() throws Exception {
        try (VsphereSimulator esx = SimulatedConnection.startSimulator(SimulatorModel.ESX, 1);
             EsxConnection c = SimulatedConnection.esx(esx, "")) {
            Domain d = c.lookupDomainByName("ha-host_VM0");
            fails(ErrorCode.INVALID_ARG, "Migration not possible without a vCenter",
                    () -> d.migrate(h1, Set.of(), null, null, 0, null));
            fails(ErrorCode.INVALID_ARG, "Migration not possible without a vCenter", c.domainWrites().migration()::prepare);
        }
    }

    @Test
    void destroyAndUndefineOnTheVcenter() {
        Domain d = h0.lookupDomainByName("DC0_C0_RP0_VM0");
        d.destroy();
        assertEquals("poweredOff", sim.powerState("DC0_C0_RP0_VM0"));
        d.undefine();
        assertFalse(names(h0).contains("DC0_C0_RP0_VM0"));
        assertFalse(sim.vmNames().contains("DC0_C0_RP0_VM0"));
    }
}
