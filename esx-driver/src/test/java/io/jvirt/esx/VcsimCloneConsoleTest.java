package io.jvirt.esx;

import io.jvirt.fixtures.vcsim.Vcsim;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.spi.CloneOptions;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.auth.Authenticator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clone and console against vcsim: CloneVM_Task on a vCenter cluster makes a VM that lists and
 * starts; vcsim has no console (no capability.screenshotSupported, no /screen URL), so a
 * screenshot fails with a message naming that.
 */
class VcsimCloneConsoleTest {
    private static Vcsim vpx;
    private static Vcsim esx;

    @BeforeAll
    static void start() throws Exception {
        Vcsim.require();
        vpx = Vcsim.start(SimulatorModel.VPX, 2, true);
        esx = Vcsim.start(SimulatorModel.ESX, 2, true);
    }

    @AfterAll
    static void stop() {
        if (vpx != null) {
            vpx.close();
        }
        if (esx != null) {
            esx.close();
        }
    }

    private static EsxConnection open(Vcsim sim, String scheme, String path) {
        return (EsxConnection) ConnectionFactory.open(scheme + "://127.0.0.1:" + sim.sdkUrl().getPort() + "/" + path
                + "?no_verify=1", Authenticator.fixed(sim.username(), sim.password().toCharArray()), Map.of());
    }

    @Test
    void cloneOnAVcenterClusterListsAndStarts() {
        try (EsxConnection cluster = open(vpx, "vpx", "DC0/DC0_C0")) {
            Domain source = cluster.listAllDomains().get(0);
            Domain clone = source.clone("vcsim-clone", CloneOptions.defaults());
            assertEquals("vcsim-clone", clone.name());
            assertNotEquals(source.uuid(), clone.uuid());
            assertTrue(cluster.listAllDomains().stream().anyMatch(d -> d.name().equals("vcsim-clone")),
                    "the clone lists in the cluster");
            Domain listed = cluster.lookupDomainByName("vcsim-clone");
            if (listed.currentState() != DomainState.SHUTOFF) {
                listed.destroy();
            }
            listed.create();
            assertEquals(DomainState.RUNNING, cluster.lookupDomainByName("vcsim-clone").currentState());
            HypervisorException taken = assertThrows(HypervisorException.class,
                    () -> source.clone("vcsim-clone", CloneOptions.defaults()));
            assertEquals(ErrorCode.DOM_EXIST, taken.code());
        }
    }

    @Test
    void cloneIntoANamedDatastoreAndLinkedFromASnapshot() {
        try (EsxConnection host = open(vpx, "vpx", "DC0/DC0_C0/DC0_C0_H0")) {
            Domain source = host.listAllDomains().get(0);
            Domain copy = source.clone("vcsim-copy", new CloneOptions(null, false, "LocalDS_0"));
            assertEquals("vcsim-copy", copy.name());
            source.createSnapshot("<domainsnapshot><name>base</name></domainsnapshot>", java.util.Set.of(), null);
            Domain linked = source.clone("vcsim-linked", new CloneOptions("base", true, null));
            assertTrue(host.listAllDomains().stream().anyMatch(d -> d.name().equals(linked.name())));
            assertEquals(ErrorCode.NO_STORAGE_POOL, assertThrows(HypervisorException.class,
                    () -> source.clone("vcsim-x", new CloneOptions(null, false, "no-such-ds"))).code());
        }
    }

    /**
     * vcsim's ESX model has no CloneVM either, so the driver copies the disks and uploads the new
     * .vmx; vcsim's RegisterVM then fails (it does not read a .vmx and insists on a vmware.log in
     * the directory, which only a VM's power-on writes on ESX). The failed clone removes its
     * directory again: a second try fails the same way, not with "directory already exists".
     */
    @Test
    void standaloneVcsimHostCopiesDisksAndAFailedRegistrationLeavesNothingBehind() {
        try (EsxConnection c = open(esx, "esx", "")) {
            Domain source = c.listAllDomains().get(0);
            if (source.currentState() != DomainState.SHUTOFF) {
                HypervisorException running = assertThrows(HypervisorException.class,
                        () -> source.clone("x", CloneOptions.defaults()));
                assertEquals(ErrorCode.OPERATION_INVALID, running.code());
                source.destroy();
            }
            long copies = c.requestCounts().getOrDefault("CopyVirtualDisk_Task", 0L);
            HypervisorException first = assertThrows(HypervisorException.class,
                    () -> source.clone("esx-clone", CloneOptions.defaults()));
            assertTrue(first.getMessage().startsWith("Could not register the clone 'esx-clone': NotFound"),
                    first.getMessage());
            assertTrue(c.requestCounts().getOrDefault("CopyVirtualDisk_Task", 0L) > copies, "the disks were copied");
            HypervisorException second = assertThrows(HypervisorException.class,
                    () -> source.clone("esx-clone", CloneOptions.defaults()));
            assertEquals(first.getMessage(), second.getMessage(), "the first try's directory was removed");
            assertTrue(c.listAllDomains().stream().noneMatch(d -> d.name().equals("esx-clone")));
        }
    }

    @Test
    void screenshotOnVcsimNamesTheMissingConsole() {
        try (EsxConnection c = open(esx, "esx", "")) {
            Domain d = c.listAllDomains().stream().filter(x -> x.state() == DomainState.RUNNING).findFirst()
                    .orElseThrow();
            HypervisorException e = assertThrows(HypervisorException.class, () -> d.screenshot(0));
            assertEquals(ErrorCode.OPERATION_UNSUPPORTED, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("screenshotSupported") && e.getMessage().contains("/screen"),
                    e.getMessage());
        }
    }
}
