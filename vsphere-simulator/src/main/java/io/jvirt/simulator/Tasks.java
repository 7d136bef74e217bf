package io.jvirt.simulator;

import io.jvirt.vim25.LocalizedMethodFault;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.TaskInfo;
import io.jvirt.vim25.TaskInfoState;
import io.jvirt.vim25.TaskReasonUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Runs vSphere tasks: each *_Task call returns a queued Task at once; the work runs on the
 * simulator's executor, reports progress over the configured task duration, may be blocked by an
 * armed VM question until AnswerVM (an answer labelled "Cancel" fails the task), may be cancelled,
 * and ends in success or error.
 */
final class Tasks {

    private static final int PROGRESS_STEPS = 4;
    private static final int RECENT_TASKS_KEPT = 10;

    /** The work of a task; runs under the inventory lock, returns the task result (may be null). */
    @FunctionalInterface
    interface Work {
        Object run();
    }

    private final Inventory inventory;
    private final Questions questions;
    private final ExecutorService executor;
    private final Supplier<Duration> duration;
    private final boolean esxIds;

    Tasks(Inventory inventory, Questions questions, ExecutorService executor, Supplier<Duration> duration, boolean esxIds) {
        this.inventory = inventory;
        this.questions = questions;
        this.executor = executor;
        this.duration = duration;
        this.esxIds = esxIds;
    }

    ManagedObjectReference start(ManagedObject entity, String descriptionId, Caller caller, Work work) {
        ManagedObject task = inventory.write(() -> create(entity, descriptionId, caller));
        executor.execute(() -> run(task, entity, work));
        return task.ref();
    }

    private ManagedObject create(ManagedObject entity, String descriptionId, Caller caller) {
        long number = inventory.nextNumber();
        String id = esxIds ? "haTask-" + entity.value() + "-vim." + descriptionId + "-" + number : "task-" + number;
        ManagedObject task = new ManagedObject("Task", id);
        TaskInfo info = new TaskInfo();
        info.setKey(id);
        info.setTask(task.ref());
        info.setName(descriptionId.substring(descriptionId.lastIndexOf('.') + 1));
        info.setDescriptionId(descriptionId);
        info.setEntity(entity.ref());
        info.setEntityName(String.valueOf(entity.get("name")));
        info.setState(TaskInfoState.QUEUED);
        info.setCancelled(false);
        info.setCancelable(true);
        TaskReasonUser reason = new TaskReasonUser();
        reason.setUserName(caller.session() == null ? "root" : caller.session().userSession().getUserName());
        info.setReason(reason);
        info.setQueueTime(Xml.dateTime(Instant.now()));
        info.setEventChainId((int) number);
        task.set("info", info);
        inventory.add(task);
        if ("VirtualMachine".equals(entity.type())) {
            List<ManagedObjectReference> recent = Refs.list(entity, "recentTask");
            recent.add(task.ref());
            while (recent.size() > RECENT_TASKS_KEPT) {
                recent.remove(0);
            }
        }
        return task;
    }

    private void run(ManagedObject task, ManagedObject entity, Work work) {
        TaskInfo info = task.require("info", TaskInfo.class);
        try {
            inventory.write(() -> {
                info.setState(TaskInfoState.RUNNING);
                info.setStartTime(Xml.dateTime(Instant.now()));
                info.setProgress(0);
            });
            long stepMillis = duration.get().toMillis() / PROGRESS_STEPS;
            for (int step = 1; step < PROGRESS_STEPS && stepMillis > 0; step++) {
                Thread.sleep(stepMillis);
                int progress = step * 100 / PROGRESS_STEPS;
                inventory.write(() -> {
                    info.setProgress(progress);
                    throwIfCancelled(info);
                });
            }
            if ("VirtualMachine".equals(entity.type()) && questions.raiseArmed(entity)) {
                inventory.awaitCondition(() -> info.isCancelled() || !questions.pending(entity));
                if (questions.takeCancelAnswer(entity)) {
                    throw VimFaults.canceled();
                }
            }
            if (stepMillis > 0) {
                Thread.sleep(stepMillis);
            }
            inventory.write(() -> {
                throwIfCancelled(info);
                Object result = work.run();
                info.setResult(WireValues.toWire(result, Object.class));
                finish(info, TaskInfoState.SUCCESS, null);
            });
        } catch (VimFaultException e) {
            inventory.write(() -> finish(info, TaskInfoState.ERROR, e.localized()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inventory.write(() -> finish(info, TaskInfoState.ERROR, VimFaults.canceled().localized()));
        } catch (RuntimeException e) {
            LocalizedMethodFault fault = new VimFaultException(new io.jvirt.vim25.SystemError(),
                    "A general system error occurred: " + e).localized();
            inventory.write(() -> finish(info, TaskInfoState.ERROR, fault));
        }
    }

    void cancel(ManagedObjectReference ref) {
        inventory.write(() -> {
            TaskInfo info = inventory.require(ref, "Task").require("info", TaskInfo.class);
            if (info.getState() == TaskInfoState.SUCCESS || info.getState() == TaskInfoState.ERROR) {
                throw VimFaults.invalidState("The operation is not allowed in the current state.");
            }
            if (!info.isCancelable()) {
                throw VimFaults.notSupported("The task cannot be cancelled.");
            }
            info.setCancelled(true);
        });
    }

    private static void throwIfCancelled(TaskInfo info) {
        if (info.isCancelled()) {
            throw VimFaults.canceled();
        }
    }

    private static void finish(TaskInfo info, TaskInfoState state, LocalizedMethodFault error) {
        info.setState(state);
        info.setError(error);
        info.setCancelable(false);
        info.setProgress(state == TaskInfoState.SUCCESS ? 100 : info.getProgress());
        info.setCompleteTime(Xml.dateTime(Instant.now()));
    }
}
