package io.jvirt.esx.domain;

import io.jvirt.esx.inventory.InventoryScope;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.esx.vi.PropertyReader;
import io.jvirt.esx.vi.Specs;
import io.jvirt.esx.vi.Tasks;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.TypedParameter;
import io.jvirt.vim25.AutoStartDefaults;
import io.jvirt.vim25.AutoStartPowerInfo;
import io.jvirt.vim25.AutoStartWaitHeartbeatSetting;
import io.jvirt.vim25.HostAutoStartManagerConfig;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.ResourceAllocationInfo;
import io.jvirt.vim25.SharesInfo;
import io.jvirt.vim25.SharesLevel;
import io.jvirt.vim25.VirtualMachineConfigSpec;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Memory, vCPUs, scheduler and memory parameters (ReconfigVM_Task after PrepareForTask) and
 * autostart (ReconfigureAutostart), esx-spec 2.1 and 2.5-2.8.
 */
public final class DomainReconfigure {
    private final WriteContext ctx;

    public DomainReconfigure(WriteContext ctx) {
        this.ctx = ctx;
    }

    // ---- memory and vCPUs --------------------------------------------------------------------

    /** {@code domainSetMaxMemory}: {@code memoryMB} of a powered-off VM, rounded up to 4 MiB. */
    public void setMaxMemory(EsxDomain d, long kib) {
        if (kib <= 0) {
            throw HypervisorException.of(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                    "Could not set max-memory to %d kilobytes, expecting a positive value", kib);
        }
        WriteContext.VmRef ref = ctx.primaryVm(d);
        ObjectProps vm = PrepareForTask.prepare(ref, ctx.autoAnswer(), List.of("runtime.powerState"));
        DomainLifecycle.requireState(vm, "poweredOff", "Domain is not powered off");
        VirtualMachineConfigSpec spec = new VirtualMachineConfigSpec();
        spec.setMemoryMB(maxMemoryMiB(kib));
        reconfigure(ref, spec, "Could not set max-memory to " + kib + " kilobytes");
    }

    /** {@code memoryMB = ceil(kib / 4096) * 4}. */
    static long maxMemoryMiB(long kib) {
        return ceilDiv(kib, 4096) * 4;
    }

    /**
     * {@code domainSetMemory}: like libvirt this sets the memory allocation <em>limit</em>
     * ({@code ceil(kib / 1024)} MiB), not the VM's memory size (esx-spec 7.2 #4, kept: it is
     * what {@code info().memory()} reports back). No power-state check.
     */
    public void setMemory(EsxDomain d, long kib) {
        if (kib < 0) {
            throw HypervisorException.of(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                    "Could not set memory to %d kilobytes, expecting a positive value", kib);
        }
        WriteContext.VmRef ref = ctx.primaryVm(d);
        PrepareForTask.prepare(ref, ctx.autoAnswer(), List.of());
        VirtualMachineConfigSpec spec = new VirtualMachineConfigSpec();
        ResourceAllocationInfo memory = new ResourceAllocationInfo();
        memory.setLimit(ceilDiv(kib, 1024));
        spec.setMemoryAllocation(memory);
        reconfigure(ref, spec, "Could not set memory to " + kib + " kilobytes");
    }

