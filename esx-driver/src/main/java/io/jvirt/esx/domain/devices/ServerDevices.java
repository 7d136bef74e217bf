package io.jvirt.esx.domain.devices;

import io.jvirt.esx.domain.PowerStates;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.spi.xml.DiskDef;
import io.jvirt.spi.xml.InterfaceDef;
import io.jvirt.spi.xml.MacAddress;
import io.jvirt.vim25.VirtualAHCIController;
import io.jvirt.vim25.VirtualCdrom;
import io.jvirt.vim25.VirtualController;
import io.jvirt.vim25.VirtualDevice;
import io.jvirt.vim25.VirtualDeviceBackingInfo;
import io.jvirt.vim25.VirtualDeviceDeviceBackingInfo;
import io.jvirt.vim25.VirtualDeviceFileBackingInfo;
import io.jvirt.vim25.VirtualDisk;
import io.jvirt.vim25.VirtualE1000;
import io.jvirt.vim25.VirtualE1000E;
import io.jvirt.vim25.VirtualEthernetCard;
import io.jvirt.vim25.VirtualEthernetCardDistributedVirtualPortBackingInfo;
import io.jvirt.vim25.VirtualEthernetCardOpaqueNetworkBackingInfo;
import io.jvirt.vim25.VirtualFloppy;
import io.jvirt.vim25.VirtualIDEController;
import io.jvirt.vim25.VirtualPCNet32;
import io.jvirt.vim25.VirtualSATAController;
import io.jvirt.vim25.VirtualSCSIController;
import io.jvirt.vim25.VirtualVmxnet2;
import io.jvirt.vim25.VirtualVmxnet3;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A VM's device list as the server holds it ({@code config.hardware.device}) with the facts a
 * device change needs (power state, hot-add flags), read in one request; and each disk and
 * network card seen as the libvirt device it is ({@code sda}, MAC address). vcsim never rewrites
 * a {@code .vmx}, and a running VM's devices are what the server says, so device commands and
 * {@code domblklist}/{@code domiflist} read this list, not the file.
 */
public final class ServerDevices {
    /** The VM properties one read gives. */
    public static final List<String> PROPERTIES = List.of("config.hardware.device", "runtime.powerState",
            "config.memoryHotAddEnabled", "config.cpuHotAddEnabled", "config.cpuHotRemoveEnabled",
            "config.hardware.numCPU", "config.hardware.memoryMB", "runtime.host");

    private final List<VirtualDevice> devices;
    private final Map<Integer, VirtualDevice> byKey = new HashMap<>();
    private final String powerState;
    private final boolean memoryHotAdd;
    private final boolean cpuHotAdd;
    private final boolean cpuHotRemove;
    private final int numCpu;
    private final long memoryMB;
    private io.jvirt.vim25.ManagedObjectReference host;

    /** A disk, CD-ROM or floppy of the VM and the libvirt disk it is. */
    public record Disk(VirtualDevice device, DiskDef def) {
    }

    /** A network card of the VM and the libvirt interface it is. */
    public record Nic(VirtualEthernetCard device, InterfaceDef def) {
    }

    ServerDevices(List<VirtualDevice> devices, String powerState, boolean memoryHotAdd, boolean cpuHotAdd,
                  boolean cpuHotRemove, int numCpu, long memoryMB) {
        this.devices = List.copyOf(devices);
        for (VirtualDevice d : devices) {
            byKey.put(d.getKey(), d);
        }
        this.powerState = powerState;
        this.memoryHotAdd = memoryHotAdd;
        this.cpuHotAdd = cpuHotAdd;
        this.cpuHotRemove = cpuHotRemove;
        this.numCpu = numCpu;
        this.memoryMB = memoryMB;
    }

    /** The view of properties read with {@link #PROPERTIES}. */
    public static ServerDevices of(ObjectProps vm) {
        return new ServerDevices(vm.list("config.hardware.device", VirtualDevice.class),
                PowerStates.text(vm.get("runtime.powerState").orElse(null)),
                vm.get("config.memoryHotAddEnabled", Boolean.class).orElse(false),
                vm.get("config.cpuHotAddEnabled", Boolean.class).orElse(false),
                vm.get("config.cpuHotRemoveEnabled", Boolean.class).orElse(false),
                vm.get("config.hardware.numCPU", Integer.class).orElse(0),
                vm.get("config.hardware.memoryMB", Integer.class).map(Integer::longValue).orElse(0L))
                .withHost(vm.get("runtime.host", io.jvirt.vim25.ManagedObjectReference.class).orElse(null));
    }

    private ServerDevices withHost(io.jvirt.vim25.ManagedObjectReference h) {
        this.host = h;
        return this;
    }

    /** The host the VM is registered on, or null. */
    public io.jvirt.vim25.ManagedObjectReference host() {
        return host;
    }

    public List<VirtualDevice> all() {
        return devices;
    }

    /** True unless powered off (a suspended VM cannot change its hardware either). */
    public boolean active() {
        return !"poweredOff".equals(powerState);
    }

    public boolean poweredOn() {
        return "poweredOn".equals(powerState);
    }

    public boolean memoryHotAdd() {
        return memoryHotAdd;
    }

    public boolean cpuHotAdd() {
        return cpuHotAdd;
    }

