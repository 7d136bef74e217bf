package io.jvirt.esx.domain;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.Domain;
import io.jvirt.spi.error.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.jvirt.esx.domain.DomainAssertions.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@code esx://host/?vcenter=...}: destroy and undefine go to the vCenter (esx-spec 2.0), which
 * knows the VM by UUID; migration prepare names the host as the vCenter knows it. The two
 * simulators have separate inventories, so the vCenter gets a "mirror" VM with the host VM's UUID.
 */
class EsxWithVcenterTest {
    private VsphereSimulator esx;
    private VsphereSimulator vpx;
    private EsxConnection host;
    private EsxConnection vcenter;

    @BeforeEach
    void start() {
        esx = SimulatedConnection.startSimulator(SimulatorModel.ESX, 2);
        vpx = SimulatedConnection.startSimulator(SimulatorModel.VPX, 1);
        host = SimulatedConnection.esx(esx, "&vcenter=127.0.0.1:" + vpx.port());
        vcenter = SimulatedConnection.vpx(vpx, "DC0/DC0_H0", "");
    }

    @AfterEach
    void stop() {
        host.close();
        vcenter.close();
        esx.close();
        vpx.close();
    }

    private void mirror(Domain onHost) {
        vpx.putDatastoreFile("LocalDS_0", "mirror/mirror.vmdk", new byte[0]);
        Domain m = vcenter.defineDomain(DomainDefinerTest.xml("mirror", onHost.uuid().toString(),
                DomainDefinerTest.disk("file", "disk", "[LocalDS_0] mirror/mirror.vmdk")));
        m.create();
    }

    @Test
    void destroyAndUndefineUseTheVcenter() {
        Domain d = host.lookupDomainByName("ha-host_VM0");
        fails(ErrorCode.NO_DOMAIN, "Could not find domain with UUID '" + d.uuid() + "'", d::destroy);
        assertEquals(1, vpx.requestCount("FindByUuid"));
        mirror(d);
        d.destroy();
        assertEquals("poweredOff", vpx.powerState("mirror"));
        assertEquals("poweredOn", esx.powerState("ha-host_VM0"), "the host's own VM was not touched");
        assertEquals(0, esx.requestCount("PowerOffVM_Task"));
        d.undefine();
        assertFalse(vpx.vmNames().contains("mirror"));
        assertEquals(0, esx.requestCount("UnregisterVM"));
    }

    @Test
    void otherTasksStayOnTheHost() {
        Domain d = host.lookupDomainByName("ha-host_VM1");
        d.create();
        assertEquals("poweredOn", esx.powerState("ha-host_VM1"));
        assertEquals(0, vpx.requestCount("PowerOnVM_Task"));
    }

    @Test
    void migrationUriNamesTheHostAsTheVcenterKnowsIt() {
        String uri = host.domainWrites().migration().prepare();
        assertEquals("vpxmigr://127.0.0.1/" + vcenter.scope().resourcePool().getValue() + "/"
                + vcenter.scope().hostSystem().getValue(), uri);
    }
}