    /** {@code domainSetVcpus}: {@code numCPUs}, 1..host maximum; no power-state check. */
    public void setVcpus(EsxDomain d, int count) {
        if (count < 1) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                    "Requested number of virtual CPUs must at least be 1");
        }
        int max = ctx.connection().maxVcpus(null);
        if (count > max) {
            throw HypervisorException.of(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                    "Requested number of virtual CPUs is greater than max allowable number of virtual CPUs for the domain: %d > %d",
                    count, max);
        }
        WriteContext.VmRef ref = ctx.primaryVm(d);
        PrepareForTask.prepare(ref, ctx.autoAnswer(), List.of());
        VirtualMachineConfigSpec spec = new VirtualMachineConfigSpec();
        spec.setNumCPUs(count);
        reconfigure(ref, spec, "Could not set number of virtual CPUs to " + count);
    }

    // ---- scheduler and memory parameters -----------------------------------------------------

    /** {@code domainSetSchedulerParameters}: reservation/limit (LLONG, MHz) and shares (INT). */
    public void setSchedulerParameters(EsxDomain d, List<TypedParameter> params) {
        validate(params, Map.of("reservation", TypedParameter.Type.LLONG, "limit", TypedParameter.Type.LLONG,
                "shares", TypedParameter.Type.INT));
        ResourceAllocationInfo cpu = cpuAllocation(params);
        WriteContext.VmRef ref = ctx.primaryVm(d);
        PrepareForTask.prepare(ref, ctx.autoAnswer(), List.of());
        VirtualMachineConfigSpec spec = new VirtualMachineConfigSpec();
        spec.setCpuAllocation(cpu);
        reconfigure(ref, spec, "Could not change scheduler parameters");
    }

    /** The {@code cpuAllocation} for validated scheduler parameters (esx-spec 2.6). */
    static ResourceAllocationInfo cpuAllocation(List<TypedParameter> params) {
        ResourceAllocationInfo cpu = new ResourceAllocationInfo();
        for (TypedParameter p : params) {
            switch (p.name()) {
                case "reservation" -> {
                    long v = p.longValue();
                    if (v < 0) {
                        throw HypervisorException.of(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                                "Could not set reservation to %d MHz, expecting positive value", v);
                    }
                    cpu.setReservation(v);
                }
                case "limit" -> {
                    long v = p.longValue();
                    if (v < -1) {
                        throw HypervisorException.of(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                                "Could not set limit to %d MHz, expecting positive value or -1 (unlimited)", v);
                    }
                    cpu.setLimit(v);
                }
                case "shares" -> cpu.setShares(shares((Integer) p.value()));
                default -> throw new IllegalStateException("validated: " + p.name());
            }
        }
        return cpu;
    }

    /** Scheduler {@code shares}: n >= 0 custom, -1 low, -2 normal, -3 high. */
    static SharesInfo shares(int value) {
        SharesInfo s = new SharesInfo();
        if (value >= 0) {
            s.setLevel(SharesLevel.CUSTOM);
            s.setShares(value);
            return s;
        }
        s.setShares(-1);
        switch (value) {
            case -1 -> s.setLevel(SharesLevel.LOW);
            case -2 -> s.setLevel(SharesLevel.NORMAL);
            case -3 -> s.setLevel(SharesLevel.HIGH);
            default -> throw HypervisorException.of(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                    "Could not set shares to %d, expecting positive value or -1 (low), -2 (normal) or -3 (high)", value);
        }
        return s;
    }

    /** {@code domainSetMemoryParameters}: {@code min_guarantee} (ULLONG, KiB) = memory reservation. */
    public void setMemoryParameters(EsxDomain d, List<TypedParameter> params) {
        validate(params, Map.of("min_guarantee", TypedParameter.Type.ULLONG));
        ResourceAllocationInfo memory = new ResourceAllocationInfo();
        for (TypedParameter p : params) {
            long kib = p.longValue();
            if (kib < 0) {
                throw HypervisorException.of(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                        "Could not set min_guarantee to %s kilobytes, expecting a value below 2^63",
                        Long.toUnsignedString(kib));
            }
            memory.setReservation(ceilDiv(kib, 1024));
        }
        WriteContext.VmRef ref = ctx.primaryVm(d);
        PrepareForTask.prepare(ref, ctx.autoAnswer(), List.of());
        VirtualMachineConfigSpec spec = new VirtualMachineConfigSpec();
        spec.setMemoryAllocation(memory);
        reconfigure(ref, spec, "Could not change memory parameters");
    }

    /**
     * libvirt's generic typed-parameter check: every name known, of the expected type, at most
     * once; {@code INVALID_ARG} naming the parameter otherwise.
     */
    static void validate(List<TypedParameter> params, Map<String, TypedParameter.Type> allowed) {
        Set<String> seen = new HashSet<>();
        for (TypedParameter p : params) {
            TypedParameter.Type expected = allowed.get(p.name());
            if (expected == null) {
                throw HypervisorException.of(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                        "parameter '%s' not supported (supported: %s)", p.name(),
                        String.join(", ", allowed.keySet().stream().sorted().toList()));
            }
            if (p.type() != expected) {
                throw HypervisorException.of(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                        "invalid type '%s' for parameter '%s', expected '%s'", typeName(p.type()), p.name(),
                        typeName(expected));
            }
            if (!seen.add(p.name())) {
                throw HypervisorException.of(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                        "parameter '%s' occurs multiple times", p.name());
            }
        }
    }

    private static String typeName(TypedParameter.Type t) {
        return switch (t) {
            case INT -> "int";
            case UINT -> "uint";
            case LLONG -> "llong";
            case ULLONG -> "ullong";
            case DOUBLE -> "double";
            case BOOLEAN -> "boolean";
            case STRING -> "string";
        };
    }

    // ---- autostart ---------------------------------------------------------------------------

    /**
     * {@code domainSetAutostart} (esx-spec 2.5): one AutoStartPowerInfo for the VM; enabling
     * also turns on the host's general autostart option when it is off - refused if that would
     * affect other domains. Disabling never turns the general option off.
     *
     * <p>Deliberate difference (esx-spec 7.2 #27): libvirt refuses whenever any other VM has a
     * powerInfo entry, even one with {@code startAction=none} that the general option does not
     * start. We refuse only when another VM's entry has a start action other than {@code none}.
     */
    public void setAutostart(EsxDomain d, boolean enable) {
        ManagedObjectReference manager = autoStartManager(d);
        ObjectProps m = PropertyReader.retrieve(ctx.primary(), Specs.filter(Specs.from(manager, false),
                Specs.props("HostAutoStartManager", "config.defaults", "config.powerInfo"))).stream().findFirst()
                .orElseThrow(() -> new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                        "Could not retrieve the HostAutoStartManager '" + manager.getValue() + "'"));
        AutoStartDefaults defaults = m.get("config.defaults", AutoStartDefaults.class).orElseThrow(() ->
                new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                        "Could not retrieve the AutoStartDefaults object"));
        HostAutoStartManagerConfig spec = new HostAutoStartManagerConfig();
        if (enable && !Boolean.TRUE.equals(defaults.isEnabled())) {
            for (AutoStartPowerInfo p : m.list("config.powerInfo", AutoStartPowerInfo.class)) {
                boolean other = p.getKey() != null && !p.getKey().getValue().equals(d.mor().getValue());
                if (other && !"none".equalsIgnoreCase(p.getStartAction())) {
                    throw new HypervisorException(ErrorCode.OPERATION_INVALID, ErrorDomain.ESX,
                            "Cannot enable general autostart option without affecting other domains");
                }
            }
            AutoStartDefaults on = new AutoStartDefaults();
            on.setEnabled(Boolean.TRUE);
            spec.setDefaults(on);
        }
        AutoStartPowerInfo info = new AutoStartPowerInfo();
        info.setKey(d.mor());
        info.setStartOrder(-1);
        info.setStartDelay(-1);
        info.setWaitForHeartbeat(AutoStartWaitHeartbeatSetting.SYSTEM_DEFAULT);
        info.setStartAction(enable ? "powerOn" : "none");
        info.setStopDelay(-1);
        info.setStopAction("none");
        spec.getPowerInfo().add(info);
        ctx.primary().call("ReconfigureAutostart", p -> {
            p.reconfigureAutostart(manager, spec);
            return null;
        });
    }

    private ManagedObjectReference autoStartManager(EsxDomain d) {
        ManagedObjectReference host = ctx.scope().kind() == InventoryScope.Kind.HOST ? ctx.scope().hostSystem()
                : WriteContext.read(ctx.primaryVm(d), List.of("runtime.host")).require("runtime.host", ManagedObjectReference.class);
        ManagedObjectReference manager = ctx.autoStartManagers().get(host.getValue());
        if (manager == null) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "Could not retrieve the HostAutoStartManager of the domain's host");
        }
        return manager;
    }

    // ---- helpers -----------------------------------------------------------------------------

    private void reconfigure(WriteContext.VmRef ref, VirtualMachineConfigSpec spec, String failure) {
        ctx.tasks(ref.session()).run("ReconfigVM_Task", p -> p.reconfigVMTask(ref.vm(), spec),
                Tasks.Watch.vm(ref.vm(), ctx.autoAnswer()), ProgressListener.NONE, failure);
    }

    static long ceilDiv(long value, long divisor) {
        return value / divisor + (value % divisor == 0 ? 0 : 1);
    }
}
