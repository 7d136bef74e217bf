package io.jvirt.esx.vi;

import io.jvirt.spi.ErrorCode;
import io.jvirt.spi.ErrorDomain;
import io.jvirt.spi.HypervisorException;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.TaskInfo;
import io.jvirt.vim25.TaskInfoState;
import io.jvirt.vim25.VirtualMachineQuestionInfo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Waits for a vSphere task (esx-spec 3.3). Each round is one {@code RetrievePropertiesEx} that
 * reads the task's {@code info} and, when a VM is given, the VM's {@code runtime.question}, so a
 * question is noticed while the task waits (libvirt only notices it after the next change). A
 * task that finishes at once costs one request. Rounds back off from 50 ms to 1 s; an optional
 * timeout and thread interruption end the wait (the task then keeps running on the server).
 */
public final class TaskWaiter {
    private static final Duration FIRST_DELAY = Duration.ofMillis(50);
    private static final Duration MAX_DELAY = Duration.ofSeconds(1);

    private TaskWaiter() {
    }

    /**
     * Waits until the task ends.
     *
     * @param vm         the VM whose questions may block the task, or null
     * @param autoAnswer answer questions with their default choice (else a question fails the wait
     *                   and a cancelable task is cancelled)
     * @param timeout    how long to wait at most, or {@link Duration#ZERO} for no limit
     * @param what       what the task does, for messages ("Could not start domain")
     * @return the final task info (state {@code success})
     * @throws HypervisorException {@code INTERNAL_ERROR} "what: fault" when the task fails,
     *                             {@code OPERATION_TIMEOUT} after the timeout
     */
    public static TaskInfo waitFor(VimSession session, ManagedObjectReference task, ManagedObjectReference vm,
                                   boolean autoAnswer, Duration timeout, String what) {
        long deadline = timeout.isZero() ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        Duration delay = FIRST_DELAY;
        while (true) {
            List<io.jvirt.vim25.ObjectSpec> objects = new ArrayList<>();
            objects.add(Specs.from(task, false));
            List<io.jvirt.vim25.PropertySpec> props = new ArrayList<>();
            props.add(Specs.props("Task", "info"));
            if (vm != null) {
                objects.add(Specs.from(vm, false));
                props.add(Specs.props("VirtualMachine", "runtime.question"));
            }
            TaskInfo info = null;
            VirtualMachineQuestionInfo question = null;
            for (ObjectProps o : PropertyReader.retrieve(session, Specs.filter(objects, props))) {
                if (o.type().equals("Task")) {
                    info = o.get("info", TaskInfo.class).orElse(null);
                } else {
                    question = o.get("runtime.question", VirtualMachineQuestionInfo.class).orElse(null);
                }
            }
            if (info == null) {
                throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                        what + ": the task " + task.getValue() + " disappeared from '" + session.host() + "'");
            }
            if (info.getState() == TaskInfoState.SUCCESS) {
                return info;
            }
            if (info.getState() == TaskInfoState.ERROR) {
                throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                        what + ": " + VimFaults.describe(info.getError()));
            }
            if (question != null) {
                try {
                    Questions.handle(session, vm, question, autoAnswer);
                } catch (HypervisorException e) {
                    cancelIfPossible(session, task, info);
                    throw new HypervisorException(e.code(), e.domain(), what + ": " + e.getMessage(), e);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new HypervisorException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.ESX,
                        what + ": task " + task.getValue() + " on '" + session.host() + "' did not finish within "
                                + timeout.toMillis() + " ms (it keeps running on the server)");
            }
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HypervisorException(ErrorCode.OPERATION_FAILED, ErrorDomain.ESX,
                        what + ": interrupted while waiting for task " + task.getValue() + " (it keeps running on the server)");
            }
            delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
        }
    }

    private static void cancelIfPossible(VimSession session, ManagedObjectReference task, TaskInfo info) {
        if (!info.isCancelable()) {
            System.getLogger(TaskWaiter.class.getName()).log(System.Logger.Level.WARNING,
                    "Non-cancelable task is blocked by an unanswered question");
            return;
        }
        try {
            session.call("CancelTask", p -> {
                p.cancelTask(task);
                return null;
            });
        } catch (HypervisorException e) {
            System.getLogger(TaskWaiter.class.getName()).log(System.Logger.Level.WARNING,
                    "Cancelable task is blocked by an unanswered question but cancellation failed: {0}", e.getMessage());
        }
    }
}
