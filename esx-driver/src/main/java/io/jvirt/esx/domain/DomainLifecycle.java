package io.jvirt.esx.domain;

import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.esx.vi.Tasks;
import io.jvirt.esx.vi.VimCall;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.ProgressListener;
import io.jvirt.vim25.ManagedObjectReference;

import java.util.List;

/**
 * Power operations, unregistration and managed-save (esx-spec 2.1): each task-based operation
 * is PrepareForTask (which also reads the power state), the state check, the {@code *_Task} call
 * and the wait; the power state of the handle is updated on success.
 */
public final class DomainLifecycle {
    private static final String POWER_STATE = "runtime.powerState";

    private final WriteContext ctx;

    public DomainLifecycle(WriteContext ctx) {
        this.ctx = ctx;
    }

    /** {@code domainCreate}: PowerOnVM_Task of a powered-off VM. */
    public void create(EsxDomain d, ProgressListener progress) {
        WriteContext.VmRef ref = ctx.primaryVm(d);
        requireState(prepare(ref), "poweredOff", "Domain is not powered off");
        runTask(ref, "PowerOnVM_Task", p -> p.powerOnVMTask(ref.vm(), null), progress, "Could not start domain");
        d.changed(VmIdentity.id(d.mor().getValue()), DomainState.RUNNING);
    }

    /** {@code domainSuspend}: SuspendVM_Task of a powered-on VM. */
    public void suspend(EsxDomain d) {
        WriteContext.VmRef ref = ctx.primaryVm(d);
        requireState(prepare(ref), "poweredOn", "Domain is not powered on");
        runTask(ref, "SuspendVM_Task", p -> p.suspendVMTask(ref.vm()), ProgressListener.NONE, "Could not suspend domain");
        d.changed(d.id(), DomainState.PAUSED);
    }

    /** {@code domainResume}: PowerOnVM_Task of a suspended VM. */
    public void resume(EsxDomain d) {
        WriteContext.VmRef ref = ctx.primaryVm(d);
        requireState(prepare(ref), "suspended", "Domain is not suspended");
        runTask(ref, "PowerOnVM_Task", p -> p.powerOnVMTask(ref.vm(), null), ProgressListener.NONE, "Could not resume domain");
        d.changed(VmIdentity.id(d.mor().getValue()), DomainState.RUNNING);
    }

    /**
     * {@code domainShutdown}: ShutdownGuest; returns once the request is accepted. Needs VMware
     * Tools in the guest (the server's ToolsUnavailable fault is reported otherwise).
     */
    public void shutdown(EsxDomain d) {
        WriteContext.VmRef ref = ctx.primaryVm(d);
        requireState(WriteContext.read(ref, List.of(POWER_STATE)), "poweredOn", "Domain is not powered on");
        ref.session().call("ShutdownGuest", p -> {
            p.shutdownGuest(ref.vm());
            return null;
        });
    }

    /** {@code domainReboot}: RebootGuest, like shutdown. */
    public void reboot(EsxDomain d) {
        WriteContext.VmRef ref = ctx.primaryVm(d);
        requireState(WriteContext.read(ref, List.of(POWER_STATE)), "poweredOn", "Domain is not powered on");
        ref.session().call("RebootGuest", p -> {
            p.rebootGuest(ref.vm());
            return null;
        });
    }

    /** {@code domainReset} (beyond libvirt 9.0's ESX driver): ResetVM_Task of a powered-on VM. */
    public void reset(EsxDomain d) {
        WriteContext.VmRef ref = ctx.primaryVm(d);
        requireState(prepare(ref), "poweredOn", "Domain is not powered on");
        runTask(ref, "ResetVM_Task", p -> p.resetVMTask(ref.vm()), ProgressListener.NONE, "Could not reset domain");
    }

    /** {@code domainDestroy}: PowerOffVM_Task on the vCenter if there is one (esx-spec 2.0). */
    public void destroy(EsxDomain d) {
        WriteContext.VmRef ref = ctx.vcenterOrHostVm(d);
        requireState(prepare(ref), "poweredOn", "Domain is not powered on");
        runTask(ref, "PowerOffVM_Task", p -> p.powerOffVMTask(ref.vm()), ProgressListener.NONE, "Could not destroy domain");
        d.changed(-1, DomainState.SHUTOFF);
    }

    /**
     * {@code domainUndefine}: UnregisterVM of a suspended or powered-off VM, on the vCenter if
     * there is one. The files stay on the datastore. No PrepareForTask (UnregisterVM is no task).
     */
    public void undefine(EsxDomain d) {
        WriteContext.VmRef ref = ctx.vcenterOrHostVm(d);
        String state = PowerStates.text(WriteContext.read(ref, List.of(POWER_STATE)).get(POWER_STATE).orElse(null));
        if (!"suspended".equals(state) && !"poweredOff".equals(state)) {
            throw new HypervisorException(ErrorCode.OPERATION_INVALID, ErrorDomain.ESX,
                    "Domain is not suspended or powered off");
        }
        ref.session().call("UnregisterVM", p -> {
            p.unregisterVM(ref.vm());
            return null;
        });
    }

    /**
     * {@code domainManagedSaveRemove}: ESX never has a managed save image, so there is never one
     * to remove; like libvirt's generic behaviour that is {@code OPERATION_INVALID}.
     */
    public void managedSaveRemove(EsxDomain d) {
        WriteContext.read(ctx.primaryVm(d), List.of("name"));
        throw new HypervisorException(ErrorCode.OPERATION_INVALID, ErrorDomain.ESX,
                "Domain '" + d.name() + "' has no managed save image");
    }

    private ObjectProps prepare(WriteContext.VmRef ref) {
        return PrepareForTask.prepare(ref, ctx.autoAnswer(), List.of(POWER_STATE));
    }

    private void runTask(WriteContext.VmRef ref, String method, VimCall<ManagedObjectReference> call,
                         ProgressListener progress, String failure) {
        ctx.tasks(ref.session()).run(method, call, Tasks.Watch.vm(ref.vm(), ctx.autoAnswer()), progress, failure);
    }

    static void requireState(ObjectProps vm, String expected, String message) {
        if (!expected.equals(PowerStates.text(vm.get(POWER_STATE).orElse(null)))) {
            throw new HypervisorException(ErrorCode.OPERATION_INVALID, ErrorDomain.ESX, message);
        }
    }
}
