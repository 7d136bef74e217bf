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
 * video for graphics without video, drive addresses derived from target names (wide SCSI),
 * implicit disk controllers, serial/parallel port numbers, disks ordered per bus by target index;
 * and the rules of libvirt's generic domain post-parse that change what is written: video RAM 0 or
 * absent is the vmvga default (4096 KiB) and every video RAM is rounded up to a power of two,
 * {@code <memory>} 0 is an error, {@code <currentMemory>} 0 or above {@code <memory>} is
 * {@code <memory>}, duplicate controllers
 * are an error, ISA serial ports without a number get the lowest free one (at most 4 ports).
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
        if (def.memoryKiB() <= 0) {
            throw new io.jvirt.spi.error.HypervisorException(io.jvirt.spi.error.ErrorCode.XML_ERROR, io.jvirt.spi.error.ErrorDomain.NONE,
                    "Memory size must be specified via <memory> or in the <numa> configuration");
        }
        long current = def.currentMemoryKiB();
        if (current == 0 || current > def.memoryKiB()) {
            b.currentMemoryKiB(def.memoryKiB());
        }
        rejectDuplicateControllers(def.devices().controllers());
        List<InterfaceDef> nics = new ArrayList<>();
        for (InterfaceDef nic : def.devices().interfaces()) {
            nics.add(nic.mac() != null ? nic : nic.withMac(new MacAddress(0x000c29_000000L | RANDOM.nextInt(1 << 24))));
        }
        List<VideoDef> videos = new ArrayList<>();
        for (VideoDef v : def.devices().videos()) {
            String model = v.model() == null ? "vmvga" : v.model();
            long vram = v.vramKiB() <= 0 && model.equals("vmvga") ? DEFAULT_VRAM_KIB : v.vramKiB();
            videos.add(new VideoDef(model, vram < 0 ? vram : roundUpPowerOfTwo(vram), v.heads(), v.primary()));
        }
        if (videos.isEmpty() && !def.devices().graphics().isEmpty()) {
            videos.add(new VideoDef("vmvga", DEFAULT_VRAM_KIB, 1, true));
        }
        List<DiskDef> disks = sortDisks(withAddresses(def.devices().disks()));
        b.devices(new io.jvirt.spi.xml.Devices(disks, VmxToDomain.implicitControllers(disks,
                def.devices().controllers()), def.devices().filesystems(), nics, def.devices().inputs(),
                def.devices().graphics(), videos, numbered(isaSerialPorts(def.devices().serials())),
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

    /**
     * libvirt's port numbering of serial and parallel devices without one: each gets the highest
     * port of its kind so far (in the whole list, later explicit ports included) plus one.
     */
    private static List<ChardevDef> numbered(List<ChardevDef> devs) {
        List<ChardevDef> out = new ArrayList<>(devs);
        for (int i = 0; i < out.size(); i++) {
            ChardevDef c = out.get(i);
            if (c.targetPort() < 0) {
                int max = -1;
                for (ChardevDef o : out) {
                    max = Math.max(max, o.targetPort());
                }
                out.set(i, withPort(c, max + 1));
            }
        }
        return out;
    }

    private static ChardevDef withPort(ChardevDef c, int port) {
        return new ChardevDef(c.type(), c.path(), c.mode(), c.host(), c.service(), c.protocol(), c.targetType(), port);
    }

    /** libvirt allows this many ISA serial ports. */
    static final int MAX_ISA_SERIAL_PORTS = 4;

    /** libvirt's ISA serial rule: at most 4, distinct ports, missing ports get the lowest free one. */
    private static List<ChardevDef> isaSerialPorts(List<ChardevDef> serials) {
        boolean[] used = new boolean[MAX_ISA_SERIAL_PORTS];
        int count = 0;
        for (ChardevDef c : serials) {
            if (!"isa-serial".equals(c.targetType())) {
                continue;
            }
            if (count++ >= MAX_ISA_SERIAL_PORTS || c.targetPort() >= MAX_ISA_SERIAL_PORTS) {
                throw new io.jvirt.spi.error.HypervisorException(io.jvirt.spi.error.ErrorCode.INTERNAL_ERROR,
                        io.jvirt.spi.error.ErrorDomain.NONE, String.format(
                                "Maximum supported number of ISA serial ports is '%d'", MAX_ISA_SERIAL_PORTS));
            }
            if (c.targetPort() >= 0) {
                if (used[c.targetPort()]) {
                    throw new io.jvirt.spi.error.HypervisorException(io.jvirt.spi.error.ErrorCode.INTERNAL_ERROR,
                            io.jvirt.spi.error.ErrorDomain.NONE, String.format("target port '%d' already allocated",
                                    c.targetPort()));
                }
                used[c.targetPort()] = true;
            }
        }
        List<ChardevDef> out = new ArrayList<>();
        for (ChardevDef c : serials) {
            if ("isa-serial".equals(c.targetType()) && c.targetPort() < 0) {
                int port = 0;
                while (used[port]) {
                    port++;
                }
                used[port] = true;
                c = withPort(c, port);
            }
            out.add(c);
        }
        return out;
    }

    /** libvirt's post-parse check: one controller per type and index. */
    private static void rejectDuplicateControllers(List<io.jvirt.spi.xml.ControllerDef> controllers) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (var c : controllers) {
            if (!c.type().equals("usb") && !seen.add(c.type() + "\u0000" + c.index())) {
                throw new io.jvirt.spi.error.HypervisorException(io.jvirt.spi.error.ErrorCode.XML_ERROR,
                        io.jvirt.spi.error.ErrorDomain.NONE, String.format("Multiple '%s' controllers with index '%d'",
                                c.type(), c.index()));
            }
        }
    }

    /**
     * libvirt's {@code VIR_ROUND_UP_POWER_OF_TWO} as its video post-parse applies it to
     * {@code vram} (an unsigned int of KiB): the next power of two, 0 for 0 or above 2^31.
     */
    static long roundUpPowerOfTwo(long kib) {
        if (kib <= 0 || kib > (1L << 31)) {
            return 0;
        }
        return kib == 1 ? 1 : Long.highestOneBit(kib - 1) << 1;
    }

}
