package io.jvirt.simulator;

import io.jvirt.vim25.Description;
import io.jvirt.vim25.ParaVirtualSCSIController;
import io.jvirt.vim25.VirtualAHCIController;
import io.jvirt.vim25.VirtualBusLogicController;
import io.jvirt.vim25.VirtualCdrom;
import io.jvirt.vim25.VirtualCdromIsoBackingInfo;
import io.jvirt.vim25.VirtualCdromRemotePassthroughBackingInfo;
import io.jvirt.vim25.VirtualController;
import io.jvirt.vim25.VirtualDevice;
import io.jvirt.vim25.VirtualDeviceBackingInfo;
import io.jvirt.vim25.VirtualDeviceConfigSpec;
import io.jvirt.vim25.VirtualDeviceConfigSpecOperation;
import io.jvirt.vim25.VirtualDeviceConnectInfo;
import io.jvirt.vim25.VirtualDeviceDeviceBackingInfo;
import io.jvirt.vim25.VirtualDeviceFileBackingInfo;
import io.jvirt.vim25.VirtualDisk;
import io.jvirt.vim25.VirtualDiskFlatVer2BackingInfo;
import io.jvirt.vim25.VirtualE1000;
import io.jvirt.vim25.VirtualE1000E;
import io.jvirt.vim25.VirtualEthernetCard;
import io.jvirt.vim25.VirtualEthernetCardNetworkBackingInfo;
import io.jvirt.vim25.VirtualFloppy;
import io.jvirt.vim25.VirtualFloppyImageBackingInfo;
import io.jvirt.vim25.VirtualFloppyRemoteDeviceBackingInfo;
import io.jvirt.vim25.VirtualIDEController;
import io.jvirt.vim25.VirtualLsiLogicController;
import io.jvirt.vim25.VirtualLsiLogicSASController;
import io.jvirt.vim25.VirtualPCIController;
import io.jvirt.vim25.VirtualPCNet32;
import io.jvirt.vim25.VirtualSATAController;
import io.jvirt.vim25.VirtualSCSIController;
import io.jvirt.vim25.VirtualSCSISharing;
import io.jvirt.vim25.VirtualSIOController;
import io.jvirt.vim25.VirtualVmxnet2;
import io.jvirt.vim25.VirtualVmxnet3;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A simulated VM's device list is derived from its {@code .vmx}, the file being the one truth as
 * on ESX: {@link #fromVmx} gives {@code config.hardware.device} (with ESX's device keys: PCI 100,
 * IDE 200/201, SIO 400, SCSI 1000+n, SATA 15000+n, disks 2000+, CD-ROMs 3000+, NICs 4000+,
 * floppies 8000+), and {@link #apply} turns the {@code deviceChange} of a ReconfigVM_Task into
 * {@code .vmx} key changes (null value: the key is removed), with ESX's checks: a taken unit, a
 * missing disk file, an unknown device key, and hot-plug of anything but SCSI/SATA hard disks and
 * network cards on a powered-on VM are faults.
 */
final class VmDevices {
    private static final int PCI = 100;
    private static final int SIO = 400;

    private VmDevices() {
    }

    /** The devices a {@code .vmx} (keys lower-cased) describes; file names as datastore paths. */
    static List<VirtualDevice> fromVmx(Map<String, String> vmx, DatastorePath vmxPath, Map<String, String> mounts) {
        List<VirtualDevice> out = new ArrayList<>();
        VirtualPCIController pci = new VirtualPCIController();
        controller(pci, PCI, 0, "PCI controller 0");
        out.add(pci);
        for (int b = 0; b < 2; b++) {
            out.add(controller(new VirtualIDEController(), 200 + b, b, "IDE " + b));
        }
        out.add(controller(new VirtualSIOController(), SIO, 0, "SIO controller 0"));
        for (int c = 0; c < 4; c++) {
            if (bool(vmx, "scsi" + c + ".present")) {
                VirtualSCSIController scsi = switch (vmx.getOrDefault("scsi" + c + ".virtualdev", "lsilogic").toLowerCase(Locale.ROOT)) {
                    case "pvscsi" -> new ParaVirtualSCSIController();
                    case "buslogic" -> new VirtualBusLogicController();
                    case "lsisas1068" -> new VirtualLsiLogicSASController();
                    default -> new VirtualLsiLogicController();
                };
                scsi.setSharedBus(VirtualSCSISharing.NO_SHARING);
                scsi.setScsiCtlrUnitNumber(7);
                out.add(controller(scsi, 1000 + c, c, "SCSI controller " + c));
            }
            if (bool(vmx, "sata" + c + ".present")) {
                out.add(controller(new VirtualAHCIController(), 15000 + c, c, "SATA controller " + c));
            }
        }
        int diskKey = 2000;
        int cdromKey = 3000;
        for (VirtualDevice d : List.copyOf(out)) {
            if (!(d instanceof VirtualController c) || d instanceof VirtualPCIController || d instanceof VirtualSIOController) {
                continue;
            }
            String prefix = prefix(c);
            int units = c instanceof VirtualIDEController ? 2 : c instanceof VirtualSCSIController ? 16 : 30;
            for (int u = 0; u < units; u++) {
                String slot = prefix + ":" + u;
                if (!bool(vmx, slot + ".present")) {
                    continue;
                }
                String type = vmx.getOrDefault(slot + ".devicetype", "").toLowerCase(Locale.ROOT);
                String file = vmx.get(slot + ".filename");
                VirtualDevice dev;
                if (type.startsWith("cdrom") || type.equals("atapi-cdrom")) {
                    VirtualCdrom cdrom = new VirtualCdrom();
                    cdrom.setKey(cdromKey++);
                    cdrom.setBacking(type.equals("cdrom-image") && file != null
                            ? iso(datastorePath(file, vmxPath, mounts)) : remoteCdrom());
                    cdrom.setDeviceInfo(description("CD/DVD drive " + (cdromKey - 3000)));
                    dev = cdrom;
                } else {
                    VirtualDisk disk = new VirtualDisk();
                    disk.setKey(diskKey++);
                    VirtualDiskFlatVer2BackingInfo backing = new VirtualDiskFlatVer2BackingInfo();
                    backing.setFileName(file == null ? "" : datastorePath(file, vmxPath, mounts));
                    backing.setDiskMode(vmx.getOrDefault(slot + ".mode", "persistent"));
                    disk.setBacking(backing);
                    disk.setCapacityInKB(16 * 1024);
                    disk.setDeviceInfo(description("Hard disk " + (diskKey - 2000)));
                    dev = disk;
                }
                dev.setControllerKey(c.getKey());
                dev.setUnitNumber(u);
                dev.setConnectable(connect(!"false".equalsIgnoreCase(vmx.getOrDefault(slot + ".startconnected", "true"))));
                c.getDevice().add(dev.getKey());
                out.add(dev);
            }
        }
        for (int n = 0; n < 10; n++) {
            String p = "ethernet" + n;
            if (!bool(vmx, p + ".present")) {
                continue;
            }
            VirtualEthernetCard card = switch (vmx.getOrDefault(p + ".virtualdev", "e1000").toLowerCase(Locale.ROOT)) {
                case "vmxnet3" -> new VirtualVmxnet3();
                case "e1000e" -> new VirtualE1000E();
                case "vmxnet", "vmxnet2" -> new VirtualVmxnet2();
                case "vlance" -> new VirtualPCNet32();
                default -> new VirtualE1000();
            };
            card.setKey(4000 + n);
            card.setControllerKey(PCI);
            card.setUnitNumber(7 + n);
            String type = vmx.getOrDefault(p + ".addresstype", "generated").toLowerCase(Locale.ROOT);
            card.setAddressType(type.equals("static") ? "manual" : type.equals("vpx") ? "assigned" : "generated");
            card.setMacAddress(type.equals("static") ? vmx.get(p + ".address") : vmx.get(p + ".generatedaddress"));
            VirtualEthernetCardNetworkBackingInfo backing = new VirtualEthernetCardNetworkBackingInfo();
            backing.setDeviceName(vmx.getOrDefault(p + ".networkname", ""));
            backing.setUseAutoDetect(false);
            card.setBacking(backing);
            card.setConnectable(connect(true));
            card.setDeviceInfo(description("Network adapter " + (n + 1)));
            pci.getDevice().add(card.getKey());
            out.add(card);
        }
        for (int n = 0; n < 2; n++) {
            String p = "floppy" + n;
            if (!bool(vmx, p + ".present")) {
                continue;
            }
            VirtualFloppy floppy = new VirtualFloppy();
            floppy.setKey(8000 + n);
            floppy.setControllerKey(SIO);
            floppy.setUnitNumber(n);
            String file = vmx.get(p + ".filename");
            floppy.setBacking("file".equalsIgnoreCase(vmx.get(p + ".filetype")) && file != null
                    ? floppyImage(datastorePath(file, vmxPath, mounts)) : remoteFloppy());
            floppy.setConnectable(connect(!"false".equalsIgnoreCase(vmx.getOrDefault(p + ".startconnected", "true"))));
            floppy.setDeviceInfo(description("Floppy drive " + (n + 1)));
            out.add(floppy);
        }
        return out;
    }

    /** Checks the simulator needs from its datastores. */
    interface Files {
        /** True when the datastore file {@code [ds] path} exists. */
        boolean exists(String datastorePath);
    }

    /**
     * The {@code .vmx} changes for a ReconfigVM_Task's {@code deviceChange}; faults as ESX gives
     * them. {@code vmx} holds the current keys (lower-cased).
     */
    static Map<String, String> apply(List<VirtualDeviceConfigSpec> changes, List<VirtualDevice> current,
                                     Map<String, String> vmx, boolean poweredOn, Files files, DatastorePath vmxPath) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<Integer, VirtualDevice> byKey = new HashMap<>();
        current.forEach(d -> byKey.put(d.getKey(), d));
        Map<Integer, String> addedControllers = new HashMap<>();
        Set<String> takenSlots = new java.util.HashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            VirtualDeviceConfigSpec change = changes.get(i);
            VirtualDevice device = change.getDevice();
            String where = "spec.deviceChange[" + i + "]";
            if (change.getOperation() == null || device == null) {
                throw VimFaults.invalidArgument(where);
            }
            switch (change.getOperation()) {
                case ADD -> {
                    if (device instanceof VirtualController c) {
                        String prefix = prefix(c);
                        if (prefix == null || bool(vmx, prefix + ".present") || addedControllers.containsValue(prefix)) {
                            throw VimFaults.invalidArgument(where + ".device.busNumber");
                        }
                        if (poweredOn && !(c instanceof VirtualSCSIController)) {
                            throw VimFaults.invalidPowerState(io.jvirt.vim25.VirtualMachinePowerState.POWERED_ON,
                                    io.jvirt.vim25.VirtualMachinePowerState.POWERED_OFF);
                        }
                        addedControllers.put(c.getKey(), prefix);
                        out.put(prefix + ".present", "TRUE");
                        if (c instanceof VirtualSCSIController) {
                            out.put(prefix + ".virtualDev", c instanceof ParaVirtualSCSIController ? "pvscsi"
                                    : c instanceof VirtualBusLogicController ? "buslogic"
                                    : c instanceof VirtualLsiLogicSASController ? "lsisas1068" : "lsilogic");
                        }
                    } else if (device instanceof VirtualEthernetCard card) {
                        int n = 0;
                        while (bool(vmx, "ethernet" + n + ".present") || out.containsKey("ethernet" + n + ".present")) {
                            n++;
                        }
                        String p = "ethernet" + n;
                        out.put(p + ".present", "TRUE");
                        out.put(p + ".virtualDev", model(card));
                        out.put(p + ".networkName", card.getBacking() instanceof VirtualDeviceDeviceBackingInfo b
                                ? b.getDeviceName() : "");
                        if ("manual".equals(card.getAddressType()) && card.getMacAddress() != null) {
                            out.put(p + ".addressType", "static");
                            out.put(p + ".address", card.getMacAddress());
                        } else {
                            out.put(p + ".addressType", "generated");
                            out.put(p + ".generatedAddress", String.format("00:0c:29:%02x:%02x:%02x",
                                    (n * 37) & 0xff, (vmx.size() * 13) & 0xff, (n + 0x40) & 0xff));
                            out.put(p + ".generatedAddressOffset", "0");
                        }
                    } else if (device instanceof VirtualFloppy floppy) {
                        if (poweredOn) {
                            throw VimFaults.invalidPowerState(io.jvirt.vim25.VirtualMachinePowerState.POWERED_ON,
                                    io.jvirt.vim25.VirtualMachinePowerState.POWERED_OFF);
                        }
                        String p = "floppy" + (floppy.getUnitNumber() == null ? 0 : floppy.getUnitNumber());
                        if (bool(vmx, p + ".present")) {
                            throw VimFaults.invalidArgument(where + ".device.unitNumber");
                        }
                        out.put(p + ".present", "TRUE");
                        media(out, p, floppy.getBacking(), files, false, vmxPath);
                    } else if (device instanceof VirtualDisk || device instanceof VirtualCdrom) {
                        Integer ck = device.getControllerKey();
                        String prefix = ck == null ? null : byKey.get(ck) instanceof VirtualController c ? prefix(c)
                                : addedControllers.get(ck);
                        if (prefix == null || device.getUnitNumber() == null) {
                            throw VimFaults.invalidArgument(where + ".device.controllerKey");
                        }
                        String slot = prefix + ":" + device.getUnitNumber();
                        if (bool(vmx, slot + ".present") || !takenSlots.add(slot)
                                || (prefix.startsWith("scsi") && device.getUnitNumber() == 7)) {
                            throw VimFaults.invalidArgument(where + ".device.unitNumber");
                        }
                        boolean hotPluggable = device instanceof VirtualDisk && !prefix.startsWith("ide");
                        if (poweredOn && !hotPluggable) {
                            throw VimFaults.invalidPowerState(io.jvirt.vim25.VirtualMachinePowerState.POWERED_ON,
                                    io.jvirt.vim25.VirtualMachinePowerState.POWERED_OFF);
                        }
                        out.put(slot + ".present", "TRUE");
                        if (device instanceof VirtualDisk) {
                            String file = device.getBacking() instanceof VirtualDeviceFileBackingInfo f ? f.getFileName() : null;
                            if (file == null || file.isEmpty()) {
                                throw VimFaults.invalidArgument(where + ".device.backing.fileName");
                            }
                            if (!files.exists(file)) {
                                throw VimFaults.fileNotFound(file);
                            }
                            out.put(slot + ".deviceType", prefix.startsWith("scsi") ? "scsi-hardDisk" : "disk");
                            out.put(slot + ".fileName", vmxFileName(file, vmxPath));
                            if (device.getBacking() instanceof VirtualDiskFlatVer2BackingInfo b && b.getDiskMode() != null
                                    && !"persistent".equals(b.getDiskMode())) {
                                out.put(slot + ".mode", b.getDiskMode());
                            }
                        } else {
                            media(out, slot, device.getBacking(), files, true, vmxPath);
                        }
                    } else {
                        throw VimFaults.notSupported("The simulator cannot add a " + device.getClass().getSimpleName() + ".");
                    }
                }
                case REMOVE -> {
                    VirtualDevice existing = byKey.get(device.getKey());
                    if (existing == null) {
                        throw VimFaults.invalidArgument(where + ".device.key");
                    }
                    String prefix = vmxPrefix(existing, byKey);
                    boolean hotPluggable = existing instanceof VirtualEthernetCard
                            || (existing instanceof VirtualDisk && !prefix.startsWith("ide"));
                    if (poweredOn && !hotPluggable) {
                        throw VimFaults.invalidPowerState(io.jvirt.vim25.VirtualMachinePowerState.POWERED_ON,
                                io.jvirt.vim25.VirtualMachinePowerState.POWERED_OFF);
                    }
                    String lower = prefix.toLowerCase(Locale.ROOT) + ".";
                    vmx.keySet().stream().filter(k -> k.startsWith(lower)).forEach(k -> out.put(k, null));
                }
                case EDIT -> {
                    VirtualDevice existing = byKey.get(device.getKey());
                    if (existing == null) {
                        throw VimFaults.invalidArgument(where + ".device.key");
                    }
                    String prefix = vmxPrefix(existing, byKey);
                    if (existing instanceof VirtualCdrom || existing instanceof VirtualFloppy) {
                        media(out, prefix, device.getBacking(), files, existing instanceof VirtualCdrom, vmxPath);
                        if (device.getConnectable() != null) {
                            out.put(prefix + ".startConnected", device.getConnectable().isStartConnected() ? "TRUE" : "FALSE");
                        }
                    } else if (existing instanceof VirtualEthernetCard) {
                        if (device.getBacking() instanceof VirtualDeviceDeviceBackingInfo b) {
                            out.put(prefix + ".networkName", b.getDeviceName());
                        }
                    } else {
                        throw VimFaults.notSupported("The simulator edits only CD-ROM, floppy and network devices.");
                    }
                }
                default -> throw VimFaults.invalidArgument(where + ".operation");
            }
        }
        return out;
    }

    private static void media(Map<String, String> out, String prefix, VirtualDeviceBackingInfo backing, Files files,
                              boolean cdrom, DatastorePath vmxPath) {
        if (backing instanceof VirtualDeviceFileBackingInfo f && f.getFileName() != null && !f.getFileName().isEmpty()) {
            if (!files.exists(f.getFileName())) {
                throw VimFaults.fileNotFound(f.getFileName());
            }
            out.put(prefix + (cdrom ? ".deviceType" : ".fileType"), cdrom ? "cdrom-image" : "file");
            out.put(prefix + ".fileName", vmxFileName(f.getFileName(), vmxPath));
        } else {
            out.put(prefix + (cdrom ? ".deviceType" : ".fileType"), cdrom ? "cdrom-raw" : "device");
            out.put(prefix + ".fileName", cdrom ? "auto detect" : "");
        }
    }

    /** ESX writes a file next to the .vmx by its name, any other by its path under the datastore's mount. */
    private static String vmxFileName(String datastorePath, DatastorePath vmxPath) {
        DatastorePath p = DatastorePath.parse(datastorePath);
        if (p.datastore().equals(vmxPath.datastore()) && p.parent().equals(vmxPath.parent())) {
            return p.fileName();
        }
        return "/vmfs/volumes/" + p.datastore() + "/" + p.path();
    }

    private static String vmxPrefix(VirtualDevice d, Map<Integer, VirtualDevice> byKey) {
        if (d instanceof VirtualEthernetCard) {
            return "ethernet" + (d.getKey() - 4000);
        }
        if (d instanceof VirtualFloppy) {
            return "floppy" + (d.getKey() - 8000);
        }
        if (d instanceof VirtualController c) {
            return prefix(c);
        }
        VirtualDevice c = byKey.get(d.getControllerKey());
        return prefix((VirtualController) c) + ":" + d.getUnitNumber();
    }

    private static String prefix(VirtualController c) {
        if (c instanceof VirtualIDEController) {
            return "ide" + c.getBusNumber();
        }
        if (c instanceof VirtualSCSIController) {
            return "scsi" + c.getBusNumber();
        }
        if (c instanceof VirtualAHCIController || c instanceof VirtualSATAController) {
            return "sata" + c.getBusNumber();
        }
        return null;
    }

    private static String model(VirtualEthernetCard card) {
        if (card instanceof VirtualVmxnet3) {
            return "vmxnet3";
        }
        if (card instanceof VirtualE1000E) {
            return "e1000e";
        }
        if (card instanceof VirtualVmxnet2) {
            return "vmxnet2";
        }
        if (card instanceof VirtualPCNet32) {
            return "vlance";
        }
        return "e1000";
    }

    /** A .vmx file name as a datastore path: relative to the .vmx, or under a datastore's mount. */
    static String datastorePath(String file, DatastorePath vmxPath, Map<String, String> mounts) {
        if (file.startsWith("[")) {
            return file;
        }
        if (file.startsWith("/vmfs/volumes/")) {
            String rest = file.substring("/vmfs/volumes/".length());
            int slash = rest.indexOf('/');
            if (slash > 0) {
                return "[" + rest.substring(0, slash) + "] " + rest.substring(slash + 1);
            }
        }
        for (Map.Entry<String, String> m : mounts.entrySet()) {
            if (file.startsWith(m.getValue() + "/")) {
                return "[" + m.getKey() + "] " + file.substring(m.getValue().length() + 1);
            }
        }
        if (file.startsWith("/")) {
            return file;
        }
        String dir = vmxPath.parent();
        return "[" + vmxPath.datastore() + "] " + (dir.isEmpty() ? file : dir + "/" + file);
    }

    private static VirtualController controller(VirtualController c, int key, int bus, String label) {
        c.setKey(key);
        c.setBusNumber(bus);
        c.setDeviceInfo(description(label));
        return c;
    }

    private static boolean bool(Map<String, String> vmx, String key) {
        return "true".equalsIgnoreCase(vmx.get(key.toLowerCase(Locale.ROOT)));
    }

    private static VirtualCdromIsoBackingInfo iso(String file) {
        VirtualCdromIsoBackingInfo b = new VirtualCdromIsoBackingInfo();
        b.setFileName(file);
        return b;
    }

    private static VirtualCdromRemotePassthroughBackingInfo remoteCdrom() {
        VirtualCdromRemotePassthroughBackingInfo b = new VirtualCdromRemotePassthroughBackingInfo();
        b.setDeviceName("");
        b.setUseAutoDetect(false);
        b.setExclusive(false);
        return b;
    }

    private static VirtualFloppyImageBackingInfo floppyImage(String file) {
        VirtualFloppyImageBackingInfo b = new VirtualFloppyImageBackingInfo();
        b.setFileName(file);
        return b;
    }

    private static VirtualFloppyRemoteDeviceBackingInfo remoteFloppy() {
        VirtualFloppyRemoteDeviceBackingInfo b = new VirtualFloppyRemoteDeviceBackingInfo();
        b.setDeviceName("");
        b.setUseAutoDetect(false);
        return b;
    }

    private static VirtualDeviceConnectInfo connect(boolean connected) {
        VirtualDeviceConnectInfo c = new VirtualDeviceConnectInfo();
        c.setStartConnected(connected);
        c.setAllowGuestControl(true);
        c.setConnected(connected);
        c.setStatus("ok");
        return c;
    }

    private static Description description(String label) {
        Description d = new Description();
        d.setLabel(label);
        d.setSummary(label);
        return d;
    }


    /**
     * A VMXNET3 NIC {@code ethernet<index>} (device key 4000 + index, as ESX numbers them), as
     * another client's reconfiguration adds it ({@link VsphereSimulator#attachNic}).
     */
    static VirtualEthernetCard nic(int key, int index, String mac, String networkName) {
        VirtualVmxnet3 nic = new VirtualVmxnet3();
        nic.setKey(key);
        nic.setDeviceInfo(description("Network adapter " + (index + 1)));
        VirtualEthernetCardNetworkBackingInfo backing = new VirtualEthernetCardNetworkBackingInfo();
        backing.setDeviceName(networkName);
        nic.setBacking(backing);
        nic.setControllerKey(100);
        nic.setUnitNumber(7 + index);
        nic.setAddressType("generated");
        nic.setMacAddress(mac);
        nic.setWakeOnLanEnabled(true);
        return nic;
    }
}
