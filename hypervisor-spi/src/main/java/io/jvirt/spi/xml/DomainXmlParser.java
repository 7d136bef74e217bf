package io.jvirt.spi.xml;

import static io.jvirt.spi.xml.XmlValues.enumAttr;
import static io.jvirt.spi.xml.XmlValues.enumText;
import static io.jvirt.spi.xml.XmlValues.error;
import static io.jvirt.spi.xml.XmlValues.intAttr;
import static io.jvirt.spi.xml.XmlValues.longAttr;
import static io.jvirt.spi.xml.XmlValues.missing;
import static io.jvirt.spi.xml.XmlValues.parseLong;
import static io.jvirt.spi.xml.XmlValues.required;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Turns a parsed {@code <domain>} element into a {@link DomainDef}. Unknown elements are ignored. */
final class DomainXmlParser {
    static final String VMWARE_NS = "http://libvirt.org/schemas/domain/vmware/1.0";

    private static final Set<String> VIRT_TYPES = Set.of("vmware", "qemu", "kqemu", "kvm", "xen", "lxc", "uml",
            "openvz", "test", "vbox", "phyp", "parallels", "bhyve", "vz", "hyperv", "none");
    private static final Set<String> LIFECYCLE = Set.of("destroy", "restart", "preserve", "rename-restart",
            "coredump-destroy", "coredump-restart");
    private static final Set<String> DISK_TYPES = Set.of("file", "block", "dir", "network", "volume", "nvme",
            "vhostuser");
    private static final Set<String> DISK_DEVICES = Set.of("disk", "cdrom", "floppy", "lun");
    private static final Set<String> DISK_BUSES = Set.of("ide", "fdc", "scsi", "virtio", "xen", "usb", "uml",
            "sata", "sd");
    private static final Set<String> CACHE_MODES = Set.of("default", "none", "writethrough", "writeback",
            "directsync", "unsafe");
    private static final Set<String> CONTROLLER_TYPES = Set.of("ide", "fdc", "scsi", "sata", "virtio-serial",
            "ccid", "usb", "pci", "xenbus", "isa");
    private static final Set<String> INTERFACE_TYPES = Set.of("ethernet", "network", "bridge", "user", "direct",
            "hostdev", "mcast", "server", "client", "udp", "vhostuser", "internal", "vdpa", "null", "vds");
    private static final Set<String> MAC_TYPES = Set.of("static", "generated");
    private static final Set<String> GRAPHICS_TYPES = Set.of("sdl", "vnc", "rdp", "desktop", "spice",
            "egl-headless", "dbus");
    private static final Set<String> LISTEN_TYPES = Set.of("address", "network", "socket", "none");
    private static final Set<String> VIDEO_MODELS = Set.of("vga", "cirrus", "vmvga", "xen", "vbox", "qxl",
            "parallels", "virtio", "gop", "none", "bochs", "ramfb");
    private static final Set<String> CHARDEV_TYPES = Set.of("null", "vc", "pty", "dev", "file", "pipe", "stdio",
            "udp", "tcp", "unix", "spicevmc", "spiceport", "nmdm");
    private static final Set<String> CHARDEV_PROTOCOLS = Set.of("raw", "telnet", "telnets", "tls");
    private static final Set<String> FS_TYPES = Set.of("mount", "block", "file", "template", "ram", "bind",
            "volume");
    private static final Set<String> FS_ACCESS = Set.of("passthrough", "mapped", "squash");
    private static final Set<String> ARCHES = Set.of("i686", "x86_64", "aarch64", "armv7l", "ppc64", "ppc64le",
            "s390x", "riscv64");
    private static final Set<String> CPU_MODES = Set.of("custom", "host-model", "host-passthrough", "maximum");

    private DomainXmlParser() {
    }

