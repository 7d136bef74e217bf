package io.jvirt.esx.domain.devices;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.xml.DiskDef;
import io.jvirt.spi.xml.InterfaceDef;
import io.jvirt.vim25.Description;
import io.jvirt.vim25.VirtualAHCIController;
import io.jvirt.vim25.VirtualCdrom;
import io.jvirt.vim25.VirtualCdromIsoBackingInfo;
import io.jvirt.vim25.VirtualCdromRemotePassthroughBackingInfo;
import io.jvirt.vim25.VirtualController;
import io.jvirt.vim25.VirtualDevice;
import io.jvirt.vim25.VirtualDeviceConfigSpec;
import io.jvirt.vim25.VirtualDeviceConfigSpecOperation;
import io.jvirt.vim25.VirtualDeviceConnectInfo;
import io.jvirt.vim25.VirtualDisk;
import io.jvirt.vim25.VirtualDiskFlatVer2BackingInfo;
import io.jvirt.vim25.VirtualE1000;
import io.jvirt.vim25.VirtualE1000E;
import io.jvirt.vim25.VirtualEthernetCard;
import io.jvirt.vim25.VirtualEthernetCardNetworkBackingInfo;
import io.jvirt.vim25.VirtualFloppy;
import io.jvirt.vim25.VirtualFloppyImageBackingInfo;
import io.jvirt.vim25.VirtualFloppyRemoteDeviceBackingInfo;
import io.jvirt.vim25.VirtualLsiLogicController;
import io.jvirt.vim25.VirtualPCNet32;
import io.jvirt.vim25.VirtualSCSISharing;
import io.jvirt.vim25.VirtualSIOController;
import io.jvirt.vim25.VirtualVmxnet2;
import io.jvirt.vim25.VirtualVmxnet3;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns libvirt device changes into the {@code deviceChange} entries of one
 * {@code VirtualMachineConfigSpec}, against the VM's device list as the server has it, and
 * enforces vSphere's hot-plug rules when the VM is powered on:
 * <ul>
 *   <li>hard disks on SCSI and SATA may be added and removed while the VM runs; IDE disks,
 *       CD-ROM and floppy drives only while it is powered off;</li>
 *   <li>network cards may be added, removed and reconnected while it runs;</li>
 *   <li>the media of a CD-ROM or floppy may be changed while it runs;</li>
 *   <li>a suspended VM's devices cannot change.</li>
 * </ul>
 * Disks attach existing files (libvirt's semantics: no {@code fileOperation}); a missing file is
 * the server's {@code FileNotFound}. Removing a disk never deletes its file. A SCSI or SATA
 * controller the target needs and the VM lacks is added in the same spec.
 */
public final class DeviceChanges {
    private final ServerDevices current;
    private final List<VirtualDeviceConfigSpec> specs = new ArrayList<>();
    /** Controllers added in this change, by bus kind and bus number. */
    private final Map<String, VirtualController> addedControllers = new HashMap<>();
    /** Slots taken by devices added in this change. */
    private final List<String> addedSlots = new ArrayList<>();
    private int nextKey = -100;
    private final java.util.function.Supplier<java.util.Set<String>> networks;
    private java.util.Set<String> networkNames;

    /**
     * @param networks the names of the networks (port groups) the VM's host has, asked at most
     *                 once and only when a card is added or moved
     */
    public DeviceChanges(ServerDevices current, java.util.function.Supplier<java.util.Set<String>> networks) {
        this.current = current;
        this.networks = networks;
    }

    private void requireNetwork(String name) {
        if (networkNames == null) {
            networkNames = networks.get();
        }
        if (!networkNames.contains(name)) {
            throw new HypervisorException(ErrorCode.NO_NETWORK, ErrorDomain.ESX, "no network (port group) named '"
                    + name + "' on the domain's host" + (networkNames.isEmpty() ? ""
                    : " (" + String.join(", ", new java.util.TreeSet<>(networkNames)) + ")"));
        }
    }

    /** The entries collected so far. */
    public List<VirtualDeviceConfigSpec> specs() {
        return specs;
    }

    public boolean isEmpty() {
        return specs.isEmpty();
    }

    private void requireNotSuspended() {
        if (current.active() && !current.poweredOn()) {
            throw new HypervisorException(ErrorCode.OPERATION_INVALID, ErrorDomain.ESX,
                    "the devices of a suspended domain cannot change; resume or power it off first");
        }
    }

    private static HypervisorException hot(String what) {
        return new HypervisorException(ErrorCode.OPERATION_INVALID, ErrorDomain.ESX, what
                + " while the domain is running: vSphere hot-plugs only hard disks on SCSI or SATA and network"
                + " interfaces; power the domain off first");
    }

    // ---- disks -------------------------------------------------------------------------------

    /** The server disk with target {@code dev}, or empty. */
    public Optional<ServerDevices.Disk> findDisk(String dev) {
        return current.disks().stream().filter(d -> d.def().targetDev().equals(dev)).findFirst();
    }

    /** Adds a hard disk, CD-ROM or floppy drive at the slot its target names. */
    public void addDisk(DiskDef disk) {
        requireNotSuspended();
        DiskTargets.Slot slot = DiskTargets.slot(disk.targetDev(), disk.targetBus());
        if (findDisk(disk.targetDev()).isPresent() || addedSlots.contains(disk.targetDev())) {
            throw new HypervisorException(ErrorCode.OPERATION_INVALID, ErrorDomain.ESX,
                    "target " + disk.targetDev() + " already exists");
        }
        boolean hardDisk = "disk".equals(disk.device());
        if (current.poweredOn() && !(hardDisk && (slot.bus().equals("scsi") || slot.bus().equals("sata")))) {
            throw hot("cannot add " + describe(disk));
        }
        if (!"file".equals(disk.type()) && !(disk.source() == null && !hardDisk)) {
            throw new HypervisorException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.ESX,
                    "disk '" + disk.targetDev() + "' of type '" + disk.type()
                            + "': ESX attaches only file-based disks (type='file') and empty CD-ROM/floppy drives");
        }
        if (hardDisk && (disk.source() == null || disk.source().isEmpty())) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                    "hard disk '" + disk.targetDev() + "' needs a source file");
        }
        VirtualDevice device;
        if ("floppy".equals(disk.device())) {
            if (!slot.bus().equals("fdc")) {
                throw new HypervisorException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.ESX,
                        "floppy '" + disk.targetDev() + "' must be on bus 'fdc'");
            }
            VirtualFloppy floppy = new VirtualFloppy();
            floppy.setBacking(floppyBacking(disk.source()));
            VirtualDevice sio = current.all().stream().filter(d -> d instanceof VirtualSIOController).findFirst()
                    .orElseThrow(() -> new HypervisorException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.ESX,
                            "the VM has no SIO controller for floppy '" + disk.targetDev() + "'"));
            floppy.setControllerKey(sio.getKey());
            device = floppy;
        } else {
            if (slot.bus().equals("fdc")) {
                throw new HypervisorException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.ESX,
                        "only floppy drives go on bus 'fdc' (" + disk.targetDev() + ")");
            }
            VirtualController controller = controller(slot, disk.targetDev());
            if ("cdrom".equals(disk.device())) {
                VirtualCdrom cdrom = new VirtualCdrom();
                cdrom.setBacking(cdromBacking(disk.source()));
                device = cdrom;
            } else {
                VirtualDisk vd = new VirtualDisk();
                VirtualDiskFlatVer2BackingInfo backing = new VirtualDiskFlatVer2BackingInfo();
                backing.setFileName(disk.source());
                backing.setDiskMode(disk.transientDisk() ? "independent_nonpersistent" : "persistent");
                vd.setBacking(backing);
                vd.setCapacityInKB(0);
                device = vd;
            }
            device.setControllerKey(controller.getKey());
        }
        device.setKey(nextKey--);
        device.setUnitNumber(slot.unit());
        device.setConnectable(connectable(disk.source() != null));
        addedSlots.add(disk.targetDev());
        specs.add(spec(VirtualDeviceConfigSpecOperation.ADD, device));
    }

    /** Removes the disk with this target (its file stays). */
    public void removeDisk(String dev) {
        requireNotSuspended();
        ServerDevices.Disk disk = findDisk(dev).orElseThrow(() -> new HypervisorException(
                ErrorCode.OPERATION_FAILED, ErrorDomain.ESX, "disk " + dev + " not found"));
        boolean hotRemovable = disk.device() instanceof VirtualDisk
                && ("scsi".equals(disk.def().targetBus()) || "sata".equals(disk.def().targetBus()));
        if (current.poweredOn() && !hotRemovable) {
            throw hot("cannot remove " + describe(disk.def()));
        }
        specs.add(spec(VirtualDeviceConfigSpecOperation.REMOVE, disk.device()));
    }

    /** Changes the media of a CD-ROM or floppy: {@code source} null ejects. */
    public void changeMedia(String dev, String source) {
        requireNotSuspended();
        ServerDevices.Disk disk = findDisk(dev).orElseThrow(() -> new HypervisorException(
                ErrorCode.OPERATION_FAILED, ErrorDomain.ESX, "disk " + dev + " not found"));
        VirtualDevice device = disk.device();
        if (device instanceof VirtualCdrom) {
            device.setBacking(cdromBacking(source));
        } else if (device instanceof VirtualFloppy) {
            device.setBacking(floppyBacking(source));
        } else {
            throw new HypervisorException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.ESX,
                    "cannot change the source of hard disk " + dev + ": only CD-ROM and floppy media can be changed");
        }
        VirtualDeviceConnectInfo c = device.getConnectable() == null ? connectable(false) : device.getConnectable();
        c.setStartConnected(source != null);
        c.setConnected(source != null && current.poweredOn());
        device.setConnectable(c);
        specs.add(spec(VirtualDeviceConfigSpecOperation.EDIT, device));
    }

    private VirtualController controller(DiskTargets.Slot slot, String dev) {
        VirtualController existing = current.controllers(slot.bus()).get(slot.controller());
        if (existing == null) {
            existing = addedControllers.get(slot.bus() + slot.controller());
        }
        if (existing != null) {
            for (VirtualDevice d : current.all()) {
                if (Objects.equals(d.getControllerKey(), existing.getKey()) && Objects.equals(d.getUnitNumber(), slot.unit())) {
                    throw new HypervisorException(ErrorCode.OPERATION_INVALID, ErrorDomain.ESX, "target " + dev
                            + " already exists (unit " + slot.unit() + " of " + slot.bus() + slot.controller() + " is taken)");
                }
            }
            return existing;
        }
        VirtualController created;
        switch (slot.bus()) {
            case "scsi" -> {
                VirtualLsiLogicController scsi = new VirtualLsiLogicController();
                scsi.setSharedBus(VirtualSCSISharing.NO_SHARING);
                created = scsi;
            }
            case "sata" -> created = new VirtualAHCIController();
            default -> throw new HypervisorException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.ESX,
                    "the VM has no " + slot.bus() + slot.controller() + " controller for disk '" + dev + "'");
        }
        if (current.poweredOn() && !slot.bus().equals("scsi")) {
            throw hot("cannot add controller " + slot.bus() + slot.controller());
        }
        created.setKey(nextKey--);
        created.setBusNumber(slot.controller());
        created.setDeviceInfo(description(slot.bus().toUpperCase(java.util.Locale.ROOT) + " controller " + slot.controller()));
        addedControllers.put(slot.bus() + slot.controller(), created);
        specs.add(spec(VirtualDeviceConfigSpecOperation.ADD, created));
        return created;
    }

    private static io.jvirt.vim25.VirtualDeviceBackingInfo cdromBacking(String source) {
        if (source == null) {
            VirtualCdromRemotePassthroughBackingInfo empty = new VirtualCdromRemotePassthroughBackingInfo();
            empty.setDeviceName("");
            empty.setUseAutoDetect(false);
            empty.setExclusive(false);
            return empty;
        }
        VirtualCdromIsoBackingInfo iso = new VirtualCdromIsoBackingInfo();
        iso.setFileName(source);
        return iso;
    }

    private static io.jvirt.vim25.VirtualDeviceBackingInfo floppyBacking(String source) {
        if (source == null) {
            VirtualFloppyRemoteDeviceBackingInfo empty = new VirtualFloppyRemoteDeviceBackingInfo();
            empty.setDeviceName("");
            empty.setUseAutoDetect(false);
            return empty;
        }
        VirtualFloppyImageBackingInfo image = new VirtualFloppyImageBackingInfo();
        image.setFileName(source);
        return image;
    }

    private static String describe(DiskDef disk) {
        String kind = switch (disk.device()) {
            case "cdrom" -> "CD-ROM";
            case "floppy" -> "floppy";
            default -> "disk";
        };
        return kind + " " + disk.targetDev() + " (bus " + disk.targetBus() + ")";
    }

    // ---- network interfaces --------------------------------------------------------------------

    /** The server card {@code wanted} identifies (by MAC, else the only card), libvirt's rules. */
    public ServerDevices.Nic findNic(InterfaceDef wanted) {
        List<ServerDevices.Nic> nics = current.nics();
        int i = io.jvirt.spi.xml.DeviceEdits.interfaceIndex(nics.stream().map(n -> n.def().withMac(n.def().mac()))
                .map(d -> wanted.mac() == null ? retype(d, wanted.type()) : d).toList(), wanted, ErrorDomain.ESX);
        return nics.get(i);
    }

    /** ESX cards are all of type bridge (a port group); without a MAC any type names them. */
    private static InterfaceDef retype(InterfaceDef d, String type) {
        return new InterfaceDef(type, d.mac(), d.macType(), d.macCheck(), d.sourceBridge(), d.switchId(), d.portId(),
                d.portgroupId(), d.connectionId(), d.targetDev(), d.model());
    }

    /** Adds a network card on the port group the interface's source names. */
    public void addNic(InterfaceDef iface) {
        requireNotSuspended();
        if (iface.sourceBridge() == null || iface.sourceBridge().isEmpty()) {
            throw new HypervisorException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.ESX,
                    "interface of type '" + iface.type() + "' needs a source port group (bridge or network) on ESX");
        }
        if (iface.mac() != null) {
            for (ServerDevices.Nic n : current.nics()) {
                if (iface.mac().equals(n.def().mac())) {
                    throw new HypervisorException(ErrorCode.OPERATION_INVALID, ErrorDomain.ESX,
                            "interface with MAC address " + iface.mac() + " already exists");
                }
            }
        }
        requireNetwork(iface.sourceBridge());
        VirtualEthernetCard card = card(iface.model());
        card.setKey(nextKey--);
        card.setBacking(network(iface.sourceBridge()));
        if (iface.mac() != null) {
            card.setAddressType("manual");
            card.setMacAddress(iface.mac().toString());
        } else {
            card.setAddressType("generated");
        }
        card.setConnectable(connectable(true));
        specs.add(spec(VirtualDeviceConfigSpecOperation.ADD, card));
    }

    /** Removes the card {@code iface} identifies. */
    public void removeNic(InterfaceDef iface) {
        requireNotSuspended();
        specs.add(spec(VirtualDeviceConfigSpecOperation.REMOVE, findNic(iface).device()));
    }

    /** Moves the card {@code iface} identifies to the port group its source names. */
    public void updateNic(InterfaceDef iface) {
        requireNotSuspended();
        ServerDevices.Nic nic = findNic(iface);
        if (iface.model() != null && !iface.model().equals(nic.def().model())) {
            throw new HypervisorException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.ESX,
                    "cannot change the model of interface " + nic.def().mac() + " from " + nic.def().model() + " to "
                            + iface.model() + ": detach it and attach a new one");
        }
        if (iface.sourceBridge() == null || Objects.equals(iface.sourceBridge(), nic.def().sourceBridge())) {
            return;
        }
        requireNetwork(iface.sourceBridge());
        VirtualEthernetCard card = nic.device();
        card.setBacking(network(iface.sourceBridge()));
        specs.add(spec(VirtualDeviceConfigSpecOperation.EDIT, card));
    }

    private static VirtualEthernetCard card(String model) {
        String m = model == null ? "e1000" : model;
        return switch (m) {
            case "e1000" -> new VirtualE1000();
            case "e1000e" -> new VirtualE1000E();
            case "vmxnet3" -> new VirtualVmxnet3();
            case "vmxnet2" -> new VirtualVmxnet2();
            case "vlance" -> new VirtualPCNet32();
            default -> throw new HypervisorException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.ESX,
                    "interface model '" + m + "' is not supported by ESX (e1000, e1000e, vmxnet2, vmxnet3, vlance)");
        };
    }

    private static VirtualEthernetCardNetworkBackingInfo network(String name) {
        VirtualEthernetCardNetworkBackingInfo b = new VirtualEthernetCardNetworkBackingInfo();
        b.setDeviceName(name);
        b.setUseAutoDetect(false);
        return b;
    }

    // ---- common --------------------------------------------------------------------------------

    private VirtualDeviceConnectInfo connectable(boolean connected) {
        VirtualDeviceConnectInfo c = new VirtualDeviceConnectInfo();
        c.setStartConnected(connected);
        c.setAllowGuestControl(true);
        c.setConnected(connected && current.poweredOn());
        return c;
    }

    private static Description description(String label) {
        Description d = new Description();
        d.setLabel(label);
        d.setSummary(label);
        return d;
    }

    private static VirtualDeviceConfigSpec spec(VirtualDeviceConfigSpecOperation op, VirtualDevice device) {
        VirtualDeviceConfigSpec s = new VirtualDeviceConfigSpec();
        s.setOperation(op);
        s.setDevice(device);
        return s;
    }
}
