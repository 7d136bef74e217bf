package io.jvirt.esx.events;

import io.jvirt.vmx.convert.DiskNames;
import io.jvirt.vim25.ArrayOfVirtualDevice;
import io.jvirt.vim25.VirtualAHCIController;
import io.jvirt.vim25.VirtualCdrom;
import io.jvirt.vim25.VirtualController;
import io.jvirt.vim25.VirtualDevice;
import io.jvirt.vim25.VirtualDisk;
import io.jvirt.vim25.VirtualEthernetCard;
import io.jvirt.vim25.VirtualFloppy;
import io.jvirt.vim25.VirtualIDEController;
import io.jvirt.vim25.VirtualSCSIController;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names device-added / device-removed events carry for a VM's {@code config.hardware.device}.
 * libvirt's ESX domain XML has no device aliases, so the names are those a user gives
 * {@code detach-disk} and {@code detach-interface}: a disk, CD-ROM or floppy by its target as the
 * ESX driver names it from the VMX ({@code sda} for {@code scsi0:0}, skipping unit 7;
 * {@code hdc} for {@code ide1:0}; {@code fda}), a NIC by its MAC address. Controllers, video
 * cards and the like are not reported (the domain XML has no element for them). The watcher keeps
 * only these names per VM, not the device objects.
 */
final class DeviceAliases {
    private DeviceAliases() {
    }

    /** The names, in device-key order; an unreadable value gives an empty list. */
    static List<String> of(Object value) {
        List<VirtualDevice> devices = value instanceof ArrayOfVirtualDevice a ? a.getVirtualDevice() : List.of();
        Map<Integer, VirtualController> controllers = new HashMap<>();
        for (VirtualDevice d : devices) {
            if (d instanceof VirtualController c) {
                controllers.put(c.getKey(), c);
            }
        }
        List<VirtualDevice> sorted = new ArrayList<>(devices);
        sorted.sort(java.util.Comparator.comparingInt(VirtualDevice::getKey));
        List<String> out = new ArrayList<>();
        for (VirtualDevice d : sorted) {
            String name = name(d, controllers);
            if (name != null) {
                out.add(name);
            }
        }
        return List.copyOf(out);
    }

    private static String name(VirtualDevice d, Map<Integer, VirtualController> controllers) {
        if (d instanceof VirtualEthernetCard n) {
            return n.getMacAddress() == null ? null : n.getMacAddress().toLowerCase(Locale.ROOT);
        }
        if (d instanceof VirtualFloppy f) {
            return f.getUnitNumber() == null ? null : DiskNames.target("fdc", 0, f.getUnitNumber());
        }
        if (!(d instanceof VirtualDisk) && !(d instanceof VirtualCdrom)) {
            return null;
        }
        VirtualController c = d.getControllerKey() == null ? null : controllers.get(d.getControllerKey());
        Integer unit = d.getUnitNumber();
        if (c == null || unit == null) {
            return null;
        }
        int bus = c.getBusNumber();
        if (c instanceof VirtualSCSIController) {
            return DiskNames.target("scsi", bus, unit);
        }
        if (c instanceof VirtualIDEController) {
            return DiskNames.target("ide", bus, unit);
        }
        if (c instanceof VirtualAHCIController) {
            return DiskNames.target("sata", bus, unit);
        }
        return null;
    }
}
