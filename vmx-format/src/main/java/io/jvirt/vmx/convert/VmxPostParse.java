package io.jvirt.vmx.convert;

import io.jvirt.spi.xml.ChardevDef;
import io.jvirt.spi.xml.DiskDef;
import io.jvirt.spi.xml.DomainDef;
import io.jvirt.spi.xml.InterfaceDef;
import io.jvirt.spi.xml.MacAddress;
import io.jvirt.spi.xml.VideoDef;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The defaults libvirt applies to a domain XML parsed for the VMware drivers before it is written
 * as VMX: default arch i686, a random UUID and random {@code 00:0c:29} MACs where missing, vmvga
 * video (4 MiB) for graphics without video, drive addresses derived from target names (wide SCSI),
 * implicit disk controllers, serial/parallel port numbers, disks ordered per bus by target index.
 */
final class VmxPostParse {
    private static final SecureRandom RANDOM = new SecureRandom();
    static final long DEFAULT_VRAM_KIB = 4096;

    private VmxPostParse() {
    }

    static DomainDef apply(DomainDef def) {
        DomainDef.Builder b = def.toBuilder();
        if (def.os().arch() == null) {
            b.os(def.os().withArch("i686"));
        }
        if (def.uuid() == null) {
            b.uuid(UUID.randomUUID());
        }
        List<InterfaceDef> nics = new ArrayList<>();
        for (InterfaceDef nic : def.devices().interfaces()) {
            nics.add(nic.mac() != null ? nic : nic.withMac(new MacAddress(0x000c29_000000L | RANDOM.nextInt(1 << 24))));
        }
        List<VideoDef> videos = new ArrayList<>();
        for (VideoDef v : def.devices().videos()) {
            String model = v.model() == null ? "vmvga" : v.model();
            long vram = v.vramKiB() < 0 && model.equals("vmvga") ? DEFAULT_VRAM_KIB : v.vramKiB();
            videos.add(new VideoDef(model, vram, v.heads(), v.primary()));
        }
        if (videos.isEmpty() && !def.devices().graphics().isEmpty()) {
            videos.add(new VideoDef("vmvga", DEFAULT_VRAM_KIB, 1, true));
        }
        List<DiskDef> disks = sortDisks(withAddresses(def.devices().disks()));
        b.devices(new io.jvirt.spi.xml.Devices(disks, VmxToDomain.implicitControllers(disks,
                def.devices().controllers()), def.devices().filesystems(), nics, def.devices().inputs(),
                def.devices().graphics(), videos, numbered(def.devices().serials()),
                numbered(def.devices().parallels()), def.devices().consoles()));
        return b.build();
    }

    private static List<DiskDef> withAddresses(List<DiskDef> disks) {
        List<DiskDef> out = new ArrayList<>();
        for (DiskDef d : disks) {
            if (d.address() == null) {
                var a = assignedAddress(d);
                out.add(a == null ? d : d.withAddress(a));
            } else {
                out.add(d);
            }
        }
        return out;
    }

    /** The address libvirt derives from the target name, or null when it cannot. */
    static io.jvirt.spi.xml.DriveAddress assignedAddress(DiskDef d) {
        switch (d.targetBus()) {
            case "scsi": {
                int idx = DiskNames.index(d.targetDev(), "sd");
                return idx < 0 ? null : DiskNames.scsiAddress(idx, 16);
            }
            case "ide": {
                int idx = DiskNames.index(d.targetDev(), "hd");
                return idx < 0 ? null : DiskNames.ideAddress(idx);
            }
            case "fdc": {
                int idx = DiskNames.index(d.targetDev(), "fd");
                return idx < 0 ? null : DiskNames.fdcAddress(idx);
            }
            case "sata": {
                int idx = DiskNames.index(d.targetDev(), "sd");
                return idx < 0 ? null : DiskNames.sataAddress(idx);
            }
            default:
                return null;
        }
    }

    /** libvirt's insertion: grouped by bus, ascending target index within a bus. */
    private static List<DiskDef> sortDisks(List<DiskDef> disks) {
        List<DiskDef> out = new ArrayList<>();
        for (DiskDef disk : disks) {
            int insertAt = -1;
            int newIndex = diskIndex(disk);
            for (int i = out.size() - 1; i >= 0; i--) {
                DiskDef other = out.get(i);
                if (other.targetBus().equals(disk.targetBus()) && diskIndex(other) > newIndex) {
                    insertAt = i;
                } else if (other.targetBus().equals(disk.targetBus()) && insertAt == -1) {
                    insertAt = i + 1;
                }
            }
            out.add(insertAt < 0 ? out.size() : insertAt, disk);
        }
        return out;
    }

    private static int diskIndex(DiskDef d) {
        return DiskNames.anyIndex(d.targetDev());
    }

    private static List<ChardevDef> numbered(List<ChardevDef> devs) {
        List<ChardevDef> out = new ArrayList<>();
        int next = 0;
        for (ChardevDef c : devs) {
            int port = c.targetPort();
            if (port < 0) {
                port = next;
            }
            next = Math.max(next, port + 1);
            out.add(new ChardevDef(c.type(), c.path(), c.mode(), c.host(), c.service(), c.protocol(), c.targetType(),
                    port));
        }
        return out;
    }

}
