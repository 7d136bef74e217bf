package io.jvirt.esx.console;

import io.jvirt.esx.domain.EsxDomain;
import io.jvirt.esx.domain.WriteContext;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.esx.vi.PropertyReader;
import io.jvirt.esx.vi.Specs;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.spi.DomainJobInfo;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.TaskInfo;
import io.jvirt.vim25.TaskInfoState;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * libvirt's domain job for ESX: the VM's running (or queued) vSphere task from its
 * {@code recentTask} list, with the task's progress; {@code abortJob} is {@code CancelTask} on
 * it. Two requests for a job info (the VM's recent tasks, their infos).
 */
public final class DomainJobs {
    private final WriteContext ctx;
    private final Clock clock;

    public DomainJobs(WriteContext ctx, Clock clock) {
        this.ctx = ctx;
        this.clock = clock;
    }

    public DomainJobInfo info(EsxDomain d) {
        return running(d).map(this::toJob).orElse(DomainJobInfo.none());
    }

    public void abort(EsxDomain d) {
        TaskInfo task = running(d).orElseThrow(() -> new HypervisorException(ErrorCode.OPERATION_INVALID,
                ErrorDomain.ESX, "Requested operation is not valid: no job is active on the domain"));
        if (!Boolean.TRUE.equals(task.isCancelable())) {
            throw new HypervisorException(ErrorCode.OPERATION_INVALID, ErrorDomain.ESX, "Requested operation is not"
                    + " valid: the domain's task " + describe(task) + " cannot be cancelled");
        }
        ctx.primary().call("CancelTask", p -> {
            p.cancelTask(task.getTask());
            return null;
        });
    }

    private DomainJobInfo toJob(TaskInfo t) {
        long elapsed = t.getStartTime() == null ? -1
                : clock.millis() - t.getStartTime().toGregorianCalendar().getTimeInMillis();
        Integer progress = t.getProgress();
        return new DomainJobInfo(progress == null ? DomainJobInfo.Type.UNBOUNDED : DomainJobInfo.Type.BOUNDED,
                describe(t), Math.max(-1, elapsed), progress == null ? -1 : progress);
    }

    private static String describe(TaskInfo t) {
        return t.getDescriptionId() != null ? t.getDescriptionId() : t.getName();
    }

    /** The newest running or queued task of the VM. */
    private Optional<TaskInfo> running(EsxDomain d) {
        VimSession session = ctx.primary();
        ObjectProps vm = WriteContext.read(ctx.primaryVm(d), List.of("recentTask"));
        List<ManagedObjectReference> tasks = vm.list("recentTask", ManagedObjectReference.class);
        if (tasks.isEmpty()) {
            return Optional.empty();
        }
        List<ObjectProps> infos = PropertyReader.retrieve(session, Specs.filter(
                tasks.stream().map(t -> Specs.from(t, false)).toList(), List.of(Specs.props("Task", "info"))));
        TaskInfo newest = null;
        for (ObjectProps p : infos) {
            Optional<TaskInfo> info = p.get("info", TaskInfo.class);
            if (info.isEmpty()) {
                continue;
            }
            TaskInfo t = info.get();
            if (t.getState() == TaskInfoState.RUNNING || t.getState() == TaskInfoState.QUEUED) {
                if (newest == null || queued(t) > queued(newest)) {
                    newest = t;
                }
            }
        }
        return Optional.ofNullable(newest);
    }

    private static long queued(TaskInfo t) {
        return t.getQueueTime() == null ? 0 : t.getQueueTime().toGregorianCalendar().getTimeInMillis();
    }
}