    static DomainDef parse(XmlNode root) {
        if (!root.name().equals("domain") || !root.namespace().isEmpty()) {
            throw error(root, null, root.name(), "expected root element 'domain'");
        }
        DomainDef.Builder b = DomainDef.builder();
        String type = root.attr("type");
        if (type == null) {
            throw missing(root, "attribute 'type'");
        }
        enumAttr(root, "type", VIRT_TYPES);
        b.type(type);

        XmlNode name = root.child("name");
        if (name == null || name.text().isEmpty()) {
            throw missing(root, "element 'name'");
        }
        // kept as written (libvirt does not trim names either)
        b.name(name.text());
        XmlNode uuid = root.child("uuid");
        if (uuid != null) {
            b.uuid(XmlValues.uuid(uuid, null, uuid.text()));
        }
        XmlNode genid = root.child("genid");
        if (genid != null && !genid.text().isBlank()) {
            b.genid(XmlValues.uuid(genid, null, genid.text()));
        }
        XmlNode title = root.child("title");
        if (title != null) {
            if (title.text().indexOf('\n') >= 0) {
                throw error(title, null, title.text(), "title must not contain newlines");
            }
            b.title(title.text());
        }
        XmlNode description = root.child("description");
        if (description != null) {
            b.description(description.text());
        }
        parseMemory(root, b);
        parseVcpu(root, b);
        XmlNode cputune = root.child("cputune");
        if (cputune != null && cputune.child("shares") != null) {
            XmlNode shares = cputune.child("shares");
            b.cpuShares(parseLong(shares, null, shares.text(), 0, Long.MAX_VALUE));
        }
        XmlNode cpu = root.child("cpu");
        if (cpu != null) {
            b.cpu(parseCpu(cpu));
        }
        XmlNode os = root.child("os");
        if (os == null) {
            throw missing(root, "element 'os'");
        }
        b.os(parseOs(os));
        XmlNode features = root.child("features");
        if (features != null) {
            List<String> names = new ArrayList<>();
            for (XmlNode f : features.children()) {
                names.add(f.name());
            }
            b.features(names);
        }
        XmlNode clock = root.child("clock");
        if (clock != null) {
            b.clockOffset(enumAttr(clock, "offset", Set.of("utc", "localtime", "timezone", "variable",
                    "absolute")));
        }
        b.onPoweroff(lifecycle(root, "on_poweroff"));
        b.onReboot(lifecycle(root, "on_reboot"));
        b.onCrash(lifecycle(root, "on_crash"));
        XmlNode devices = root.child("devices");
        if (devices != null) {
            b.devices(parseDevices(devices));
        }
        for (XmlNode c : root.children()) {
            if (VMWARE_NS.equals(c.namespace())) {
                if (c.name().equals("datacenterpath")) {
                    b.vmwareDatacenterPath(c.text());
                } else if (c.name().equals("moref")) {
                    b.vmwareMoref(c.text());
                }
            }
        }
        return b.build();
    }

    private static String lifecycle(XmlNode root, String element) {
        XmlNode n = root.child(element);
        return n == null ? null : enumText(n, LIFECYCLE);
    }

    private static void parseMemory(XmlNode root, DomainDef.Builder b) {
        XmlNode memory = root.child("memory");
        if (memory == null) {
            throw missing(root, "element 'memory'");
        }
        long mem = XmlValues.memoryKiB(memory);
        b.memoryKiB(mem);
        XmlNode current = root.child("currentMemory");
        if (current != null) {
            long cur = XmlValues.memoryKiB(current);
            // libvirt caps the current memory at the maximum
            b.currentMemoryKiB(Math.min(cur, mem));
        }
        XmlNode memtune = root.child("memtune");
        if (memtune != null && memtune.child("min_guarantee") != null) {
            b.minGuaranteeKiB(XmlValues.memoryKiB(memtune.child("min_guarantee")));
        }
    }

    private static void parseVcpu(XmlNode root, DomainDef.Builder b) {
        XmlNode vcpu = root.child("vcpu");
        if (vcpu == null) {
            return;
        }
        int max = (int) parseLong(vcpu, null, vcpu.text(), 1, 16384);
        b.vcpus(max);
        int current = intAttr(vcpu, "current", 1, max, -1);
        if (current == -1 && vcpu.attr("current") != null) {
            throw error(vcpu, "current", vcpu.attr("current"), "expected a number in [1.." + max + "]");
        }
        b.vcpuCurrent(current);
        enumAttr(vcpu, "placement", Set.of("static", "auto"));
        String cpuset = vcpu.attr("cpuset");
        if (cpuset != null) {
            CpuSet set = CpuSet.tryParse(cpuset);
            if (set == null) {
                throw error(vcpu, "cpuset", cpuset, "expected a CPU set like '0-3,6,^2'");
            }
            b.cpuset(set);
        }
    }

