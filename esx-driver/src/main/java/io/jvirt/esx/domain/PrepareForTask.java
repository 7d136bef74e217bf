package io.jvirt.esx.domain;

import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.esx.vi.PropertyReader;
import io.jvirt.esx.vi.Questions;
import io.jvirt.esx.vi.Specs;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.ObjectSpec;
import io.jvirt.vim25.TaskInfo;
import io.jvirt.vim25.TaskInfoState;
import io.jvirt.vim25.VirtualMachineQuestionInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * libvirt's {@code LookupVirtualMachineByUuidAndPrepareForTask} (esx-spec 2.0): before a task is
 * started on a VM, (1) the {@code info} of every task in its {@code recentTask} is read and the
 * queued/running ones noted, (2) a pending question is handled (answered with the default when
 * {@code auto_answer=1}, else an error naming it), (3) if step 1 found any task:
 * {@code OPERATION_INVALID "Other tasks are pending for this domain"}.
 *
 * <p>We keep libvirt's order deliberately (esx-spec 7.2 #23): the pending-task snapshot is taken
 * before the question is answered, so after auto-answering a question that blocked another task
 * the call still fails with "Other tasks are pending" - which is true, that task is now running;
 * the caller may retry. Waiting for foreign tasks here could block for as long as they run.
 *
 * <p>Cost: one request for the VM (its extra properties included) plus one for all recent tasks
 * when there are any.
 */
public final class PrepareForTask {
    private PrepareForTask() {
    }

    /**
     * @param extra further VM properties the caller needs (e.g. {@code runtime.powerState})
     * @return the VM's properties, {@code extra} included
     */
    public static ObjectProps prepare(WriteContext.VmRef ref, boolean autoAnswer, List<String> extra) {
        List<String> paths = new ArrayList<>(List.of("runtime.question", "recentTask"));
        extra.stream().filter(p -> !paths.contains(p)).forEach(paths::add);
        ObjectProps vm = WriteContext.read(ref, paths);
        List<ManagedObjectReference> recent = vm.list("recentTask", ManagedObjectReference.class);
        boolean pending = false;
        if (!recent.isEmpty()) {
            List<ObjectSpec> objects = recent.stream().map(t -> Specs.from(t, false)).toList();
            for (ObjectProps task : PropertyReader.retrieve(ref.session(),
                    Specs.filter(objects, List.of(Specs.props("Task", "info"))))) {
                TaskInfo info = task.get("info", TaskInfo.class).orElse(null);
                if (info != null && (info.getState() == TaskInfoState.QUEUED || info.getState() == TaskInfoState.RUNNING)) {
                    pending = true;
                }
            }
        }
        VirtualMachineQuestionInfo question = vm.get("runtime.question", VirtualMachineQuestionInfo.class).orElse(null);
        if (question != null) {
            Questions.handle(ref.session(), ref.vm(), question, autoAnswer);
        }
        if (pending) {
            throw new HypervisorException(ErrorCode.OPERATION_INVALID, ErrorDomain.ESX,
                    "Other tasks are pending for this domain");
        }
        return vm;
    }
}