    public boolean cpuHotRemove() {
        return cpuHotRemove;
    }

    public int numCpu() {
        return numCpu;
    }

    public long memoryMB() {
        return memoryMB;
    }

    public Optional<VirtualDevice> byKey(int key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The controllers of one bus kind, by bus number. */
    public Map<Integer, VirtualController> controllers(String bus) {
        Map<Integer, VirtualController> out = new HashMap<>();
        for (VirtualDevice d : devices) {
            if (d instanceof VirtualController c && bus.equals(busOf(c))) {
                out.put(c.getBusNumber(), c);
            }
        }
        return out;
    }

    /** The bus kind of a controller, or null for other controllers (PCI, PS/2, SIO, USB). */
    static String busOf(VirtualController c) {
        if (c instanceof VirtualSCSIController) {
            return "scsi";
        }
        if (c instanceof VirtualIDEController) {
            return "ide";
        }
        if (c instanceof VirtualAHCIController || c instanceof VirtualSATAController) {
            return "sata";
        }
        return null;
    }

    /** The slot a device occupies, or empty when it is not on a disk bus. */
    public Optional<DiskTargets.Slot> slot(VirtualDevice d) {
        if (d instanceof VirtualFloppy) {
            return Optional.of(new DiskTargets.Slot("fdc", 0, d.getUnitNumber() == null ? 0 : d.getUnitNumber()));
        }
        if (d.getControllerKey() == null || d.getUnitNumber() == null) {
            return Optional.empty();
        }
        VirtualDevice c = byKey.get(d.getControllerKey());
        if (!(c instanceof VirtualController controller) || busOf(controller) == null) {
            return Optional.empty();
        }
        return Optional.of(new DiskTargets.Slot(busOf(controller), controller.getBusNumber(), d.getUnitNumber()));
    }

    /** The disks, CD-ROMs and floppies in device order. */
    public List<Disk> disks() {
        List<Disk> out = new ArrayList<>();
        for (VirtualDevice d : devices) {
            if (!(d instanceof VirtualDisk || d instanceof VirtualCdrom || d instanceof VirtualFloppy)) {
                continue;
            }
            Optional<DiskTargets.Slot> slot = slot(d);
            if (slot.isEmpty()) {
                continue;
            }
            String kind = d instanceof VirtualDisk ? "disk" : d instanceof VirtualCdrom ? "cdrom" : "floppy";
            VirtualDeviceBackingInfo backing = d.getBacking();
            String type;
            String source;
            if (backing instanceof VirtualDeviceFileBackingInfo file) {
                type = "file";
                source = file.getFileName();
            } else if (backing instanceof VirtualDeviceDeviceBackingInfo dev) {
                type = "block";
                source = dev.getDeviceName();
            } else {
                type = "file";
                source = null;
            }
            if (source != null && source.isEmpty()) {
                source = null;
            }
            DiskTargets.Slot s = slot.get();
            out.add(new Disk(d, new DiskDef(type, kind, null, null, source, null, DiskTargets.name(s), s.bus(), null,
                    false, false)));
        }
        return out;
    }

    /** The network cards in device order. */
    public List<Nic> nics() {
        List<Nic> out = new ArrayList<>();
        for (VirtualDevice d : devices) {
            if (!(d instanceof VirtualEthernetCard card)) {
                continue;
            }
            String network = null;
            MacAddress mac = MacAddress.tryParse(card.getMacAddress());
            if (card.getBacking() instanceof VirtualDeviceDeviceBackingInfo b) {
                network = b.getDeviceName();
            } else if (card.getBacking() instanceof VirtualEthernetCardDistributedVirtualPortBackingInfo dvs) {
                // as libvirt's VMX reader: a distributed-switch port is <interface type='vds'>, no bridge
                String portgroup = dvs.getPort() == null ? null : dvs.getPort().getPortgroupKey();
                out.add(new Nic(card, new InterfaceDef("vds", mac, null, null, null, null, null, portgroup, null, null,
                        model(card))));
                continue;
            } else if (card.getBacking() instanceof VirtualEthernetCardOpaqueNetworkBackingInfo) {
                // an NSX segment: VMware writes ethernetN.opaqueNetwork.* and no networkName, which libvirt's
                // VMX reader makes an <interface type='null'> (no source), as dumpxml shows it
                out.add(new Nic(card, new InterfaceDef("null", mac, null, null, null, null, null, null, null, null,
                        model(card))));
                continue;
            }
            out.add(new Nic(card, new InterfaceDef("bridge", mac, null, null, network, null, null, null, null, null,
                    model(card))));
        }
        return out;
    }

    /** libvirt's model name of a card (as its VMX reader gives {@code ethernetN.virtualDev}). */
    static String model(VirtualEthernetCard card) {
        if (card instanceof VirtualVmxnet3) {
            return "vmxnet3";
        }
        if (card instanceof VirtualVmxnet2) {
            return "vmxnet2";
        }
        if (card instanceof VirtualE1000E) {
            return "e1000e";
        }
        if (card instanceof VirtualE1000) {
            return "e1000";
        }
        if (card instanceof VirtualPCNet32) {
            return "vlance";
        }
        return "vmxnet";
    }
}
