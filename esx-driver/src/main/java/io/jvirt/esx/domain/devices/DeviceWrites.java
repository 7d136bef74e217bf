package io.jvirt.esx.domain.devices;

import io.jvirt.esx.domain.EsxDomain;
import io.jvirt.esx.domain.PrepareForTask;
import io.jvirt.esx.domain.WriteContext;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.esx.vi.Tasks;
import io.jvirt.spi.DomainModificationImpact;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.xml.DeviceXml;
import io.jvirt.spi.xml.DiskDef;
import io.jvirt.spi.xml.DomainDef;
import io.jvirt.spi.xml.InterfaceDef;
import io.jvirt.vim25.VirtualMachineConfigSpec;

import java.util.List;
import java.util.Set;

/**
 * Device changes and redefinition of an existing VM: each is one {@code ReconfigVM_Task} (after
 * PrepareForTask), built from the VM's device list as the server holds it. ESX has one
 * configuration per VM: a running VM's devices are its configuration, so a change affects the
 * running VM and its definition alike; a {@code --config}-only change of a running VM is refused
 * rather than silently made live.
 */
public final class DeviceWrites implements io.jvirt.esx.domain.DeviceOperations {
    private final WriteContext ctx;

    public DeviceWrites(WriteContext ctx) {
        this.ctx = ctx;
    }

    /** {@code virDomainAttachDeviceFlags}. */
    @Override
    public void attach(EsxDomain d, String xml, Set<DomainModificationImpact> flags) {
        DeviceXml.Device device = DeviceXml.parse(xml);
        change(d, flags, "Could not attach " + device.element(), changes -> {
            if (device.disk() != null) {
                changes.addDisk(device.disk());
            } else {
                changes.addNic(device.iface());
            }
        });
    }

    /** {@code virDomainDetachDeviceFlags}: a disk by target, an interface by MAC (or the only one). */
    @Override
    public void detach(EsxDomain d, String xml, Set<DomainModificationImpact> flags) {
        DeviceXml.Device device = DeviceXml.parse(xml);
        change(d, flags, "Could not detach " + device.element(), changes -> {
            if (device.disk() != null) {
                changes.removeDisk(device.disk().targetDev());
            } else {
                changes.removeNic(device.iface());
            }
        });
    }

    /** {@code virDomainUpdateDeviceFlags}: CD-ROM/floppy media, an interface's port group. */
    @Override
    public void update(EsxDomain d, String xml, Set<DomainModificationImpact> flags) {
        DeviceXml.Device device = DeviceXml.parse(xml);
        change(d, flags, "Could not update " + device.element(), changes -> {
            if (device.disk() != null) {
                DiskDef disk = device.disk();
                ServerDevices.Disk current = changes.findDisk(disk.targetDev()).orElseThrow(() ->
                        new HypervisorException(ErrorCode.OPERATION_FAILED, ErrorDomain.ESX,
                                "disk " + disk.targetDev() + " not found"));
                if (!current.def().device().equals(disk.device())) {
                    throw new HypervisorException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.ESX,
                            "cannot change disk " + disk.targetDev() + " from " + current.def().device() + " to "
                                    + disk.device());
                }
                changes.changeMedia(disk.targetDev(), disk.source());
            } else {
                changes.updateNic(device.iface());
            }
        });
    }

    /**
     * Redefinition: the difference between {@code current} (the definition {@code dumpxml}
     * shows) and {@code wanted}, in one ReconfigVM_Task; nothing is sent when they agree.
     */
    @Override
    public void redefine(EsxDomain d, DomainDef current, DomainDef wanted, ProgressListener progress) {
        WriteContext.VmRef ref = ctx.primaryVm(d);
        ObjectProps vm = PrepareForTask.prepare(ref, ctx.autoAnswer(), ServerDevices.PROPERTIES);
        ServerDevices server = ServerDevices.of(vm);
        // memory and vCPUs as the server has them (what dominfo shows): a server that does not
        // rewrite the .vmx (vcsim) must still see a change back to the .vmx's values
        DomainDef held = current;
        if (server.memoryMB() > 0 && server.numCpu() > 0) {
            held = current.toBuilder().memoryKiB(server.memoryMB() * 1024).vcpus(server.numCpu()).build();
        }
        VirtualMachineConfigSpec spec = DefinitionDiff.spec(held, wanted, server, () -> networks(ref, server));
        if (spec != null) {
            reconfigure(ref, spec, progress, "Could not redefine domain '" + d.name() + "'");
        }
    }

    /** The disks as the server has them. */
    @Override
    public List<DiskDef> disks(EsxDomain d) {
        return read(d).disks().stream().map(ServerDevices.Disk::def).toList();
    }

    /** The network cards as the server has them. */
    @Override
    public List<InterfaceDef> interfaces(EsxDomain d) {
        return read(d).nics().stream().map(ServerDevices.Nic::def).toList();
    }

    private ServerDevices read(EsxDomain d) {
        return ServerDevices.of(WriteContext.read(ctx.primaryVm(d), ServerDevices.PROPERTIES));
    }

    /** The names of the networks of the VM's host (one request). */
    private static java.util.Set<String> networks(WriteContext.VmRef ref, ServerDevices server) {
        if (server.host() == null) {
            return java.util.Set.of();
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (ObjectProps n : io.jvirt.esx.vi.PropertyReader.retrieve(ref.session(), io.jvirt.esx.vi.Specs.filter(
                io.jvirt.esx.vi.Specs.from(server.host(), true,
                        io.jvirt.esx.vi.Specs.traverse("hostToNetwork", "HostSystem", "network")),
                io.jvirt.esx.vi.Specs.props("Network", "name")))) {
            n.string("name").ifPresent(names::add);
        }
        return names;
    }

    private interface Edit {
        void apply(DeviceChanges changes);
    }

    private void change(EsxDomain d, Set<DomainModificationImpact> flags, String failure, Edit edit) {
        WriteContext.VmRef ref = ctx.primaryVm(d);
        ObjectProps vm = PrepareForTask.prepare(ref, ctx.autoAnswer(), ServerDevices.PROPERTIES);
        ServerDevices server = ServerDevices.of(vm);
        Set<DomainModificationImpact> impact = DomainModificationImpact.resolve(flags, server.active(), ErrorDomain.ESX);
        if (server.active() && !impact.contains(DomainModificationImpact.LIVE)) {
            throw new HypervisorException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.ESX,
                    "ESX cannot change only the persistent configuration of a running domain (its devices are the"
                            + " running VM's); use --live, or --live --config");
        }
        DeviceChanges changes = new DeviceChanges(server, () -> networks(ref, server));
        edit.apply(changes);
        if (changes.isEmpty()) {
            return;
        }
        VirtualMachineConfigSpec spec = new VirtualMachineConfigSpec();
        spec.getDeviceChange().addAll(changes.specs());
        reconfigure(ref, spec, ProgressListener.NONE, failure);
    }

    private void reconfigure(WriteContext.VmRef ref, VirtualMachineConfigSpec spec, ProgressListener progress,
                             String failure) {
        ctx.tasks(ref.session()).run("ReconfigVM_Task", p -> p.reconfigVMTask(ref.vm(), spec),
                Tasks.Watch.vm(ref.vm(), ctx.autoAnswer()), progress == null ? ProgressListener.NONE : progress, failure);
    }
}
