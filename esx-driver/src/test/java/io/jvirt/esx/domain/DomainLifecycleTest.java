package io.jvirt.esx.domain;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VmQuestion;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.error.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.jvirt.esx.domain.DomainAssertions.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Power operations against the ESX simulator (VM0 starts powered on, VM1 powered off). */
class DomainLifecycleTest {
    private VsphereSimulator sim;
    private EsxConnection conn;

    @BeforeEach
    void start() {
        sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 2);
        conn = SimulatedConnection.esx(sim, "");
    }

    @AfterEach
    void stop() {
        conn.close();
        sim.close();
    }

    @Test
    void fullCycleUpdatesHandleAndServer() {
        Domain d = conn.lookupDomainByName("ha-host_VM1");
        assertEquals(-1, d.id());
        d.create();
        assertEquals("poweredOn", sim.powerState("ha-host_VM1"));
        assertEquals(DomainState.RUNNING, d.state());
        assertTrue(d.id() > 0);
        d.suspend();
        assertEquals("suspended", sim.powerState("ha-host_VM1"));
        assertEquals(DomainState.PAUSED, d.state());
        d.resume();
        assertEquals("poweredOn", sim.powerState("ha-host_VM1"));
        d.reset();
        assertEquals("poweredOn", sim.powerState("ha-host_VM1"));
        d.destroy();
        assertEquals("poweredOff", sim.powerState("ha-host_VM1"));
        assertEquals(-1, d.id());
        assertEquals(DomainState.SHUTOFF, d.state());
    }

    @Test
    void invalidTransitions() {
        Domain on = conn.lookupDomainByName("ha-host_VM0");
        Domain off = conn.lookupDomainByName("ha-host_VM1");
        fails(ErrorCode.OPERATION_INVALID, "Domain is not powered off", on::create);
        fails(ErrorCode.OPERATION_INVALID, "Domain is not suspended", on::resume);
        fails(ErrorCode.OPERATION_INVALID, "Domain is not powered on", off::suspend);
        fails(ErrorCode.OPERATION_INVALID, "Domain is not powered on", off::destroy);
        fails(ErrorCode.OPERATION_INVALID, "Domain is not powered on", off::shutdown);
        fails(ErrorCode.OPERATION_INVALID, "Domain is not powered on", off::reboot);
        fails(ErrorCode.OPERATION_INVALID, "Domain is not powered on", off::reset);
        fails(ErrorCode.OPERATION_INVALID, "Domain is not suspended or powered off", on::undefine);
        on.suspend();
        fails(ErrorCode.OPERATION_INVALID, "Domain is not powered on", on::destroy);
        assertEquals(0, sim.requestCount("PowerOffVM_Task"));
        assertEquals(0, sim.requestCount("PowerOnVM_Task"));
    }

    @Test
    void shutdownAndRebootNeedTools() {
        Domain on = conn.lookupDomainByName("ha-host_VM0");
        on.reboot();
        on.shutdown();
        assertEquals(1, sim.requestCount("ShutdownGuest"));
        sim.setToolsRunning("ha-host_VM0", false);
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.jvirt.spi.error.HypervisorException.class, on::reboot);
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().contains("'RebootGuest'") && e.getMessage().contains("ToolsUnavailable"), e.getMessage());
    }

    @Test
    void undefineUnregistersButKeepsFiles() {
        Domain off = conn.lookupDomainByName("ha-host_VM1");
        String vmx = "ha-host_VM1/ha-host_VM1.vmx";
        assertTrue(sim.datastoreFile("LocalDS_0", vmx).isPresent());
        off.undefine();
        assertEquals(List.of("ha-host_VM0"), conn.listAllDomains(java.util.Set.of()).stream().map(Domain::name).toList());
        assertTrue(sim.datastoreFile("LocalDS_0", vmx).isPresent());
        fails(ErrorCode.NO_DOMAIN, "Domain (VirtualMachine '" + ((EsxDomain) off).mor().getValue()
                + "') no longer exists on '127.0.0.1'", off::undefine);
    }

    @Test
    void managedSaveRemoveHasNothingToRemove() {
        Domain d = conn.lookupDomainByName("ha-host_VM1");
        fails(ErrorCode.OPERATION_INVALID, "Domain 'ha-host_VM1' has no managed save image", d::managedSaveRemove);
    }

    @Test
    void slowTaskReportsProgress() {
        sim.setTaskDuration(Duration.ofMillis(800));
        Domain d = conn.lookupDomainByName("ha-host_VM1");
        List<Integer> seen = new ArrayList<>();
        d.create((op, percent) -> {
            assertEquals("PowerOnVM_Task", op);
            seen.add(percent);
        });
        assertTrue(seen.contains(25) || seen.contains(50) || seen.contains(75), seen.toString());
        assertEquals(100, seen.get(seen.size() - 1));
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), seen.toString());
        }
    }

    @Test
    void questionBlockingTaskWithoutAutoAnswerIsAnErrorAndCancelsTheTask() {
        sim.raiseQuestionOnNextTask("ha-host_VM1", VmQuestion.movedOrCopied());
        Domain d = conn.lookupDomainByName("ha-host_VM1");
        fails(ErrorCode.INTERNAL_ERROR, "Pending question blocks virtual machine execution, question is"
                + " 'This virtual machine might have been moved or copied.', possible answers are 'Cancel',"
                + " 'I moved it', 'I copied it'", d::create);
        assertEquals(1, sim.requestCount("CancelTask"));
        assertEquals(Optional.empty(), sim.lastAnswer("ha-host_VM1"));
        assertEquals("poweredOff", sim.powerState("ha-host_VM1"));
    }

    @Test
    void questionBlockingTaskWithAutoAnswerIsAnsweredWithTheDefault() {
        try (EsxConnection auto = SimulatedConnection.esx(sim, "&auto_answer=1")) {
            sim.raiseQuestionOnNextTask("ha-host_VM1", VmQuestion.movedOrCopied());
            auto.lookupDomainByName("ha-host_VM1").create();
            assertEquals(Optional.of("2"), sim.lastAnswer("ha-host_VM1"));
            assertEquals("poweredOn", sim.powerState("ha-host_VM1"));
        }
    }

    @Test
    void pendingQuestionWithoutDefaultCannotBeAutoAnswered() {
        try (EsxConnection auto = SimulatedConnection.esx(sim, "&auto_answer=1")) {
            sim.raiseQuestion("ha-host_VM1", new VmQuestion("Continue?", List.of("Yes", "No"), null));
            fails(ErrorCode.INTERNAL_ERROR, "Pending question blocks virtual machine execution, question is"
                    + " 'Continue?', possible answers are 'Yes', 'No', but no default answer is specified",
                    () -> auto.lookupDomainByName("ha-host_VM1").create());
            sim.raiseQuestion("ha-host_VM0", new VmQuestion("Stuck.", List.of(), null));
            fails(ErrorCode.INTERNAL_ERROR, "Pending question blocks virtual machine execution, question is"
                    + " 'Stuck.', no possible answers", () -> auto.lookupDomainByName("ha-host_VM0").destroy());
        }
    }

    @Test
    void prepareForTaskAnswersThenRefusesBecauseTheBlockedTaskIsPending() throws Exception {
        sim.setTaskDuration(Duration.ofMillis(40));
        sim.raiseQuestionOnNextTask("ha-host_VM0", VmQuestion.movedOrCopied());
        try (EsxConnection auto = SimulatedConnection.esx(sim, "&auto_answer=1")) {
            Domain d2 = auto.lookupDomainByName("ha-host_VM0");
            // someone else's task, blocked by the question (started without waiting for it)
            var session = auto.domainWrites().context().primary();
            session.call("SuspendVM_Task", p -> p.suspendVMTask(((EsxDomain) d2).mor()));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!questionPending(auto, d2) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(questionPending(auto, d2));
            fails(ErrorCode.OPERATION_INVALID, "Other tasks are pending for this domain", d2::destroy);
            assertEquals(Optional.of("2"), sim.lastAnswer("ha-host_VM0"));
            assertEquals(0, sim.requestCount("PowerOffVM_Task"));
        }
    }

    @Test
    void anotherRunningTaskBlocksNewTasks() {
        sim.setTaskDuration(Duration.ofSeconds(3));
        EsxDomain d = (EsxDomain) conn.lookupDomainByName("ha-host_VM1");
        conn.domainWrites().context().primary().call("PowerOnVM_Task", p -> p.powerOnVMTask(d.mor(), null));
        fails(ErrorCode.OPERATION_INVALID, "Other tasks are pending for this domain", () -> d.setMemory(1024));
        fails(ErrorCode.OPERATION_INVALID, "Other tasks are pending for this domain", () -> d.setVcpus(1));
        assertEquals(0, sim.requestCount("ReconfigVM_Task"));
    }

    private static boolean questionPending(EsxConnection c, Domain d) {
        return WriteContext.read(new WriteContext.VmRef(c.domainWrites().context().primary(), ((EsxDomain) d).mor()),
                List.of("runtime.question")).get("runtime.question").isPresent();
    }
}