    private static CpuDef parseCpu(XmlNode cpu) {
        String mode = enumAttr(cpu, "mode", CPU_MODES);
        String match = enumAttr(cpu, "match", Set.of("minimum", "exact", "strict"));
        XmlNode model = cpu.child("model");
        CpuTopology topology = null;
        XmlNode t = cpu.child("topology");
        if (t != null) {
            topology = new CpuTopology(intAttr(t, "sockets", 1, 65536, 0), intAttr(t, "dies", 1, 65536, 1),
                    intAttr(t, "cores", 1, 65536, 0), intAttr(t, "threads", 1, 65536, 0));
            if (topology.sockets() == 0 || topology.cores() == 0 || topology.threads() == 0) {
                throw missing(t, "attribute 'sockets', 'cores' or 'threads'");
            }
        }
        return new CpuDef(mode == null ? "custom" : mode, match, model == null ? null : model.text().strip(),
                topology);
    }

    private static OsDef parseOs(XmlNode os) {
        XmlNode type = os.child("type");
        if (type == null) {
            throw missing(os, "element 'type'");
        }
        String osType = enumText(type, Set.of("hvm", "xen", "linux", "exe", "uml", "xenpvh"));
        String arch = enumAttr(type, "arch", ARCHES);
        String firmware = enumAttr(os, "firmware", Set.of("bios", "efi"));
        List<String> boot = new ArrayList<>();
        for (XmlNode bd : os.children("boot")) {
            boot.add(XmlValues.enumAttr(bd, "dev", Set.of("fd", "cdrom", "hd", "network")));
        }
        boot.removeIf(java.util.Objects::isNull);
        XmlNode smbios = os.child("smbios");
        String smbiosMode = null;
        if (smbios != null) {
            smbiosMode = enumAttr(smbios, "mode", Set.of("emulate", "host", "sysinfo"));
            if (smbiosMode == null) {
                throw missing(smbios, "attribute 'mode'");
            }
        }
        return new OsDef(osType, arch, type.attr("machine"), firmware, boot, smbiosMode);
    }

    private static Devices parseDevices(XmlNode devices) {
        return parseDeviceNodes(devices.children());
    }

    /** The devices among {@code nodes} (one {@code <devices>}' children, or a single device). */
    static Devices parseDeviceNodes(List<XmlNode> nodes) {
        List<DiskDef> disks = new ArrayList<>();
        List<ControllerDef> controllers = new ArrayList<>();
        List<FilesystemDef> filesystems = new ArrayList<>();
        List<InterfaceDef> interfaces = new ArrayList<>();
        List<InputDef> inputs = new ArrayList<>();
        List<GraphicsDef> graphics = new ArrayList<>();
        List<VideoDef> videos = new ArrayList<>();
        List<ChardevDef> serials = new ArrayList<>();
        List<ChardevDef> parallels = new ArrayList<>();
        List<ChardevDef> consoles = new ArrayList<>();
        java.util.Map<String, Integer> diskLines = new java.util.HashMap<>();
        for (XmlNode d : nodes) {
            if (!d.namespace().isEmpty()) {
                continue;
            }
            switch (d.name()) {
                case "disk" -> {
                    DiskDef disk = parseDisk(d);
                    // per bus: VMX files with SCSI and SATA disks name both 'sda' (libvirt's shared namespace)
                    Integer previous = diskLines.putIfAbsent(disk.targetBus() + "/" + disk.targetDev(), d.line());
                    if (previous != null) {
                        throw error(d.child("target"), "dev", disk.targetDev(),
                                "target duplicated by the disk at line " + previous);
                    }
                    disks.add(disk);
                }
                case "controller" -> controllers.add(parseController(d));
                case "filesystem" -> filesystems.add(parseFilesystem(d));
                case "interface" -> interfaces.add(parseInterface(d));
                case "input" -> inputs.add(new InputDef(required(d, "type"), d.attr("bus")));
                case "graphics" -> graphics.add(parseGraphics(d));
                case "video" -> videos.add(parseVideo(d));
                case "serial" -> serials.add(parseChardev(d));
                case "parallel" -> parallels.add(parseChardev(d));
                case "console" -> consoles.add(parseChardev(d));
                default -> {
                    // devices the VMX format cannot represent are ignored, as libvirt's VMX writer does
                }
            }
        }
        return new Devices(disks, controllers, filesystems, interfaces, inputs, graphics, videos, serials,
                parallels, consoles);
    }

