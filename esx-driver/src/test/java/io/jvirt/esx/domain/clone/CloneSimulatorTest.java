package io.jvirt.esx.domain.clone;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.CloneOptions;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.xml.DomainDef;
import io.jvirt.spi.xml.DomainXml;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Domain.clone against the in-JVM simulator: the ESX path (CopyVirtualDisk_Task, a rewritten
 * .vmx, RegisterVM_Task) and the vCenter path (CloneVM_Task).
 */
class CloneSimulatorTest {

    @Test
    void standaloneEsxCopiesDisksAndRegistersANewVmx() {
        try (VsphereSimulator sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 1);
             EsxConnection conn = SimulatedConnection.esx(sim, "")) {
            Domain source = conn.lookupDomainByName("ha-host_VM0");
            source.destroy();
            DomainDef before = DomainXml.parse(source.xmlDesc());
            Domain clone = source.clone("web 2", CloneOptions.defaults());
            assertEquals("web 2", clone.name());
            assertEquals(DomainState.SHUTOFF, clone.currentState());
            assertTrue(conn.listAllDomains().stream().anyMatch(d -> d.name().equals("web 2")));
            assertEquals(1, sim.requestCount("CopyVirtualDisk_Task"));
            assertEquals(0, sim.requestCount("CloneVM_Task"), "ESX has no CloneVM");

            DomainDef after = DomainXml.parse(conn.lookupDomainByName("web 2").xmlDesc());
            assertEquals("web 2", after.name());
            assertNotEquals(before.uuid(), after.uuid());
            assertEquals(clone.uuid(), after.uuid());
            assertEquals(before.memoryKiB(), after.memoryKiB());
            assertEquals("[LocalDS_0] web 2/web 2.vmdk", after.devices().disks().get(0).source());
            assertNotEquals(before.devices().interfaces().get(0).mac(), after.devices().interfaces().get(0).mac());
            assertTrue(sim.datastoreFile("LocalDS_0", "web 2/web 2.vmdk").isPresent());
            String vmx = new String(sim.datastoreFile("LocalDS_0", "web 2/web 2.vmx").orElseThrow(), StandardCharsets.UTF_8);
            assertFalse(vmx.contains("uuid.location"), vmx);
            // the source is untouched and the clone starts
            assertEquals(before.uuid(), DomainXml.parse(source.xmlDesc()).uuid());
            clone.create();
            assertEquals(DomainState.RUNNING, clone.currentState());
        }
    }

    @Test
    void standaloneEsxRefusalsNameTheReason() {
        try (VsphereSimulator sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 2);
             EsxConnection conn = SimulatedConnection.esx(sim, "")) {
            Domain running = conn.lookupDomainByName("ha-host_VM0");
            HypervisorException active = assertThrows(HypervisorException.class,
                    () -> running.clone("c1", CloneOptions.defaults()));
            assertEquals(ErrorCode.OPERATION_INVALID, active.code());
            assertTrue(active.getMessage().contains("shut it down first"), active.getMessage());
            Domain off = conn.lookupDomainByName("ha-host_VM1");
            HypervisorException linked = assertThrows(HypervisorException.class,
                    () -> off.clone("c1", new CloneOptions("s1", true, null)));
            assertEquals(ErrorCode.ARGUMENT_UNSUPPORTED, linked.code());
            assertTrue(linked.getMessage().contains("vCenter"), linked.getMessage());
            assertEquals(ErrorCode.DOM_EXIST, assertThrows(HypervisorException.class,
                    () -> off.clone("ha-host_VM0", CloneOptions.defaults())).code());
            assertEquals(ErrorCode.NO_STORAGE_POOL, assertThrows(HypervisorException.class,
                    () -> off.clone("c1", new CloneOptions(null, false, "nope"))).code());
            HypervisorException noSnapshot = assertThrows(HypervisorException.class, () -> new CloneOptions(null, true, null));
            assertEquals(ErrorCode.INVALID_ARG, noSnapshot.code());
            // the directory exists already: refused, and the existing files stay
            sim.putDatastoreFile("LocalDS_0", "taken/keep.txt", "x".getBytes(StandardCharsets.UTF_8));
            HypervisorException taken = assertThrows(HypervisorException.class,
                    () -> off.clone("taken", CloneOptions.defaults()));
            assertTrue(taken.getMessage().contains("already exists"), taken.getMessage());
            assertTrue(sim.datastoreFile("LocalDS_0", "taken/keep.txt").isPresent());
            assertEquals(2, conn.listAllDomains().size());
        }
    }

    @Test
    void vcenterClonesWithCloneVmIntoThePoolAndLinkedFromASnapshot() {
        try (VsphereSimulator sim = SimulatedConnection.startSimulator(SimulatorModel.VPX, 1);
             EsxConnection conn = SimulatedConnection.vpx(sim, "DC0/DC0_H0", "")) {
            Domain source = conn.listAllDomains().get(0);
            Domain clone = source.clone("vc-clone", CloneOptions.defaults());
            assertEquals(1, sim.requestCount("CloneVM_Task"));
            assertEquals(source.name(), sim.clonedFrom("vc-clone").orElseThrow());
            assertNotEquals(source.uuid(), clone.uuid());
            assertTrue(conn.listAllDomains().stream().anyMatch(d -> d.name().equals("vc-clone")));
            clone.create();
            assertEquals(DomainState.RUNNING, clone.currentState());

            source.createSnapshot("<domainsnapshot><name>s1</name></domainsnapshot>", java.util.Set.of(), null);
            Domain linked = source.clone("vc-linked", new CloneOptions("s1", true, null));
            assertEquals("vc-linked", linked.name());
            assertEquals(ErrorCode.NO_DOMAIN_SNAPSHOT, assertThrows(HypervisorException.class,
                    () -> source.clone("vc-x", new CloneOptions("nope", true, null))).code());
            assertEquals(ErrorCode.NO_STORAGE_POOL, assertThrows(HypervisorException.class,
                    () -> source.clone("vc-x", new CloneOptions(null, false, "nope"))).code());
        }
    }
}
