package io.jvirt.vmx.convert;

import io.jvirt.spi.xml.ChardevDef;
import io.jvirt.spi.xml.CpuDef;
import io.jvirt.spi.xml.CpuTopology;
import io.jvirt.spi.xml.DiskDef;
import io.jvirt.spi.xml.DomainDef;
import io.jvirt.spi.xml.FilesystemDef;
import io.jvirt.spi.xml.GraphicsDef;
import io.jvirt.spi.xml.InterfaceDef;
import io.jvirt.spi.xml.Uuids;
import io.jvirt.spi.xml.VideoDef;
import io.jvirt.vmx.VmxContext;
import io.jvirt.vmx.VmxWriter;
import io.jvirt.vmx.util.VmxEscaping;

import java.util.BitSet;
import java.util.List;
import java.util.UUID;

/** Domain definition to VMX text, following libvirt 9.0's VMX writer line by line. */
public final class DomainToVmx {
    private DomainToVmx() {
    }

    public static String convert(DomainDef parsed, VmxContext ctx) {
        if (!"vmware".equals(parsed.type())) {
            throw Errors.internal("Expecting virt type to be 'vmware' but found '%s'", parsed.type());
        }
        DomainDef def = VmxPostParse.apply(parsed);
        Errors.checkCapabilities(ctx.capabilities(), def);
        int hw = ctx.virtualHwVersion();
        VmxWriter out = new VmxWriter();
        out.put(".encoding", "UTF-8");
        out.put("config.version", "8");
        out.put("virtualHW.version", hw);
        String arch = def.os().arch();
        if (arch.equals("i686")) {
            out.put("guestOS", "other");
        } else if (arch.equals("x86_64")) {
            out.put("guestOS", "other-64");
        } else {
            throw Errors.internal("Expecting domain XML attribute 'arch' of entry 'os/type' to be 'i686' or 'x86_64' "
                    + "but found '%s'", arch);
        }
        String smbios = def.os().smbiosMode();
        if ("host".equals(smbios)) {
            out.put("smbios.reflecthost", "true");
        } else if ("sysinfo".equals(smbios)) {
            throw Errors.unsupported("Unsupported SMBIOS mode '%s'", smbios);
        }
        if (def.uuid().equals(Uuids.ZERO)) {
            out.put("uuid.action", "create");
        } else {
            out.put("uuid.bios", uuidBios(def.uuid()));
        }
        out.put("displayName", VmxEscaping.percentEncode(VmxEscaping.pipeEncode(def.name())));
        if (def.description() != null) {
            // line breaks as |0a/|0d (VMware's own spelling) instead of libvirt's raw, file-breaking ones
            out.put("annotation", VmxEscaping.pipeEncode(def.description()).replace("\r", "|0d").replace("\n", "|0a"));
        }
        memory(out, def);
        cpus(out, def);
        if (def.devices().graphics().size() > 1) {
            // libvirt writes the RemoteDisplay keys twice, which VMware reads as the first one only
            throw Errors.unsupported("No support for multiple graphics devices");
        }
        for (GraphicsDef g : def.devices().graphics()) {
            vnc(out, g);
        }
        List<DiskDef> disks = def.devices().disks();
        String[] scsiModels = ScsiControllerResolver.resolve(disks, def.devices().controllers(), ctx.scsiModels());
        boolean anyScsi = false;
        for (int c = 0; c < 4; c++) {
            if (scsiModels[c] != null) {
                anyScsi = true;
                out.put("scsi" + c + ".present", "true");
                if (!scsiModels[c].isEmpty()) {
                    out.put("scsi" + c + ".virtualDev", scsiModels[c].equals("vmpvscsi") ? "pvscsi" : scsiModels[c]);
                }
            }
        }
        VmxDiskWriter diskWriter = new VmxDiskWriter(out, ctx.fileNames());
        for (DiskDef d : disks) {
            diskWriter.write(d);
        }
        for (int u = 0; u < 2; u++) {
            if (!diskWriter.floppyUsed[u]) {
                out.put("floppy" + u + ".present", "false");
            }
        }
        sharedFolders(out, def.devices().filesystems());
        List<InterfaceDef> nics = def.devices().interfaces();
        for (int i = 0; i < nics.size(); i++) {
            VmxEthernetWriter.write(out, nics.get(i), i, hw);
        }
        video(out, def.devices().videos());
        java.util.Set<Integer> ports = new java.util.HashSet<>();
        for (ChardevDef c : def.devices().serials()) {
            if (!ports.add(c.targetPort())) {
                throw Errors.internal("Serial port index %d is used twice", c.targetPort());
            }
            VmxCharDeviceWriter.serial(out, c, ctx.fileNames());
        }
        ports.clear();
        for (ChardevDef c : def.devices().parallels()) {
            if (!ports.add(c.targetPort())) {
                throw Errors.internal("Parallel port index %d is used twice", c.targetPort());
            }
            VmxCharDeviceWriter.parallel(out, c, ctx.fileNames());
        }
        if ("efi".equals(def.os().firmware())) {
            out.put("firmware", "efi");
        }
        if (hw >= 7 && anyScsi) {
            out.put("pciBridge0.present", "true");
            for (int k = 4; k <= 7; k++) {
                out.put("pciBridge" + k + ".present", "true");
                out.put("pciBridge" + k + ".virtualDev", "pcieRootPort");
                out.put("pciBridge" + k + ".functions", "8");
            }
        }
        if (hw >= 7) {
            out.put("vmci0.present", "true");
        }
        return out.toString();
    }

