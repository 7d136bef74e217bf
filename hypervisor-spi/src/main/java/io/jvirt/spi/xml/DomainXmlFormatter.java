package io.jvirt.spi.xml;

/** Prints a {@link DomainDef} in libvirt's canonical layout and element order. */
final class DomainXmlFormatter {
    private DomainXmlFormatter() {
    }

    static String format(DomainDef def, boolean secure, int id) {
        XmlWriter w = new XmlWriter();
        write(w, def, secure, id);
        return w.toString();
    }

    /**
     * Writes {@code <domain>} at the writer's current depth (a snapshot nests it).
     *
     * @param secure include secure fields (libvirt's {@code VIR_DOMAIN_DEF_FORMAT_SECURE}): of
     *               what this model holds, only the graphics {@code passwd} is one
     */
    static void write(XmlWriter w, DomainDef def, boolean secure, int id) {
        boolean vmwareNs = def.vmwareDatacenterPath() != null || def.vmwareMoref() != null;
        w.start("domain").attr("type", def.type());
        if (id > 0) {
            w.attr("id", Integer.toString(id));
        }
        if (vmwareNs) {
            w.attr("xmlns:vmware", DomainXmlParser.VMWARE_NS);
        }
        w.open();
        w.element("name", def.name());
        w.element("uuid", def.uuid());
        w.element("genid", def.genid());
        w.element("title", def.title());
        w.element("description", def.description());
        w.start("memory").attr("unit", "KiB").text("memory", Long.toString(def.memoryKiB()));
        w.start("currentMemory").attr("unit", "KiB").text("currentMemory",
                Long.toString(def.effectiveCurrentMemoryKiB()));
        if (def.minGuaranteeKiB() > 0) {
            w.start("memtune").open();
            w.start("min_guarantee").attr("unit", "KiB").text("min_guarantee", Long.toString(def.minGuaranteeKiB()));
            w.end("memtune");
        }
        w.start("vcpu").attr("placement", "static").attr("cpuset", def.cpuset());
        if (def.vcpuCurrent() >= 0 && def.vcpuCurrent() != def.vcpus()) {
            w.attr("current", def.vcpuCurrent());
        }
        w.text("vcpu", Integer.toString(def.vcpus()));
        if (def.cpuShares() >= 0) {
            w.start("cputune").open();
            w.element("shares", def.cpuShares());
            w.end("cputune");
        }
        formatOs(w, def.os());
        if (!def.features().isEmpty()) {
            w.start("features").open();
            for (String f : def.features()) {
                w.start(f).close();
            }
            w.end("features");
        }
        formatCpu(w, def.cpu());
        w.start("clock").attr("offset", def.clockOffset() == null ? "utc" : def.clockOffset()).close();
        w.element("on_poweroff", def.onPoweroff() == null ? "destroy" : def.onPoweroff());
        w.element("on_reboot", def.onReboot() == null ? "restart" : def.onReboot());
        w.element("on_crash", def.onCrash() == null ? "destroy" : def.onCrash());
        formatDevices(w, def.devices(), secure);
        if (def.vmwareDatacenterPath() != null) {
            w.element("vmware:datacenterpath", def.vmwareDatacenterPath());
        }
        if (def.vmwareMoref() != null) {
            w.element("vmware:moref", def.vmwareMoref());
        }
        w.end("domain");
    }

    private static void formatOs(XmlWriter w, OsDef os) {
        w.start("os").attr("firmware", os.firmware()).open();
        w.start("type").attr("arch", os.arch()).attr("machine", os.machine()).text("type", os.type());
        for (String boot : os.bootDevs()) {
            w.start("boot").attr("dev", boot).close();
        }
        if (os.smbiosMode() != null) {
            w.start("smbios").attr("mode", os.smbiosMode()).close();
        }
        w.end("os");
    }

    private static void formatCpu(XmlWriter w, CpuDef cpu) {
        if (cpu == null) {
            return;
        }
        w.start("cpu");
        boolean plain = "custom".equals(cpu.mode()) && cpu.model() == null && cpu.match() == null;
        if (!plain) {
            w.attr("mode", cpu.mode()).attr("match", cpu.match());
        }
        if (cpu.model() == null && cpu.topology() == null) {
            w.close();
            return;
        }
        w.open();
        w.element("model", cpu.model());
        CpuTopology t = cpu.topology();
        if (t != null) {
            w.start("topology").attr("sockets", t.sockets()).attr("dies", t.dies()).attr("cores", t.cores())
                    .attr("threads", t.threads()).close();
        }
        w.end("cpu");
    }

    /** One disk or interface element alone (what {@code attach-device} files hold). */
    static String formatDevice(Object device) {
        XmlWriter w = new XmlWriter();
        if (device instanceof DiskDef disk) {
            formatDisk(w, disk);
        } else if (device instanceof InterfaceDef i) {
            formatInterface(w, i);
        } else {
            throw new IllegalArgumentException("not a disk or interface: " + device);
        }
        return w.toString();
    }

