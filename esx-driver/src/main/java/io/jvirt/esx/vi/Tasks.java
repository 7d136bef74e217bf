package io.jvirt.esx.vi;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.ProgressListener;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.ObjectSpec;
import io.jvirt.vim25.PropertySpec;
import io.jvirt.vim25.TaskInfo;
import io.jvirt.vim25.TaskInfoState;
import io.jvirt.vim25.VirtualMachineQuestionInfo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Waits for vSphere tasks (esx-spec 3.3), reporting {@code TaskInfo.progress} and handling VM
 * questions (3.4) on the way.
 *
 * <p>Unlike libvirt, which blocks in {@code WaitForUpdates} with no timeout (esx-spec 7.2 #22),
 * this polls: each round is ONE {@code RetrievePropertiesEx} reading the task's {@code info} and,
 * when a VM is watched, the VM's {@code runtime.question}. Polling starts at 10 ms and backs off to
 * {@link #maxPollInterval}, so short tasks finish in a few requests, a question raised while the
 * task runs is noticed within one interval, concurrent waits on one session do not steal each
 * other's updates (a property filter's version is per session), and every wait ends after
 * {@link #timeout} (the task is then cancelled if it can be). Nothing runs in the background.
 *
 * @param session         the session the task was started on
 * @param timeout         the longest wait for one task
 * @param maxPollInterval the longest pause between two polls
 */
public record Tasks(VimSession session, Duration timeout, Duration maxPollInterval) {
    private static final System.Logger LOG = System.getLogger(Tasks.class.getName());

    /** Default longest wait for one task (migrations and snapshots of big VMs take long). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(2);
    /** Default longest pause between polls. */
    public static final Duration DEFAULT_MAX_POLL = Duration.ofMillis(500);
    private static final long FIRST_POLL_MILLIS = 10;

    public Tasks {
        Objects.requireNonNull(session, "session");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("task timeout must be positive: " + timeout);
        }
        if (maxPollInterval.isNegative() || maxPollInterval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive: " + maxPollInterval);
        }
    }

    public static Tasks of(VimSession session) {
        return new Tasks(session, DEFAULT_TIMEOUT, DEFAULT_MAX_POLL);
    }

    /**
     * Which VM to check for questions while a task runs: none (datastore tasks), a known VM, or
     * the VM with a UUID that may not exist yet (RegisterVM_Task).
     *
     * @param vm         the VM, or null
     * @param uuid       find the VM by this UUID (optional occurrence) when {@code vm} is null, or null
     * @param datacenter the datacenter for the UUID search, or null for all
     * @param autoAnswer answer questions with their default choice
     */
    public record Watch(ManagedObjectReference vm, UUID uuid, ManagedObjectReference datacenter, boolean autoAnswer) {
        public static Watch none() {
            return new Watch(null, null, null, false);
        }

        public static Watch vm(ManagedObjectReference vm, boolean autoAnswer) {
            return new Watch(Objects.requireNonNull(vm), null, null, autoAnswer);
        }

        public static Watch uuid(UUID uuid, ManagedObjectReference datacenter, boolean autoAnswer) {
            return new Watch(null, Objects.requireNonNull(uuid), datacenter, autoAnswer);
        }
    }

    /**
     * Waits until {@code task} ends.
     *
     * @param operation     the name progress is reported under, e.g. {@code "PowerOnVM_Task"}
     * @param failurePrefix the caller's text for a failed task, e.g. {@code "Could not start domain"};
     *                      the failure is {@code INTERNAL_ERROR "<prefix>: <fault> - <message>"}
     * @return the final TaskInfo of a successful task (its {@code result} is the task's result)
     */
    public TaskInfo await(ManagedObjectReference task, String operation, Watch watch, ProgressListener progress,
                          String failurePrefix) {
        Objects.requireNonNull(task, "task");
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_POLL_MILLIS;
        int reported = Integer.MIN_VALUE;
        ManagedObjectReference vm = watch.vm();
        String answered = null;
        while (true) {
            if (vm == null && watch.uuid() != null) {
                vm = findByUuid(watch.uuid(), watch.datacenter());
            }
            Poll poll = poll(task, vm);
            TaskInfo info = poll.info();
            TaskInfoState state = info.getState();
            if (state == TaskInfoState.SUCCESS) {
                if (reported != 100) {
                    listener.progress(operation, 100);
                }
                return info;
            }
            if (state == TaskInfoState.ERROR) {
                throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                        failurePrefix + ": " + VimFaults.describe(info.getError()));
            }
            // a question we just answered may still be visible for a moment: answer each one once
            if (poll.question() != null && !Objects.equals(poll.question().getId(), answered)) {
                try {
                    Questions.handle(session, vm, poll.question(), watch.autoAnswer());
                } catch (HypervisorException e) {
                    cancelBlocked(task, info);
                    throw e;
                }
                answered = poll.question().getId();
                pause = FIRST_POLL_MILLIS;
                continue;
            }
            int percent = state == TaskInfoState.RUNNING && info.getProgress() != null ? info.getProgress() : -1;
            if (percent != reported) {
                listener.progress(operation, percent);
                reported = percent;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                cancel(task, info);
                throw new HypervisorException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.ESX,
                        operation + " on '" + session.host() + "' did not finish within " + timeout.toSeconds()
                                + " s (last state " + state.value() + ", progress " + percent + "%)");
            }
            try {
                Thread.sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel(task, info);
                throw new HypervisorException(ErrorCode.OPERATION_FAILED, ErrorDomain.ESX,
                        "Interrupted while waiting for " + operation + " on '" + session.host() + "'");
            }
            pause = Math.min(pause * 2, maxPollInterval.toMillis());
        }
    }

    private record Poll(TaskInfo info, VirtualMachineQuestionInfo question) {
    }

    private Poll poll(ManagedObjectReference task, ManagedObjectReference vm) {
        List<ObjectSpec> objects = new ArrayList<>();
        List<PropertySpec> props = new ArrayList<>();
        objects.add(Specs.from(task, false));
        props.add(Specs.props(task.getType(), "info"));
        if (vm != null) {
            objects.add(Specs.from(vm, false));
            props.add(Specs.props("VirtualMachine", "runtime.question"));
        }
        TaskInfo info = null;
        VirtualMachineQuestionInfo question = null;
        for (ObjectProps o : PropertyReader.retrieve(session, Specs.filter(objects, props))) {
            if (o.mor().getValue().equals(task.getValue()) && o.type().equals(task.getType())) {
                info = o.get("info", TaskInfo.class).orElse(null);
            } else {
                question = o.get("runtime.question", VirtualMachineQuestionInfo.class).orElse(null);
            }
        }
        if (info == null || info.getState() == null) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "Missing 'info' property of task '" + task.getValue() + "' on '" + session.host() + "'");
        }
        return new Poll(info, question);
    }

    private ManagedObjectReference findByUuid(UUID uuid, ManagedObjectReference datacenter) {
        ManagedObjectReference searchIndex = session.content().getSearchIndex();
        return session.call("FindByUuid", p -> p.findByUuid(searchIndex, datacenter, uuid.toString(), true, null));
    }

    /** A task blocked by a question we did not answer: cancel it if it can be (esx-spec 3.3 step 2.1). */
    private void cancelBlocked(ManagedObjectReference task, TaskInfo info) {
        if (Boolean.TRUE.equals(info.isCancelable())) {
            try {
                session.call("CancelTask", p -> {
                    p.cancelTask(task);
                    return null;
                });
            } catch (HypervisorException e) {
                LOG.log(System.Logger.Level.ERROR, "Cancelable task is blocked by an unanswered question but"
                        + " cancellation failed: {0}", e.getMessage());
            }
        } else {
            LOG.log(System.Logger.Level.ERROR, "Non-cancelable task is blocked by an unanswered question");
        }
    }

    /** Best-effort cancel of a task we stop waiting for. */
    private void cancel(ManagedObjectReference task, TaskInfo info) {
        if (!Boolean.TRUE.equals(info.isCancelable())) {
            return;
        }
        try {
            session.call("CancelTask", p -> {
                p.cancelTask(task);
                return null;
            });
        } catch (HypervisorException e) {
            LOG.log(System.Logger.Level.WARNING, "Cancelling task ''{0}'' failed: {1}", task.getValue(), e.getMessage());
        }
    }

    /** Starts a task with {@code call} and waits for it; see {@link #await}. */
    public TaskInfo run(String method, VimCall<ManagedObjectReference> call, Watch watch, ProgressListener progress,
                        String failurePrefix) {
        ManagedObjectReference task = session.call(method, call);
        if (task == null) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "Call to '" + method + "' returned an empty result, expecting a non-empty result");
        }
        return await(task, method, watch, progress, failurePrefix);
    }

    @Override
    public String toString() {
        return "Tasks[" + session.host() + ", timeout=" + timeout + "]";
    }
}
