package io.jvirt.simulator;

import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.ResourceAllocationInfo;
import io.jvirt.vim25.ToolsUnavailable;
import io.jvirt.vim25.VirtualMachineConfigInfo;
import io.jvirt.vim25.VirtualMachineConfigSpec;
import io.jvirt.vim25.VirtualMachinePowerState;
import io.jvirt.vim25.VirtualMachineRuntimeInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Power operations, guest shutdown/reboot, reconfiguration and unregistration of VMs. Invalid
 * power states fail the task (as on ESX), not the *_Task call.
 */
final class VmLifecycle {

    private static final Duration GUEST_OPERATION_DELAY = Duration.ofMillis(200);

    private final Inventory inventory;
    private final Tasks tasks;
    private final Datastores datastores;
    private final ScheduledExecutorService scheduler;
    private final EventHistory history;

    VmLifecycle(Inventory inventory, Tasks tasks, Datastores datastores, ScheduledExecutorService scheduler,
                EventHistory history) {
        this.history = history;
        this.inventory = inventory;
        this.tasks = tasks;
        this.datastores = datastores;
        this.scheduler = scheduler;
    }

    ManagedObjectReference powerOn(ManagedObjectReference ref, Caller caller) {
        return powerTo(ref, caller, "VirtualMachine.powerOn", VirtualMachinePowerState.POWERED_ON);
    }

    ManagedObjectReference powerOff(ManagedObjectReference ref, Caller caller) {
        return powerTo(ref, caller, "VirtualMachine.powerOff", VirtualMachinePowerState.POWERED_OFF);
    }

    /** A power task that fails with InvalidPowerState when the VM is already in {@code target}. */
    private ManagedObjectReference powerTo(ManagedObjectReference ref, Caller caller, String task,
            VirtualMachinePowerState target) {
        ManagedObject vm = vm(ref);
        return tasks.start(vm, task, caller, () -> {
            VirtualMachineRuntimeInfo runtime = runtime(vm);
            if (runtime.getPowerState() == target) {
                throw VimFaults.invalidPowerState(runtime.getPowerState(), target);
            }
            setPowerState(vm, target);
            history.post(target == VirtualMachinePowerState.POWERED_ON ? io.jvirt.vim25.VmPoweredOnEvent::new
                    : io.jvirt.vim25.VmPoweredOffEvent::new, vm);
            return null;
        });
    }

    ManagedObjectReference suspend(ManagedObjectReference ref, Caller caller) {
        ManagedObject vm = vm(ref);
        return tasks.start(vm, "VirtualMachine.suspend", caller, () -> {
            requireState(vm, VirtualMachinePowerState.POWERED_ON, VirtualMachinePowerState.SUSPENDED);
            setPowerState(vm, VirtualMachinePowerState.SUSPENDED);
            history.post(io.jvirt.vim25.VmSuspendedEvent::new, vm);
            return null;
        });
    }

    ManagedObjectReference reset(ManagedObjectReference ref, Caller caller) {
        ManagedObject vm = vm(ref);
        return tasks.start(vm, "VirtualMachine.reset", caller, () -> {
            requireState(vm, VirtualMachinePowerState.POWERED_ON, VirtualMachinePowerState.POWERED_ON);
            runtime(vm).setBootTime(Xml.dateTime(Instant.now()));
            history.post(io.jvirt.vim25.VmResettingEvent::new, vm);
            return null;
        });
    }

