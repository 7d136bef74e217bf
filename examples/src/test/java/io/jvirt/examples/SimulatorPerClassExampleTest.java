package io.jvirt.examples;

import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.junit.StartedSimulator;
import io.jvirt.simulator.junit.VsphereSimulator;
import io.jvirt.simulator.junit.VsphereSimulator.Lifecycle;
import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.auth.Authenticator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One simulated vCenter for all tests of the class (a static field, {@link Lifecycle#PER_CLASS}):
 * what one test changes, the next one sees.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulatorPerClassExampleTest {

    @VsphereSimulator(model = SimulatorModel.VPX, vms = 1, lifecycle = Lifecycle.PER_CLASS)
    static StartedSimulator vcenter;

    private static Connection connect() {
        assertTrue(vcenter.connectionUri().startsWith("vpx://127.0.0.1:"), vcenter.connectionUri());
        return ConnectionFactory.open(vcenter.connectionUri(),
                Authenticator.fixed(vcenter.username(), vcenter.password().toCharArray()));
    }

    @Test
    @Order(1)
    void firstTestStopsAVm() {
        try (Connection conn = connect()) {
            assertEquals(DomainState.RUNNING, conn.lookupDomainByName("DC0_H0_VM0").state());
            conn.lookupDomainByName("DC0_H0_VM0").destroy();
        }
    }

    @Test
    @Order(2)
    void secondTestSeesItStopped(
            @VsphereSimulator(model = SimulatorModel.VPX, vms = 1, lifecycle = Lifecycle.PER_CLASS)
            StartedSimulator same) {
        assertSame(vcenter.simulator(), same.simulator(), "same settings, same class: the same simulator");
        try (Connection conn = connect()) {
            assertEquals(DomainState.SHUTOFF, conn.lookupDomainByName("DC0_H0_VM0").state());
        }
    }
}