    private static DiskDef parseDisk(XmlNode d) {
        String type = enumAttr(d, "type", DISK_TYPES);
        String device = enumAttr(d, "device", DISK_DEVICES);
        XmlNode driver = d.child("driver");
        String driverName = null;
        String cache = null;
        if (driver != null) {
            driverName = driver.attr("name");
            cache = enumAttr(driver, "cache", CACHE_MODES);
        }
        String source = null;
        String startupPolicy = null;
        XmlNode src = d.child("source");
        if (src != null) {
            source = src.attr("file") != null ? src.attr("file") : src.attr("dev") != null ? src.attr("dev")
                    : src.attr("dir");
            startupPolicy = enumAttr(src, "startupPolicy", Set.of("default", "mandatory", "requisite",
                    "optional"));
        }
        XmlNode target = d.child("target");
        if (target == null) {
            throw missing(d, "element 'target'");
        }
        String dev = required(target, "dev");
        String bus = enumAttr(target, "bus", DISK_BUSES);
        if (bus == null) {
            bus = defaultBus(dev);
            if (bus == null) {
                throw error(target, "dev", dev, "cannot derive the bus from the device name");
            }
        }
        DriveAddress address = null;
        XmlNode a = d.child("address");
        if (a != null && "drive".equals(a.attr("type"))) {
            address = new DriveAddress(intAttr(a, "controller", 0, 65535, 0), intAttr(a, "bus", 0, 65535, 0),
                    intAttr(a, "target", 0, 65535, 0), intAttr(a, "unit", 0, 65535, 0));
        } else if (a != null) {
            throw error(a, "type", a.attr("type"), "only disk addresses of type 'drive' are supported");
        }
        return new DiskDef(type == null ? "file" : type, device == null ? "disk" : device, driverName, cache, source,
                startupPolicy, dev, bus, address, d.child("readonly") != null, d.child("transient") != null);
    }

    private static String defaultBus(String dev) {
        if (dev.startsWith("hd")) {
            return "ide";
        }
        if (dev.startsWith("sd")) {
            return "scsi";
        }
        if (dev.startsWith("fd")) {
            return "fdc";
        }
        if (dev.startsWith("vd")) {
            return "virtio";
        }
        if (dev.startsWith("xvd")) {
            return "xen";
        }
        if (dev.startsWith("ubd")) {
            return "uml";
        }
        return null;
    }

    private static ControllerDef parseController(XmlNode c) {
        String type = enumAttr(c, "type", CONTROLLER_TYPES);
        if (type == null) {
            throw missing(c, "attribute 'type'");
        }
        int index = intAttr(c, "index", 0, 65535, 0);
        return new ControllerDef(type, index, c.attr("model"));
    }

    private static FilesystemDef parseFilesystem(XmlNode f) {
        String type = enumAttr(f, "type", FS_TYPES);
        String access = enumAttr(f, "accessmode", FS_ACCESS);
        XmlNode src = f.child("source");
        XmlNode target = f.child("target");
        if (src == null) {
            throw missing(f, "element 'source'");
        }
        if (target == null) {
            throw missing(f, "element 'target'");
        }
        String dir = src.attr("dir") != null ? src.attr("dir") : src.attr("file") != null ? src.attr("file")
                : src.attr("dev") != null ? src.attr("dev") : src.attr("name");
        if (dir == null) {
            throw missing(src, "attribute 'dir'");
        }
        return new FilesystemDef(type == null ? "mount" : type, access == null ? "passthrough" : access, dir,
                required(target, "dir"), f.child("readonly") != null);
    }