    /** ShutdownGuest: accepted at once when tools run; the guest powers off shortly after. */
    void shutdownGuest(ManagedObjectReference ref) {
        ManagedObject vm = vm(ref);
        inventory.write(() -> {
            requireGuestTools(vm);
            scheduler.schedule(() -> inventory.write(() -> {
                if (runtime(vm).getPowerState() == VirtualMachinePowerState.POWERED_ON) {
                    history.post(io.jvirt.vim25.VmGuestShutdownEvent::new, vm);
                    setPowerState(vm, VirtualMachinePowerState.POWERED_OFF);
                    history.post(io.jvirt.vim25.VmPoweredOffEvent::new, vm);
                }
            }), GUEST_OPERATION_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    void rebootGuest(ManagedObjectReference ref) {
        ManagedObject vm = vm(ref);
        inventory.write(() -> {
            requireGuestTools(vm);
            runtime(vm).setBootTime(Xml.dateTime(Instant.now().plus(GUEST_OPERATION_DELAY)));
            history.post(io.jvirt.vim25.VmGuestRebootEvent::new, vm);
        });
    }

    ManagedObjectReference reconfigure(ManagedObjectReference ref, VirtualMachineConfigSpec spec, Caller caller) {
        ManagedObject vm = vm(ref);
        return tasks.start(vm, "VirtualMachine.reconfigure", caller, () -> {
            VirtualMachineConfigInfo config = vm.require("config", VirtualMachineConfigInfo.class);
            boolean poweredOn = runtime(vm).getPowerState() != VirtualMachinePowerState.POWERED_OFF;
            boolean hardwareChange = (spec.getNumCPUs() != null && spec.getNumCPUs() != config.getHardware().getNumCPU())
                    || (spec.getMemoryMB() != null && spec.getMemoryMB() != config.getHardware().getMemoryMB());
            if (poweredOn && hardwareChange) {
                throw VimFaults.invalidPowerState(runtime(vm).getPowerState(), VirtualMachinePowerState.POWERED_OFF);
            }
            if (spec.getMemoryMB() != null && (spec.getMemoryMB() < 4 || spec.getMemoryMB() % 4 != 0)) {
                throw VimFaults.invalidArgument("spec.memoryMB");
            }
            if (spec.getNumCPUs() != null && spec.getNumCPUs() < 1) {
                throw VimFaults.invalidArgument("spec.numCPUs");
            }
            Map<String, String> vmx = new LinkedHashMap<>();
            if (!spec.getDeviceChange().isEmpty()) {
                vmx.putAll(deviceChanges(config, spec, poweredOn));
            }
            if (spec.getName() != null) {
                vm.set("name", spec.getName());
                config.setName(spec.getName());
                vmx.put("displayName", spec.getName());
            }
            if (spec.getNumCPUs() != null) {
                config.getHardware().setNumCPU(spec.getNumCPUs());
                vmx.put("numvcpus", String.valueOf(spec.getNumCPUs()));
            }
            if (spec.getMemoryMB() != null) {
                config.getHardware().setMemoryMB(spec.getMemoryMB().intValue());
                vmx.put("memsize", String.valueOf(spec.getMemoryMB()));
            }
            if (spec.getAnnotation() != null) {
                config.setAnnotation(spec.getAnnotation());
                vmx.put("annotation", spec.getAnnotation());
            }
            merge(config.getCpuAllocation(), spec.getCpuAllocation(), "spec.cpuAllocation");
            merge(config.getMemoryAllocation(), spec.getMemoryAllocation(), "spec.memoryAllocation");
            config.setChangeVersion(Instant.now().toString());
            config.setModified(Xml.dateTime(Instant.now()));
            updateVmx(config, vmx);
            if (!spec.getDeviceChange().isEmpty()) {
                DatastorePath path = DatastorePath.parse(config.getFiles().getVmPathName());
                config.getHardware().getDevice().clear();
                config.getHardware().getDevice().addAll(
                        VmFactory.devicesFromVmx(inventory, datastores.byName(path.datastore()), path.toString()));
            }
            return null;
        });
    }

    /** The .vmx changes of a spec's deviceChange, checked before anything changes (VmDevices). */
    private Map<String, String> deviceChanges(VirtualMachineConfigInfo config, VirtualMachineConfigSpec spec,
                                              boolean poweredOn) {
        DatastorePath path = DatastorePath.parse(config.getFiles().getVmPathName());
        String text = datastores.files(path).read(path.path())
                .map(f -> new String(f.content(), StandardCharsets.UTF_8))
                .orElseThrow(() -> VimFaults.fileNotFound(path.toString()));
        return VmDevices.apply(spec.getDeviceChange(), config.getHardware().getDevice(), VmxText.parse(text), poweredOn,
                file -> {
                    DatastorePath p = DatastorePath.parse(file);
                    return inventory.byName("Datastore", p.datastore()).isPresent() && datastores.files(p).isFile(p.path());
                }, path);
    }

    void unregister(ManagedObjectReference ref) {
        ManagedObject vm = vm(ref);
        inventory.write(() -> {
            VirtualMachineRuntimeInfo runtime = runtime(vm);
            if (runtime.getPowerState() == VirtualMachinePowerState.POWERED_ON) {
                throw VimFaults.invalidPowerState(runtime.getPowerState(), VirtualMachinePowerState.POWERED_OFF);
            }
            for (ManagedObject other : inventory.ofType("ManagedEntity")) {
                for (String property : new String[] {"childEntity", "vm"}) {
                    if (other.get(property) instanceof io.jvirt.vim25.ArrayOfManagedObjectReference) {
                        Refs.remove(other, property, vm.ref());
                    }
                }
            }
            inventory.remove(vm.ref());
        });
    }

    /** Changes the power state and what follows from it (guest info, boot/suspend times). */
    static void setPowerState(ManagedObject vm, VirtualMachinePowerState state) {
        VirtualMachineRuntimeInfo runtime = runtime(vm);
        runtime.setPowerState(state);
        runtime.setBootTime(state == VirtualMachinePowerState.POWERED_ON ? Xml.dateTime(Instant.now()) : null);
        runtime.setSuspendTime(state == VirtualMachinePowerState.SUSPENDED ? Xml.dateTime(Instant.now()) : null);
        VmFactory.updateGuest(vm);
    }

    private void updateVmx(VirtualMachineConfigInfo config, Map<String, String> changes) {
        if (changes.isEmpty()) {
            return;
        }
        DatastorePath path = DatastorePath.parse(config.getFiles().getVmPathName());
        DatastoreFiles files = datastores.files(path);
        files.read(path.path()).ifPresent(file -> {
            String text = VmxText.withValues(new String(file.content(), StandardCharsets.UTF_8), changes);
            files.write(path.path(), text.getBytes(StandardCharsets.UTF_8));
        });
    }

    private static void merge(ResourceAllocationInfo current, ResourceAllocationInfo change, String property) {
        if (change == null) {
            return;
        }
        if (change.getReservation() != null) {
            if (change.getReservation() < 0) {
                throw VimFaults.invalidArgument(property + ".reservation");
            }
            current.setReservation(change.getReservation());
        }
        if (change.getLimit() != null) {
            if (change.getLimit() < -1) {
                throw VimFaults.invalidArgument(property + ".limit");
            }
            current.setLimit(change.getLimit());
        }
        if (change.isExpandableReservation() != null) {
            current.setExpandableReservation(change.isExpandableReservation());
        }
        if (change.getShares() != null) {
            if (change.getShares().getLevel() == null) {
                throw VimFaults.invalidArgument(property + ".shares.level");
            }
            current.setShares(change.getShares());
        }
    }

    private void requireGuestTools(ManagedObject vm) {
        VirtualMachineRuntimeInfo runtime = runtime(vm);
        if (runtime.getPowerState() != VirtualMachinePowerState.POWERED_ON) {
            throw VimFaults.invalidPowerState(runtime.getPowerState(), VirtualMachinePowerState.POWERED_ON);
        }
        if (Boolean.FALSE.equals(vm.internal("toolsInstalled"))) {
            throw new VimFaultException(new ToolsUnavailable(),
                    "Cannot complete operation because VMware Tools is not running in this virtual machine.");
        }
    }

    private static void requireState(ManagedObject vm, VirtualMachinePowerState required, VirtualMachinePowerState requested) {
        VirtualMachineRuntimeInfo runtime = runtime(vm);
        if (runtime.getPowerState() != required) {
            throw VimFaults.invalidPowerState(runtime.getPowerState(), requested);
        }
    }

    ManagedObject vm(ManagedObjectReference ref) {
        return inventory.require(ref, "VirtualMachine");
    }

    static VirtualMachineRuntimeInfo runtime(ManagedObject vm) {
        return vm.require("runtime", VirtualMachineRuntimeInfo.class);
    }
}
