package io.jvirt.esx.vi;

import io.jvirt.esx.transport.TransportConfig;
import io.jvirt.esx.uri.EsxUriParameters;
import io.jvirt.fixtures.vsphere.SimulatorModel;
import io.jvirt.fixtures.vsphere.VmQuestion;
import io.jvirt.fixtures.vsphere.VsphereSimulator;
import io.jvirt.spi.ErrorCode;
import io.jvirt.spi.HypervisorException;
import io.jvirt.spi.auth.Secret;
import io.jvirt.spi.uri.ConnectionUri;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.TaskInfo;
import io.jvirt.vim25.TaskInfoState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Task waiting and question handling against the in-JVM simulator. */
class TaskWaiterTest {
    private VsphereSimulator sim;
    private VimSession session;

    @BeforeEach
    void start() throws Exception {
        sim = VsphereSimulator.builder().model(SimulatorModel.ESX).vms(4).build().start();
        TransportConfig transport = TransportConfig.create(
                EsxUriParameters.parse(ConnectionUri.parse("esx://127.0.0.1/?transport=http")), Map.of());
        session = VimSession.connect("127.0.0.1", new URL("http://127.0.0.1:" + sim.port() + "/sdk"), transport,
                () -> new VimSession.Credentials(sim.username(), Secret.of(sim.password().toCharArray())),
                new VimSession.Settings(Duration.ZERO, 100));
    }

    @AfterEach
    void stop() {
        session.close();
        sim.close();
    }

    private ManagedObjectReference vm(String powerState) {
        for (ObjectProps o : PropertyReader.retrieve(session, Specs.filter(
                Specs.from(session.content().getRootFolder(), true,
                        Specs.traverse("f", "Folder", "childEntity", Specs.ref("f"), Specs.ref("dc")),
                        Specs.traverse("dc", "Datacenter", "vmFolder", Specs.ref("f"))),
                Specs.props("VirtualMachine", "name", "runtime.powerState")))) {
            if (o.type().equals("VirtualMachine") && powerState.equals(String.valueOf(
                    o.get("runtime.powerState").map(v -> ((io.jvirt.vim25.VirtualMachinePowerState) v).value()).orElse("")))) {
                return o.mor();
            }
        }
        throw new AssertionError("no VM in state " + powerState);
    }

    private String name(ManagedObjectReference vm) {
        return PropertyReader.retrieve(session, Specs.filter(Specs.from(vm, false), Specs.props("VirtualMachine", "name")))
                .get(0).string("name").orElseThrow();
    }

    private ManagedObjectReference powerOn(ManagedObjectReference vm) {
        return session.call("PowerOnVM_Task", p -> p.powerOnVMTask(vm, null));
    }

    @Test
    void aQuickTaskCostsOneRound() {
        ManagedObjectReference vm = vm("poweredOff");
        ManagedObjectReference task = powerOn(vm);
        long before = session.requestCount();
        TaskInfo info = TaskWaiter.waitFor(session, task, vm, false, Duration.ZERO, "Could not start domain");
        assertEquals(TaskInfoState.SUCCESS, info.getState());
        assertEquals(1, session.requestCount() - before);
        assertEquals("poweredOn", sim.powerState(name(vm)));
    }

    @Test
    void aSlowTaskIsPolledUntilItEnds() {
        sim.setTaskDuration(Duration.ofMillis(600));
        ManagedObjectReference vm = vm("poweredOff");
        TaskInfo info = TaskWaiter.waitFor(session, powerOn(vm), vm, false, Duration.ofSeconds(20), "Could not start domain");
        assertEquals(TaskInfoState.SUCCESS, info.getState());
    }

    @Test
    void aFailedTaskReportsItsFault() {
        ManagedObjectReference vm = vm("poweredOn");
        HypervisorException e;
        try {
            ManagedObjectReference task = powerOn(vm);
            e = assertThrows(HypervisorException.class,
                    () -> TaskWaiter.waitFor(session, task, vm, false, Duration.ZERO, "Could not start domain"));
        } catch (HypervisorException early) {
            e = early; // a server may refuse the call itself
        }
        assertTrue(e.getMessage().startsWith("Could not start domain: ") || e.getMessage().contains("PowerOnVM_Task"),
                e.getMessage());
        assertTrue(e.getMessage().contains("InvalidPowerState") || e.getMessage().contains("powered"), e.getMessage());
    }

    @Test
    void timeoutEndsTheWait() {
        sim.setTaskDuration(Duration.ofSeconds(5));
        ManagedObjectReference vm = vm("poweredOff");
        HypervisorException e = assertThrows(HypervisorException.class,
                () -> TaskWaiter.waitFor(session, powerOn(vm), vm, false, Duration.ofMillis(300), "Could not start domain"));
        assertEquals(ErrorCode.OPERATION_TIMEOUT, e.code());
    }

    @Test
    void autoAnswerPicksTheDefaultChoice() {
        ManagedObjectReference vm = vm("poweredOff");
        String name = name(vm);
        sim.raiseQuestionOnNextTask(name, VmQuestion.movedOrCopied());
        TaskInfo info = TaskWaiter.waitFor(session, powerOn(vm), vm, true, Duration.ofSeconds(20), "Could not start domain");
        assertEquals(TaskInfoState.SUCCESS, info.getState());
        assertEquals("2", sim.lastAnswer(name).orElseThrow());
    }

    @Test
    void withoutAutoAnswerTheQuestionIsReportedAndTheTaskCancelled() {
        ManagedObjectReference vm = vm("poweredOff");
        String name = name(vm);
        sim.raiseQuestionOnNextTask(name, VmQuestion.movedOrCopied());
        ManagedObjectReference task = powerOn(vm);
        HypervisorException e = assertThrows(HypervisorException.class,
                () -> TaskWaiter.waitFor(session, task, vm, false, Duration.ofSeconds(20), "Could not start domain"));
        assertEquals("Could not start domain: Pending question blocks virtual machine execution, question is"
                + " 'This virtual machine might have been moved or copied.', possible answers are 'Cancel', 'I moved it',"
                + " 'I copied it'", e.getMessage());
        assertEquals(1, sim.requestCount("CancelTask"));
    }

    @Test
    void questionsWithoutChoicesOrDefault() {
        ManagedObjectReference vm = vm("poweredOff");
        String name = name(vm);
        sim.raiseQuestionOnNextTask(name, new VmQuestion("Continue?", List.of("Yes", "No"), null));
        HypervisorException noDefault = assertThrows(HypervisorException.class,
                () -> TaskWaiter.waitFor(session, powerOn(vm), vm, true, Duration.ofSeconds(20), "X"));
        assertEquals("X: Pending question blocks virtual machine execution, question is 'Continue?', possible answers"
                + " are 'Yes', 'No', but no default answer is specified", noDefault.getMessage());
    }
}