    private static InterfaceDef parseInterface(XmlNode i) {
        String type = enumAttr(i, "type", INTERFACE_TYPES);
        if (type == null) {
            throw missing(i, "attribute 'type'");
        }
        MacAddress mac = null;
        String macType = null;
        String macCheck = null;
        XmlNode m = i.child("mac");
        if (m != null) {
            mac = XmlValues.mac(m, "address", required(m, "address"));
            macType = enumAttr(m, "type", MAC_TYPES);
            macCheck = enumAttr(m, "check", Set.of("yes", "no"));
        }
        String bridge = null;
        java.util.UUID switchId = null;
        Long portId = null;
        String portgroupId = null;
        Long connectionId = null;
        XmlNode src = i.child("source");
        if (src != null) {
            switch (type) {
                case "bridge" -> bridge = src.attr("bridge");
                case "network" -> bridge = src.attr("network");
                case "vds" -> {
                    switchId = XmlValues.uuid(src, "switchid", required(src, "switchid"));
                    portId = parseLong(src, "portid", required(src, "portid"), Long.MIN_VALUE, Long.MAX_VALUE);
                    portgroupId = required(src, "portgroupid");
                    connectionId = parseLong(src, "connectionid", required(src, "connectionid"), Long.MIN_VALUE,
                            Long.MAX_VALUE);
                }
                default -> bridge = src.attr("dev");
            }
        }
        if ("bridge".equals(type) && bridge == null) {
            throw missing(i, "attribute 'bridge' of element 'source'");
        }
        if ("network".equals(type) && bridge == null) {
            throw missing(i, "attribute 'network' of element 'source'");
        }
        if ("vds".equals(type) && switchId == null) {
            throw missing(i, "element 'source'");
        }
        XmlNode target = i.child("target");
        XmlNode model = i.child("model");
        String modelType = null;
        if (model != null) {
            modelType = required(model, "type");
            if (modelType.isEmpty() || !modelType.matches("[a-zA-Z0-9_\\-]+")) {
                throw error(model, "type", modelType, "expected a model name of letters, digits, '_' and '-'");
            }
        }
        return new InterfaceDef(type, mac, macType, macCheck, bridge, switchId, portId, portgroupId, connectionId,
                target == null ? null : target.attr("dev"), modelType);
    }

    private static GraphicsDef parseGraphics(XmlNode g) {
        String type = enumAttr(g, "type", GRAPHICS_TYPES);
        if (type == null) {
            throw missing(g, "attribute 'type'");
        }
        int port = intAttr(g, "port", -1, 65535, 0);
        boolean autoport = XmlValues.yesNo(g, "autoport", false) || port == -1;
        if (autoport) {
            port = -1;
        }
        String passwd = g.attr("passwd");
        List<GraphicsDef.Listen> listens = new ArrayList<>();
        for (XmlNode l : g.children("listen")) {
            String lt = enumAttr(l, "type", LISTEN_TYPES);
            if (lt == null) {
                throw missing(l, "attribute 'type'");
            }
            listens.add(new GraphicsDef.Listen(lt, l.attr("address")));
        }
        String listenAttr = g.attr("listen");
        if (listenAttr != null && listens.isEmpty()) {
            listens.add(new GraphicsDef.Listen("address", listenAttr));
        }
        return new GraphicsDef(type, port, autoport, g.attr("keymap"), passwd == null ? null : Password.of(passwd),
                listens);
    }

    private static VideoDef parseVideo(XmlNode v) {
        XmlNode model = v.child("model");
        if (model == null) {
            return new VideoDef(null, -1, -1, false);
        }
        String type = enumAttr(model, "type", VIDEO_MODELS);
        return new VideoDef(type, longAttr(model, "vram", 0, Integer.MAX_VALUE, -1),
                intAttr(model, "heads", 1, 16, -1), XmlValues.yesNo(model, "primary", false));
    }

    private static ChardevDef parseChardev(XmlNode c) {
        String type = enumAttr(c, "type", CHARDEV_TYPES);
        if (type == null) {
            type = "pty";
        }
        XmlNode src = c.child("source");
        String path = null;
        String mode = null;
        String host = null;
        String service = null;
        if (src != null) {
            path = src.attr("path");
            mode = enumAttr(src, "mode", Set.of("bind", "connect"));
            host = src.attr("host");
            service = src.attr("service");
        }
        if ("tcp".equals(type)) {
            if (mode == null) {
                mode = "connect";
            }
            if (service == null) {
                throw missing(c, "attribute 'service' of element 'source'");
            }
        }
        XmlNode protocol = c.child("protocol");
        String proto = protocol == null ? null : enumAttr(protocol, "type", CHARDEV_PROTOCOLS);
        if ("tcp".equals(type) && proto == null) {
            proto = "raw";
        }
        XmlNode target = c.child("target");
        int port = -1;
        String targetType = null;
        if (target != null) {
            port = intAttr(target, "port", 0, 65535, -1);
            targetType = target.attr("type");
        }
        return new ChardevDef(type, path, mode, host, service, proto, targetType, port);
    }
}
