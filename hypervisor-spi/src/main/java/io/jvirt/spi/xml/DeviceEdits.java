package io.jvirt.spi.xml;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * libvirt's rules for finding, adding, removing and changing one device of a definition, as
 * pure functions on {@link DomainDef}: a disk is identified by its target ({@code sda}), an
 * interface by its MAC address or, without one, by being the only interface of its type.
 * Drivers that keep a definition (the test driver) apply them directly; the ESX driver uses
 * the lookups to find the device the server must change.
 */
public final class DeviceEdits {
    private DeviceEdits() {
    }

    /** The definition with {@code device} added; a target or MAC in use is {@code OPERATION_INVALID}. */
    public static DomainDef attach(DomainDef def, DeviceXml.Device device, ErrorDomain domain) {
        Devices d = def.devices();
        if (device.disk() != null) {
            DiskDef disk = device.disk();
            for (DiskDef existing : d.disks()) {
                if (existing.targetDev().equals(disk.targetDev())) {
                    throw new HypervisorException(ErrorCode.OPERATION_INVALID, domain,
                            "target " + disk.targetDev() + " already exists");
                }
            }
            List<DiskDef> disks = new ArrayList<>(d.disks());
            disks.add(disk);
            return def.toBuilder().devices(d.withDisks(disks)).build();
        }
        InterfaceDef iface = device.iface();
        if (iface.mac() != null) {
            for (InterfaceDef existing : d.interfaces()) {
                if (iface.mac().equals(existing.mac())) {
                    throw new HypervisorException(ErrorCode.OPERATION_INVALID, domain,
                            "interface with MAC address " + iface.mac() + " already exists");
                }
            }
        }
        List<InterfaceDef> interfaces = new ArrayList<>(d.interfaces());
        interfaces.add(iface);
        return def.toBuilder().devices(d.withInterfaces(interfaces)).build();
    }

    /** The definition without the device {@code device} identifies. */
    public static DomainDef detach(DomainDef def, DeviceXml.Device device, ErrorDomain domain) {
        Devices d = def.devices();
        if (device.disk() != null) {
            int i = diskIndex(d.disks(), device.disk().targetDev(), domain);
            List<DiskDef> disks = new ArrayList<>(d.disks());
            disks.remove(i);
            return def.toBuilder().devices(d.withDisks(disks)).build();
        }
        int i = interfaceIndex(d.interfaces(), device.iface(), domain);
        List<InterfaceDef> interfaces = new ArrayList<>(d.interfaces());
        interfaces.remove(i);
        return def.toBuilder().devices(d.withInterfaces(interfaces)).build();
    }

    /**
     * The definition with the device {@code device} identifies replaced by it. A disk keeps its
     * device kind and bus (only a CD-ROM's or floppy's media, or read-only flag, may change); an
     * interface keeps its model; what else differs is {@code OPERATION_UNSUPPORTED} naming it.
     */
    public static DomainDef update(DomainDef def, DeviceXml.Device device, ErrorDomain domain) {
        Devices d = def.devices();
        if (device.disk() != null) {
            DiskDef disk = device.disk();
            int i = diskIndex(d.disks(), disk.targetDev(), domain);
            DiskDef old = d.disks().get(i);
            if (!old.device().equals(disk.device()) || !Objects.equals(old.targetBus(), disk.targetBus())) {
                throw unsupported(domain, "cannot change the device type or bus of disk " + disk.targetDev()
                        + " (" + old.device() + "/" + old.targetBus() + " to " + disk.device() + "/" + disk.targetBus() + ")");
            }
            if (old.device().equals("disk") && !Objects.equals(old.source(), disk.source())) {
                throw unsupported(domain, "cannot change the source of hard disk " + disk.targetDev()
                        + ": only CD-ROM and floppy media can be changed");
            }
            List<DiskDef> disks = new ArrayList<>(d.disks());
            disks.set(i, disk.address() == null ? disk.withAddress(old.address()) : disk);
            return def.toBuilder().devices(d.withDisks(disks)).build();
        }
        InterfaceDef iface = device.iface();
        int i = interfaceIndex(d.interfaces(), iface, domain);
        InterfaceDef old = d.interfaces().get(i);
        if (iface.model() != null && !iface.model().equals(old.model())) {
            throw unsupported(domain, "cannot change the model of interface " + old.mac() + " from "
                    + old.model() + " to " + iface.model());
        }
        List<InterfaceDef> interfaces = new ArrayList<>(d.interfaces());
        InterfaceDef merged = iface.mac() == null ? iface.withMac(old.mac()) : iface;
        if (merged.model() == null && old.model() != null) {
            merged = new InterfaceDef(merged.type(), merged.mac(), merged.macType(), merged.macCheck(),
                    merged.sourceBridge(), merged.switchId(), merged.portId(), merged.portgroupId(),
                    merged.connectionId(), merged.targetDev(), old.model());
        }
        interfaces.set(i, merged);
        return def.toBuilder().devices(d.withInterfaces(interfaces)).build();
    }

    /** The index of the disk with target {@code target}; {@code OPERATION_FAILED} when none. */
    public static int diskIndex(List<DiskDef> disks, String target, ErrorDomain domain) {
        for (int i = 0; i < disks.size(); i++) {
            if (disks.get(i).targetDev().equals(target)) {
                return i;
            }
        }
        throw new HypervisorException(ErrorCode.OPERATION_FAILED, domain, "disk " + target + " not found");
    }

    /**
     * The index of the interface {@code wanted} identifies: by MAC, else the only one of its type
     * (libvirt's {@code virDomainNetFindIdx}).
     */
    public static int interfaceIndex(List<InterfaceDef> interfaces, InterfaceDef wanted, ErrorDomain domain) {
        if (wanted.mac() != null) {
            for (int i = 0; i < interfaces.size(); i++) {
                if (wanted.mac().equals(interfaces.get(i).mac())) {
                    return i;
                }
            }
            throw new HypervisorException(ErrorCode.OPERATION_FAILED, domain,
                    "no device matching MAC address " + wanted.mac() + " found");
        }
        int found = -1;
        for (int i = 0; i < interfaces.size(); i++) {
            if (interfaces.get(i).type().equals(wanted.type())) {
                if (found >= 0) {
                    throw new HypervisorException(ErrorCode.OPERATION_FAILED, domain,
                            "multiple devices of type '" + wanted.type() + "' found; give the MAC address");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new HypervisorException(ErrorCode.OPERATION_FAILED, domain,
                    "no interface of type '" + wanted.type() + "' found");
        }
        return found;
    }

    private static HypervisorException unsupported(ErrorDomain domain, String what) {
        return new HypervisorException(ErrorCode.OPERATION_UNSUPPORTED, domain, what);
    }
}