    /** {@code xx xx xx xx xx xx xx xx-xx xx xx xx xx xx xx xx}, lower-case. */
    static String uuidBios(UUID uuid) {
        StringBuilder sb = new StringBuilder(47);
        long[] halves = {uuid.getMostSignificantBits(), uuid.getLeastSignificantBits()};
        for (int h = 0; h < 2; h++) {
            for (int i = 0; i < 8; i++) {
                int b = (int) ((halves[h] >>> (56 - 8 * i)) & 0xFF);
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            if (h == 0) {
                sb.append('-');
            }
        }
        return sb.toString();
    }

    private static void memory(VmxWriter out, DomainDef def) {
        long max = def.memoryKiB();
        long rounded = (max / 4096 + (max % 4096 == 0 ? 0 : 1)) * 4096;
        out.put("memsize", rounded / 1024);
        long current = def.effectiveCurrentMemoryKiB();
        if (current < rounded) {
            out.put("sched.mem.max", (current + 1023) / 1024);
        }
        if (def.minGuaranteeKiB() > 0) {
            out.put("sched.mem.minsize", (def.minGuaranteeKiB() + 1023) / 1024);
        }
    }

    private static void cpus(VmxWriter out, DomainDef def) {
        int max = def.vcpus();
        if (def.effectiveVcpuCurrent() < max) {
            throw Errors.unsupported("No support for domain XML entry 'vcpu' attribute 'current'");
        }
        if (max <= 0) {
            throw Errors.internal("Expecting domain XML entry 'vcpu' to be greater than 0");
        }
        out.put("numvcpus", max);
        CpuDef cpu = def.cpu();
        if (cpu != null) {
            if (!"custom".equals(cpu.mode())) {
                throw Errors.internal("Expecting domain XML CPU mode 'custom' but found '%s'", cpu.mode());
            }
            CpuTopology t = cpu.topology() == null ? new CpuTopology(0, 0, 0, 0) : cpu.topology();
            if (t.threads() != 1) {
                throw Errors.unsupported("Only 1 thread per core is supported");
            }
            if (t.dies() != 1) {
                throw Errors.unsupported("Only 1 die per socket is supported");
            }
            long total = (long) t.sockets() * t.cores();
            if (total != max) {
                // libvirt says "sockets per core as %d", but both numbers are vCPU counts
                throw Errors.internal("Expecting domain XML CPU topology of %d vCPUs (sockets times cores) but "
                        + "found %d", max, total);
            }
            out.put("cpuid.coresPerSocket", t.cores());
        }
        if (def.cpuset() != null) {
            BitSet bits = def.cpuset().bits();
            if (bits.cardinality() < max) {
                throw Errors.internal("Expecting domain XML attribute 'cpuset' of entry 'vcpu' to contain at least %d "
                        + "CPU(s)", max);
            }
            StringBuilder sb = new StringBuilder();
            for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(i);
            }
            out.put("sched.cpu.affinity", sb.toString());
        }
        if (def.cpuShares() >= 0) {
            long vcpus = def.effectiveVcpuCurrent();
            long shares = def.cpuShares();
            String value = shares == vcpus * 500 ? "low" : shares == vcpus * 1000 ? "normal"
                    : shares == vcpus * 2000 ? "high" : Long.toString(shares);
            out.put("sched.cpu.shares", value);
        }
    }

    private static void vnc(VmxWriter out, GraphicsDef g) {
        if (!g.type().equals("vnc")) {
            throw Errors.unsupported("Unsupported graphics type '%s'", g.type());
        }
        out.put("RemoteDisplay.vnc.enabled", "true");
        if (!g.autoport()) {
            out.put("RemoteDisplay.vnc.port", g.port());
        }
        if (g.listenAddress() != null) {
            out.put("RemoteDisplay.vnc.ip", g.listenAddress());
        }
        if (g.keymap() != null) {
            out.put("RemoteDisplay.vnc.keymap", g.keymap());
        }
        if (g.passwd() != null) {
            out.putSecret("RemoteDisplay.vnc.password", g.passwd().reveal());
        }
    }

    private static void sharedFolders(VmxWriter out, List<FilesystemDef> filesystems) {
        if (filesystems.isEmpty()) {
            return;
        }
        out.put("isolation.tools.hgfs.disable", "false");
        out.put("sharedFolder.maxNum", filesystems.size());
        for (int i = 0; i < filesystems.size(); i++) {
            FilesystemDef f = filesystems.get(i);
            if (!f.type().equals("mount")) {
                throw Errors.unsupported("Only '%s' filesystem type is supported (found '%s')", "mount", f.type());
            }
            String p = "sharedFolder" + i;
            out.put(p + ".present", "true");
            out.put(p + ".enabled", "true");
            out.put(p + ".readAccess", "true");
            out.put(p + ".writeAccess", f.readonly() ? "false" : "true");
            out.put(p + ".hostPath", f.sourceDir());
            out.put(p + ".guestName", f.targetDir());
        }
    }

    private static void video(VmxWriter out, List<VideoDef> videos) {
        if (videos.isEmpty()) {
            return;
        }
        if (videos.size() > 1) {
            throw Errors.unsupported("No support for multiple video devices");
        }
        VideoDef v = videos.get(0);
        if (!"vmvga".equals(v.model())) {
            throw Errors.unsupported("Unsupported video device type '%s'", v.model());
        }
        if (v.heads() > 1) {
            throw Errors.unsupported("Multi-head video devices are unsupported");
        }
        long vram = v.vramKiB() < 0 ? VmxPostParse.DEFAULT_VRAM_KIB : v.vramKiB();
        long rounded = (vram + 63) / 64 * 64;
        out.put("svga.vramSize", rounded * 1024);
    }
}
