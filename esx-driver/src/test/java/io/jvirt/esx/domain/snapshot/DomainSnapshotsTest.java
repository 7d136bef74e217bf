package io.jvirt.esx.domain.snapshot;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VmQuestion;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainSnapshot;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.SnapshotFlag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Snapshot tree operations against the ESX simulator (VM0 powered on). */
class DomainSnapshotsTest {
    private VsphereSimulator sim;
    private EsxConnection conn;
    private Domain vm;

    @BeforeEach
    void start() {
        sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 1);
        conn = SimulatedConnection.esx(sim, "");
        vm = conn.lookupDomainByName("ha-host_VM0");
    }

    @AfterEach
    void stop() {
        conn.close();
        sim.close();
    }

    private DomainSnapshot create(String name) {
        return vm.createSnapshot("<domainsnapshot><name>" + name + "</name><description>about " + name
                + "</description></domainsnapshot>", Set.of(), ProgressListener.NONE);
    }

    private static List<String> names(List<DomainSnapshot> s) {
        return s.stream().map(DomainSnapshot::name).toList();
    }

    private static void fails(ErrorCode code, String message, Executable call) {
        HypervisorException e = assertThrows(HypervisorException.class, call);
        assertEquals(message, e.getMessage());
        assertEquals(code, e.code());
    }

    @Test
    void noSnapshots() {
        assertFalse(vm.hasCurrentSnapshot());
        assertEquals(List.of(), vm.listSnapshots(Set.of()));
        fails(ErrorCode.NO_DOMAIN_SNAPSHOT, "Domain has no current snapshot", vm::currentSnapshot);
        fails(ErrorCode.NO_DOMAIN_SNAPSHOT, "Could not find snapshot with name 'nope'", () -> vm.snapshotLookupByName("nope"));
    }

    @Test
    void treeCreateListParentCurrent() {
        DomainSnapshot s1 = create("s1");
        DomainSnapshot s2 = create("s2");
        assertTrue(vm.hasCurrentSnapshot());
        assertEquals("s2", vm.currentSnapshot().name());
        assertTrue(s2.isCurrent());
        assertFalse(s1.isCurrent());
        s1.revert(ProgressListener.NONE);
        assertEquals("s1", vm.currentSnapshot().name());
        DomainSnapshot s3 = create("s3");
        // s1 -> {s2, s3}
        assertEquals(List.of("s1", "s2", "s3"), names(vm.listSnapshots(Set.of())));
        assertEquals(List.of("s1"), names(vm.listSnapshots(Set.of(SnapshotFlag.ROOTS))));
        assertEquals(List.of("s2", "s3"), names(vm.listSnapshots(Set.of(SnapshotFlag.LEAVES))));
        assertEquals(List.of(), vm.listSnapshots(Set.of(SnapshotFlag.METADATA)));
        DomainSnapshots ops = (DomainSnapshots) conn.domainWrites().snapshots();
        assertEquals(3, ops.count((io.jvirt.esx.domain.EsxDomain) vm, Set.of()));
        assertEquals(1, ops.count((io.jvirt.esx.domain.EsxDomain) vm, Set.of(SnapshotFlag.ROOTS)));
        assertEquals(2, ops.count((io.jvirt.esx.domain.EsxDomain) vm, Set.of(SnapshotFlag.LEAVES)));
        assertEquals(0, ops.count((io.jvirt.esx.domain.EsxDomain) vm, Set.of(SnapshotFlag.METADATA)));
        assertEquals("s1", s3.parent().name());
        fails(ErrorCode.NO_DOMAIN_SNAPSHOT, "snapshot 's1' does not have a parent", s1::parent);
        assertEquals(List.of("s2", "s3"), names(s1.listChildren(Set.of())));
        assertEquals(List.of("s2", "s3"), names(s1.listChildren(Set.of(SnapshotFlag.DESCENDANTS, SnapshotFlag.LEAVES))));
        assertFalse(s1.hasMetadata());
        String xml = s3.xmlDesc();
        assertTrue(xml.startsWith("<domainsnapshot>\n  <name>s3</name>\n  <description>about s3</description>\n"
                + "  <state>running</state>\n  <parent>\n    <name>s1</name>\n  </parent>\n  <creationTime>"), xml);
        assertTrue(xml.endsWith("<domain>\n    <uuid>" + vm.uuid() + "</uuid>\n  </domain>\n</domainsnapshot>\n"), xml);
        assertEquals(s3, vm.snapshotLookupByName("s3"));
    }

    @Test
    void duplicateNamesAndUnsupportedInput() {
        create("s1");
        long tasks = sim.requestCount("CreateSnapshot_Task");
        fails(ErrorCode.OPERATION_INVALID, "Snapshot 's1' already exists", () -> create("s1"));
        fails(ErrorCode.CONFIG_UNSUPPORTED, "disk snapshots not supported yet", () -> vm.createSnapshot(
                "<domainsnapshot><disks><disk name='sda' snapshot='external'/></disks></domainsnapshot>", Set.of(), null));
        fails(ErrorCode.INVALID_ARG, "unsupported flags (ROOTS) in function createSnapshot",
                () -> vm.createSnapshot("<domainsnapshot/>", Set.of(SnapshotFlag.ROOTS), null));
        assertEquals(tasks, sim.requestCount("CreateSnapshot_Task"));
    }

    @Test
    void diskOnlySnapshotOfARunningVmIsShutOffState() {
        DomainSnapshot s = vm.createSnapshot("<domainsnapshot><name>d</name></domainsnapshot>",
                Set.of(SnapshotFlag.DISK_ONLY), null);
        assertTrue(s.xmlDesc().contains("<state>shutoff</state>"), s.xmlDesc());
    }

    @Test
    void revertRestoresPowerState() {
        DomainSnapshot s1 = create("s1");
        vm.destroy();
        assertEquals("poweredOff", sim.powerState("ha-host_VM0"));
        List<Integer> progress = new ArrayList<>();
        s1.revert((op, p) -> progress.add(p));
        assertEquals("poweredOn", sim.powerState("ha-host_VM0"));
        assertEquals(100, progress.get(progress.size() - 1));
    }

    @Test
    void deleteWithAndWithoutChildren() {
        DomainSnapshot s1 = create("s1");
        create("s2");
        create("s3");
        // s1 -> s2 -> s3
        vm.snapshotLookupByName("s2").delete(Set.of(), null);
        assertEquals(List.of("s1", "s3"), names(vm.listSnapshots(Set.of())));
        assertEquals("s1", vm.snapshotLookupByName("s3").parent().name());
        s1.delete(Set.of(SnapshotFlag.METADATA_ONLY), null);
        assertEquals(List.of("s1", "s3"), names(vm.listSnapshots(Set.of())));
        s1.delete(Set.of(SnapshotFlag.CHILDREN), null);
        assertEquals(List.of(), vm.listSnapshots(Set.of()));
        fails(ErrorCode.NO_DOMAIN_SNAPSHOT, "Could not find snapshot with name 's1'", () -> s1.delete(Set.of(), null));
        fails(ErrorCode.INVALID_ARG, "unsupported flags (LEAVES) in function deleteSnapshot",
                () -> s1.delete(Set.of(SnapshotFlag.LEAVES), null));
    }

    /** The cancelled task ends asynchronously; until then PrepareForTask rightly refuses. */
    private void awaitNoPendingTasks() {
        var session = conn.domainWrites().context().primary();
        var ref = new io.jvirt.esx.domain.WriteContext.VmRef(session, ((io.jvirt.esx.domain.EsxDomain) vm).mor());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            var tasks = io.jvirt.esx.domain.WriteContext.read(ref, List.of("recentTask"))
                    .list("recentTask", io.jvirt.vim25.ManagedObjectReference.class);
            boolean pending = false;
            for (var t : tasks) {
                var info = io.jvirt.esx.vi.PropertyReader.retrieve(session, io.jvirt.esx.vi.Specs.filter(
                        io.jvirt.esx.vi.Specs.from(t, false), io.jvirt.esx.vi.Specs.props("Task", "info"))).get(0)
                        .require("info", io.jvirt.vim25.TaskInfo.class);
                pending |= info.getState() == io.jvirt.vim25.TaskInfoState.QUEUED
                        || info.getState() == io.jvirt.vim25.TaskInfoState.RUNNING;
            }
            if (!pending) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "cancelled task did not end");
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void questionDuringSnapshotTask() {
        sim.setTaskDuration(Duration.ofMillis(40));
        sim.raiseQuestionOnNextTask("ha-host_VM0", VmQuestion.movedOrCopied());
        fails(ErrorCode.INTERNAL_ERROR, "Pending question blocks virtual machine execution, question is 'This virtual"
                + " machine might have been moved or copied.', possible answers are 'Cancel', 'I moved it', 'I copied it'",
                () -> create("q"));
        awaitNoPendingTasks();
        try (EsxConnection auto = SimulatedConnection.esx(sim, "&auto_answer=1")) {
            sim.raiseQuestionOnNextTask("ha-host_VM0", VmQuestion.movedOrCopied());
            Domain d = auto.lookupDomainByName("ha-host_VM0");
            d.createSnapshot("<domainsnapshot><name>q2</name></domainsnapshot>", Set.of(), null);
            assertEquals(Optional.of("2"), sim.lastAnswer("ha-host_VM0"));
            assertEquals(List.of("q2"), names(d.listSnapshots(Set.of())));
        }
    }
}