    private static void formatDevices(XmlWriter w, Devices d, boolean secure) {
        w.start("devices").open();
        for (DiskDef disk : d.disks()) {
            formatDisk(w, disk);
        }
        for (ControllerDef c : d.controllers()) {
            w.start("controller").attr("type", c.type()).attr("index", c.index()).attr("model", c.model()).close();
        }
        for (FilesystemDef f : d.filesystems()) {
            w.start("filesystem").attr("type", f.type()).attr("accessmode", f.accessMode()).open();
            String srcAttr = switch (f.type()) {
                case "block" -> "dev";
                case "file", "ram" -> "file";
                case "template", "volume" -> "name";
                default -> "dir";
            };
            w.start("source").attr(srcAttr, f.sourceDir()).close();
            w.start("target").attr("dir", f.targetDir()).close();
            if (f.readonly()) {
                w.start("readonly").close();
            }
            w.end("filesystem");
        }
        for (InterfaceDef i : d.interfaces()) {
            formatInterface(w, i);
        }
        for (ChardevDef c : d.serials()) {
            formatChardev(w, "serial", c);
        }
        for (ChardevDef c : d.parallels()) {
            formatChardev(w, "parallel", c);
        }
        for (ChardevDef c : d.consoles()) {
            formatChardev(w, "console", c);
        }
        for (InputDef i : d.inputs()) {
            w.start("input").attr("type", i.type()).attr("bus", i.bus()).close();
        }
        for (GraphicsDef g : d.graphics()) {
            formatGraphics(w, g, secure);
        }
        for (VideoDef v : d.videos()) {
            w.start("video").open();
            if (v.model() != null) {
                w.start("model").attr("type", v.model()).attr("vram", v.vramKiB() >= 0 ? v.vramKiB() : null)
                        .attr("heads", v.heads() >= 0 ? v.heads() : null).attr("primary", v.primary() ? "yes" : null)
                        .close();
            }
            w.end("video");
        }
        w.end("devices");
    }

    private static void formatDisk(XmlWriter w, DiskDef disk) {
        w.start("disk").attr("type", disk.type()).attr("device", disk.device()).open();
        if (disk.driverName() != null || disk.driverCache() != null) {
            w.start("driver").attr("name", disk.driverName()).attr("cache", disk.driverCache()).close();
        }
        if (disk.source() != null || disk.startupPolicy() != null) {
            String attr = switch (disk.type()) {
                case "block" -> "dev";
                case "dir" -> "dir";
                default -> "file";
            };
            w.start("source").attr(attr, disk.source()).attr("startupPolicy", disk.startupPolicy()).close();
        }
        w.start("target").attr("dev", disk.targetDev()).attr("bus", disk.targetBus()).close();
        if (disk.readonly()) {
            w.start("readonly").close();
        }
        if (disk.transientDisk()) {
            w.start("transient").close();
        }
        DriveAddress a = disk.address();
        if (a != null) {
            w.start("address").attr("type", "drive").attr("controller", a.controller()).attr("bus", a.bus())
                    .attr("target", a.target()).attr("unit", a.unit()).close();
        }
        w.end("disk");
    }

    private static void formatInterface(XmlWriter w, InterfaceDef i) {
        w.start("interface").attr("type", i.type()).open();
        if (i.mac() != null) {
            w.start("mac").attr("address", i.mac()).attr("type", i.macType()).attr("check", i.macCheck()).close();
        }
        switch (i.type()) {
            case "bridge" -> w.start("source").attr("bridge", i.sourceBridge()).close();
            case "network" -> w.start("source").attr("network", i.sourceBridge()).close();
            case "vds" -> w.start("source").attr("switchid", i.switchId()).attr("portid", i.portId())
                    .attr("portgroupid", i.portgroupId()).attr("connectionid", i.connectionId()).close();
            default -> {
                if (i.sourceBridge() != null) {
                    w.start("source").attr("dev", i.sourceBridge()).close();
                }
            }
        }
        if (i.targetDev() != null) {
            w.start("target").attr("dev", i.targetDev()).close();
        }
        if (i.model() != null) {
            w.start("model").attr("type", i.model()).close();
        }
        w.end("interface");
    }

    private static void formatChardev(XmlWriter w, String element, ChardevDef c) {
        w.start(element).attr("type", c.type()).open();
        if ("tcp".equals(c.type())) {
            w.start("source").attr("mode", c.mode()).attr("host", c.host()).attr("service", c.service()).close();
            w.start("protocol").attr("type", c.protocol()).close();
        } else if (c.path() != null) {
            w.start("source").attr("path", c.path()).close();
        }
        if (c.targetType() != null || c.targetPort() >= 0) {
            w.start("target").attr("type", c.targetType()).attr("port", c.targetPort() >= 0 ? c.targetPort() : null)
                    .close();
        }
        w.end(element);
    }

    private static void formatGraphics(XmlWriter w, GraphicsDef g, boolean secure) {
        w.start("graphics").attr("type", g.type());
        if ("vnc".equals(g.type()) || "spice".equals(g.type()) || "rdp".equals(g.type())) {
            if (g.autoport()) {
                w.attr("port", -1).attr("autoport", "yes");
            } else {
                w.attr("port", g.port() > 0 ? g.port() : null).attr("autoport", "no");
            }
            w.attr("listen", g.listenAddress());
        }
        w.attr("keymap", g.keymap());
        if (secure && g.passwd() != null) {
            w.attr("passwd", g.passwd().reveal());
        }
        if (g.listens().isEmpty()) {
            w.close();
            return;
        }
        w.open();
        for (GraphicsDef.Listen l : g.listens()) {
            w.start("listen").attr("type", l.type()).attr("address", l.address()).close();
        }
        w.end("graphics");
    }
}
