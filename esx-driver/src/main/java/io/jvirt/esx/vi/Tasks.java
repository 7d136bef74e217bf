package io.jvirt.esx.vi;

import io.jvirt.spi.ErrorCode;
import io.jvirt.spi.ErrorDomain;
import io.jvirt.spi.HypervisorException;
import io.jvirt.spi.ProgressListener;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.TaskInfo;
import io.jvirt.vim25.TaskInfoState;

import java.util.List;

/**
 * Waits for a vSphere task (esx-spec 3.3, without question handling: for tasks that have no VM)
 * by reading its {@code info} with the property collector until it is {@code success} or
 * {@code error}, passing {@code info.progress} to a {@link ProgressListener}.
 *
 * <p>Polling instead of {@code WaitForUpdates}: several threads share one session and its property
 * collector, and a long poll returns the updates of every filter of the session, so concurrent
 * waiters would steal each other's updates. The first read is immediate (short tasks cost one
 * request), then the pause doubles from 20 ms up to 1 s. An interrupted waiter stops waiting
 * with {@link ErrorCode#OPERATION_TIMEOUT}; the task itself keeps running on the server.
 */
public final class Tasks {
    private static final long FIRST_PAUSE_MS = 20;
    private static final long MAX_PAUSE_MS = 1000;

    private Tasks() {
    }

    /** Starts a task with {@code start} and waits for it; {@code method} names the request. */
    public static TaskInfo run(VimSession session, String method, VimCall<ManagedObjectReference> start,
                               ProgressListener progress) {
        ManagedObjectReference task = session.call(method, start);
        if (task == null) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "Call to '" + method + "' on '" + session.host() + "' returned no task");
        }
        return await(session, task, method, progress);
    }

    /**
     * Like {@link #run}, but a task ending in {@code error} is an {@link ErrorCode#INTERNAL_ERROR}
     * "{@code failure}: {@code <fault type> - <message>}" (libvirt's wording for the callers' tables).
     */
    public static Object runOrFail(VimSession session, String method, VimCall<ManagedObjectReference> start,
                                   ProgressListener progress, String failure) {
        TaskInfo info = run(session, method, start, progress);
        if (info.getState() != TaskInfoState.SUCCESS) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    failure + ": " + VimFaults.describe(info.getError()));
        }
        return info.getResult();
    }

    /** Waits until the task is finished; returns its final {@code info}. */
    public static TaskInfo await(VimSession session, ManagedObjectReference task, String operation,
                                 ProgressListener progress) {
        long pause = FIRST_PAUSE_MS;
        int lastProgress = Integer.MIN_VALUE;
        while (true) {
            TaskInfo info = read(session, task);
            TaskInfoState state = info.getState();
            int percent = state == TaskInfoState.SUCCESS ? 100
                    : info.getProgress() == null ? -1 : info.getProgress();
            if (percent != lastProgress) {
                progress.progress(operation, percent);
                lastProgress = percent;
            }
            if (state == TaskInfoState.SUCCESS || state == TaskInfoState.ERROR) {
                return info;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HypervisorException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.ESX,
                        "Interrupted while waiting for task '" + task.getValue() + "' (" + operation
                                + ") on '" + session.host() + "'; the task continues on the server", e);
            }
            pause = Math.min(MAX_PAUSE_MS, pause * 2);
        }
    }

    private static TaskInfo read(VimSession session, ManagedObjectReference task) {
        List<ObjectProps> result = PropertyReader.retrieve(session,
                Specs.filter(Specs.from(task, false), Specs.props("Task", "info")));
        if (result.isEmpty()) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "Task '" + task.getValue() + "' on '" + session.host() + "' vanished while waiting for it");
        }
        TaskInfo info = result.get(0).require("info", TaskInfo.class);
        if (info.getState() == null) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "Task '" + task.getValue() + "' on '" + session.host() + "' has no state");
        }
        return info;
    }
}
