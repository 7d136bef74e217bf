package io.jvirt.esx.domain.devices;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.xml.ControllerDef;
import io.jvirt.spi.xml.DiskDef;
import io.jvirt.spi.xml.DomainDef;
import io.jvirt.spi.xml.InterfaceDef;
import io.jvirt.spi.xml.MacAddress;
import io.jvirt.vim25.ResourceAllocationInfo;
import io.jvirt.vim25.SharesInfo;
import io.jvirt.vim25.SharesLevel;
import io.jvirt.vim25.VirtualMachineConfigSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The difference between a domain's current definition and a new one, as one
 * {@code VirtualMachineConfigSpec} (the rules of README-esx "Redefining a domain"):
 * <ul>
 *   <li>{@code <memory>} -> {@code memoryMB} (rounded up to 4 MiB), {@code <currentMemory>} ->
 *       the memory limit, {@code <vcpu>} -> {@code numCPUs}, {@code <cputune><shares>} -> CPU
 *       shares, {@code <memtune><min_guarantee>} -> memory reservation, {@code <description>} ->
 *       {@code annotation};</li>
 *   <li>disks are matched by target: new ones are added, missing ones removed, a CD-ROM's or
 *       floppy's changed source is a media change; NICs are matched by MAC: new ones (or ones
 *       without a MAC) are added, missing ones removed, a changed source moves the card;</li>
 *   <li>on a running VM memory may only grow with memory hot-add enabled, vCPUs only grow with
 *       CPU hot-add (shrink with hot-remove); devices follow {@link DeviceChanges}' rules;</li>
 *   <li>everything else that differs ({@code type}, {@code <os>}, {@code <cpu>}, {@code <title>},
 *       {@code <features>}, {@code <clock>}, lifecycle actions, graphics, video, serial/parallel
 *       ports, controllers' models, a disk's bus/device kind/driver, a NIC's model) is refused with
 *       {@code CONFIG_UNSUPPORTED} naming the element; nothing is changed then.</li>
 * </ul>
 */
public final class DefinitionDiff {
    private DefinitionDiff() {
    }

    /**
     * The spec turning {@code current} into {@code wanted} on a VM whose devices and power state
     * are {@code server}; {@code null} when nothing differs.
     */
    public static VirtualMachineConfigSpec spec(DomainDef current, DomainDef wanted, ServerDevices server,
                                                java.util.function.Supplier<java.util.Set<String>> networks) {
        refuseUnchangeable(current, wanted);
        VirtualMachineConfigSpec spec = new VirtualMachineConfigSpec();
        boolean any = false;
        boolean running = server.active();
        if (wanted.memoryKiB() != current.memoryKiB()) {
            long mib = ceilDiv(wanted.memoryKiB(), 4096) * 4;
            if (running && (!server.memoryHotAdd() || mib < server.memoryMB())) {
                throw refuse("<memory>", "the memory of a running domain can only grow, and only with memory"
                        + " hot-add enabled (" + (server.memoryHotAdd() ? "enabled" : "disabled") + ")");
            }
            spec.setMemoryMB(mib);
            any = true;
        }
        if (wanted.vcpus() != current.vcpus()) {
            if (running) {
                boolean grow = wanted.vcpus() > server.numCpu();
                if ((grow && !server.cpuHotAdd()) || (!grow && !server.cpuHotRemove())) {
                    throw refuse("<vcpu>", "the vCPUs of a running domain change only with CPU hot-"
                            + (grow ? "add" : "remove") + " enabled");
                }
            }
            spec.setNumCPUs(wanted.vcpus());
            any = true;
        }
        ResourceAllocationInfo memory = null;
        if (wanted.effectiveCurrentMemoryKiB() != current.effectiveCurrentMemoryKiB()) {
            memory = new ResourceAllocationInfo();
            memory.setLimit(wanted.effectiveCurrentMemoryKiB() < wanted.memoryKiB()
                    ? ceilDiv(wanted.effectiveCurrentMemoryKiB(), 1024) : -1L);
        }
        if (wanted.minGuaranteeKiB() != current.minGuaranteeKiB()) {
            memory = memory == null ? new ResourceAllocationInfo() : memory;
            memory.setReservation(ceilDiv(wanted.minGuaranteeKiB(), 1024));
        }
        if (memory != null) {
            spec.setMemoryAllocation(memory);
            any = true;
        }
        if (wanted.cpuShares() != current.cpuShares()) {
            ResourceAllocationInfo cpu = new ResourceAllocationInfo();
            SharesInfo shares = new SharesInfo();
            if (wanted.cpuShares() < 0) {
                shares.setLevel(SharesLevel.NORMAL);
                shares.setShares(-1);
            } else {
                shares.setLevel(SharesLevel.CUSTOM);
                shares.setShares((int) Math.min(Integer.MAX_VALUE, wanted.cpuShares()));
            }
            cpu.setShares(shares);
            spec.setCpuAllocation(cpu);
            any = true;
        }
        if (!Objects.equals(blank(wanted.description()), blank(current.description()))) {
            spec.setAnnotation(blank(wanted.description()));
            any = true;
        }
        DeviceChanges devices = new DeviceChanges(server, networks);
        diffDisks(current.devices().disks(), wanted.devices().disks(), devices);
        diffInterfaces(current.devices().interfaces(), wanted.devices().interfaces(), devices);
        if (!devices.isEmpty()) {
            spec.getDeviceChange().addAll(devices.specs());
            any = true;
        }
        return any ? spec : null;
    }

    private static void refuseUnchangeable(DomainDef current, DomainDef wanted) {
        if (!Objects.equals(current.type(), wanted.type())) {
            throw refuse("<domain type>", "'" + current.type() + "' cannot become '" + wanted.type() + "'");
        }
        if (wanted.os().arch() != null && !Objects.equals(current.os().arch(), wanted.os().arch())) {
            throw refuse("<os><type arch>", "'" + current.os().arch() + "' cannot become '" + wanted.os().arch() + "'");
        }
        if (!Objects.equals(current.os().type(), wanted.os().type())) {
            throw refuse("<os><type>", "'" + current.os().type() + "' cannot become '" + wanted.os().type() + "'");
        }
        Map<String, Object[]> pairs = new LinkedHashMap<>();
        pairs.put("<os>", new Object[] {withoutArch(current), withoutArch(wanted)});
        pairs.put("<title>", new Object[] {blank(current.title()), blank(wanted.title())});
        pairs.put("<genid>", new Object[] {current.genid(), wanted.genid()});
        pairs.put("<vcpu current>", new Object[] {current.effectiveVcpuCurrent(), wanted.effectiveVcpuCurrent()});
        pairs.put("<vcpu cpuset>", new Object[] {current.cpuset(), wanted.cpuset()});
        pairs.put("<cpu>", new Object[] {current.cpu(), wanted.cpu()});
        pairs.put("<features>", new Object[] {current.features(), wanted.features()});
        pairs.put("<clock>", new Object[] {current.clockOffset(), wanted.clockOffset()});
        pairs.put("<on_poweroff>", new Object[] {current.onPoweroff(), wanted.onPoweroff()});
        pairs.put("<on_reboot>", new Object[] {current.onReboot(), wanted.onReboot()});
        pairs.put("<on_crash>", new Object[] {current.onCrash(), wanted.onCrash()});
        pairs.put("<filesystem>", new Object[] {current.devices().filesystems(), wanted.devices().filesystems()});
        pairs.put("<input>", new Object[] {current.devices().inputs(), wanted.devices().inputs()});
        pairs.put("<graphics>", new Object[] {current.devices().graphics(), wanted.devices().graphics()});
        pairs.put("<video>", new Object[] {current.devices().videos(), wanted.devices().videos()});
        pairs.put("<serial>", new Object[] {current.devices().serials(), wanted.devices().serials()});
        pairs.put("<parallel>", new Object[] {current.devices().parallels(), wanted.devices().parallels()});
        pairs.put("<console>", new Object[] {current.devices().consoles(), wanted.devices().consoles()});
        for (Map.Entry<String, Object[]> e : pairs.entrySet()) {
            if (!Objects.equals(e.getValue()[0], e.getValue()[1])) {
                throw refuse(e.getKey(), "changing it is not supported by the ESX driver");
            }
        }
        for (ControllerDef c : wanted.devices().controllers()) {
            for (ControllerDef old : current.devices().controllers()) {
                if (old.type().equals(c.type()) && old.index() == c.index() && c.model() != null
                        && !Objects.equals(old.model(), c.model())) {
                    throw refuse("<controller type='" + c.type() + "' index='" + c.index() + "'>",
                            "its model '" + old.model() + "' cannot become '" + c.model() + "'");
                }
            }
        }
    }

    private static Object withoutArch(DomainDef d) {
        return List.of(String.valueOf(d.os().machine()), String.valueOf(d.os().firmware()), d.os().bootDevs(),
                String.valueOf(d.os().smbiosMode()));
    }

    private static void diffDisks(List<DiskDef> current, List<DiskDef> wanted, DeviceChanges changes) {
        Map<String, DiskDef> old = new LinkedHashMap<>();
        current.forEach(d -> old.put(d.targetDev(), d));
        Map<String, DiskDef> now = new LinkedHashMap<>();
        wanted.forEach(d -> now.put(d.targetDev(), d));
        for (DiskDef d : current) {
            if (!now.containsKey(d.targetDev())) {
                changes.removeDisk(d.targetDev());
            }
        }
        for (DiskDef d : wanted) {
            DiskDef before = old.get(d.targetDev());
            if (before == null) {
                changes.addDisk(d);
                continue;
            }
            String element = "<disk> with target '" + d.targetDev() + "'";
            if (!before.device().equals(d.device()) || !Objects.equals(before.targetBus(), d.targetBus())) {
                throw refuse(element, "its device kind or bus (" + before.device() + "/" + before.targetBus()
                        + ") cannot become " + d.device() + "/" + d.targetBus() + "; detach it and attach a new one");
            }
            if (!Objects.equals(before.driverName(), d.driverName()) || !Objects.equals(before.driverCache(), d.driverCache())
                    || before.readonly() != d.readonly() || before.transientDisk() != d.transientDisk()
                    || (d.address() != null && !d.address().equals(before.address()))) {
                throw refuse(element, "only the source of a CD-ROM or floppy can change in place");
            }
            if (!Objects.equals(before.source(), d.source())) {
                if ("disk".equals(d.device())) {
                    throw refuse(element, "the source of a hard disk cannot change; detach it and attach the new file");
                }
                changes.changeMedia(d.targetDev(), d.source());
            }
        }
    }

    private static void diffInterfaces(List<InterfaceDef> current, List<InterfaceDef> wanted, DeviceChanges changes) {
        Map<MacAddress, InterfaceDef> now = new LinkedHashMap<>();
        for (InterfaceDef i : wanted) {
            if (i.mac() != null) {
                now.put(i.mac(), i);
            }
        }
        Map<MacAddress, InterfaceDef> old = new LinkedHashMap<>();
        for (InterfaceDef i : current) {
            if (i.mac() == null) {
                continue;
            }
            old.put(i.mac(), i);
            if (!now.containsKey(i.mac())) {
                changes.removeNic(i);
            }
        }
        for (InterfaceDef i : wanted) {
            InterfaceDef before = i.mac() == null ? null : old.get(i.mac());
            if (before == null) {
                changes.addNic(i);
                continue;
            }
            if (!Objects.equals(before.model(), i.model())) {
                throw refuse("<interface> with MAC '" + i.mac() + "'", "its model '" + before.model()
                        + "' cannot become '" + i.model() + "'; detach it and attach a new one");
            }
            if (!Objects.equals(before.sourceBridge(), i.sourceBridge())) {
                changes.updateNic(i);
            }
        }
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }

    private static HypervisorException refuse(String element, String why) {
        return new HypervisorException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.ESX,
                "cannot change " + element + " of an existing domain: " + why);
    }

    static long ceilDiv(long value, long divisor) {
        return value / divisor + (value % divisor == 0 ? 0 : 1);
    }
}
