package io.jvirt.cli.commands;

import io.jvirt.cli.session.CliFailure;
import io.jvirt.cli.session.CommandContext;
import io.jvirt.cli.session.VirshCommand;
import io.jvirt.spi.Domain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.xml.DeviceXml;
import io.jvirt.spi.xml.DiskDef;
import io.jvirt.spi.xml.InterfaceDef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * Device hot-plug and media: attach-device, detach-device, update-device, attach-disk,
 * detach-disk, attach-interface, detach-interface, change-media, with virsh's options, messages
 * and lookups (detach-disk and detach-interface find the device in the domain's device list, as
 * the driver reports it, and send its XML).
 */
public final class DeviceCommands {
    private DeviceCommands() {
    }

    /** The three XML-file commands: read the file, call the driver, report like virsh. */
    abstract static class XmlDeviceCommand extends VirshCommand {
        @Mixin
        DomainArg domain;
        @Parameters(index = "1", arity = "0..1", paramLabel = "<file>", description = "XML file")
        String file;
        @Option(names = "--file", paramLabel = "<file>", hidden = true)
        String fileOption;
        @Mixin
        ImpactOptions impact;

        abstract void call(Domain d, String xml, java.util.Set<io.jvirt.spi.DomainModificationImpact> flags);

        abstract String done();

        abstract String failed();

        @Override
        public void run(CommandContext ctx) {
            Domain d = ctx.lookup().domain(domain.value(name()));
            String f = require(fileOption != null ? fileOption : file, "file");
            String xml = Xml.read(f);
            change(ctx, failed() + " from " + f, () -> call(d, xml, impact.flags(d)), done());
        }
    }

    @Command(name = "attach-device", description = "attach device from an XML file")
    public static final class AttachDevice extends XmlDeviceCommand {
        void call(Domain d, String xml, java.util.Set<io.jvirt.spi.DomainModificationImpact> flags) {
            d.attachDevice(xml, flags);
        }

        String done() {
            return "Device attached successfully";
        }

        String failed() {
            return "Failed to attach device";
        }
    }

    @Command(name = "detach-device", description = "detach device from an XML file")
    public static final class DetachDevice extends XmlDeviceCommand {
        void call(Domain d, String xml, java.util.Set<io.jvirt.spi.DomainModificationImpact> flags) {
            d.detachDevice(xml, flags);
        }

        String done() {
            return "Device detached successfully";
        }

        String failed() {
            return "Failed to detach device";
        }
    }

    @Command(name = "update-device", description = "update device from an XML file")
    public static final class UpdateDevice extends XmlDeviceCommand {
        @Option(names = "--force", description = "force device update") boolean force;

        void call(Domain d, String xml, java.util.Set<io.jvirt.spi.DomainModificationImpact> flags) {
            d.updateDevice(xml, flags);
        }

        String done() {
            return "Device updated successfully";
        }

        String failed() {
            return "Failed to update device";
        }
    }

    @Command(name = "attach-disk", description = "attach disk device")
    public static final class AttachDisk extends VirshCommand {
        @Mixin
        DomainArg domain;
        @Parameters(index = "1", arity = "0..1", paramLabel = "<source>", description = "source of disk device")
        String source;
        @Parameters(index = "2", arity = "0..1", paramLabel = "<target>", description = "target of disk device")
        String target;
        @Option(names = "--source", hidden = true) String sourceOption;
        @Option(names = "--target", hidden = true) String targetOption;
        @Option(names = "--targetbus", description = "target bus of disk device") String targetBus;
        @Option(names = "--driver", description = "driver of disk device") String driver;
        @Option(names = "--subdriver", description = "subdriver of disk device") String subdriver;
        @Option(names = "--cache", description = "cache mode of disk device") String cache;
        @Option(names = "--type", description = "target device type") String type;
        @Option(names = "--mode", description = "mode of device reading and writing") String mode;
        @Option(names = "--sourcetype", description = "type of source (block|file|network)") String sourceType;
        @Option(names = "--print-xml", description = "print XML document rather than attach the disk") boolean printXml;
        @Mixin
        ImpactOptions impact;

        @Override
        protected boolean readOnlyUse() {
            return printXml;
        }

        @Override
        public void run(CommandContext ctx) {
            String src = require(sourceOption != null ? sourceOption : source, "source");
            String dev = require(targetOption != null ? targetOption : target, "target");
            if (mode != null && !mode.equals("readonly") && !mode.equals("shareable")) {
                throw new CliFailure("No support for " + mode + " in command 'attach-disk'");
            }
            String kind = type == null ? "disk" : type;
            StringBuilder xml = new StringBuilder();
            xml.append("<disk type='").append(Xml.escape(sourceType == null ? "file" : sourceType))
                    .append("' device='").append(Xml.escape(kind)).append("'>\n");
            if (driver != null || subdriver != null || cache != null) {
                xml.append("  <driver");
                attr(xml, "name", driver);
                attr(xml, "type", subdriver);
                attr(xml, "cache", cache);
                xml.append("/>\n");
            }
            xml.append("  <source ").append("block".equals(sourceType) ? "dev" : "file").append("='")
                    .append(Xml.escape(src)).append("'/>\n");
            xml.append("  <target dev='").append(Xml.escape(dev)).append("'");
            attr(xml, "bus", targetBus);
            xml.append("/>\n");
            if ("readonly".equals(mode)) {
                xml.append("  <readonly/>\n");
            } else if ("shareable".equals(mode)) {
                xml.append("  <shareable/>\n");
            }
            xml.append("</disk>\n");
            if (printXml) {
                ctx.out().print(xml);
                return;
            }
            Domain d = ctx.lookup().domain(domain.value(name()));
            change(ctx, "Failed to attach disk", () -> d.attachDevice(xml.toString(), impact.flags(d)),
                    "Disk attached successfully");
        }
    }

    @Command(name = "detach-disk", description = "detach disk device")
    public static final class DetachDisk extends VirshCommand {
        @Mixin
        DomainArg domain;
        @Parameters(index = "1", arity = "0..1", paramLabel = "<target>", description = "target of disk device")
        String target;
        @Option(names = "--target", hidden = true) String targetOption;
        @Option(names = "--print-xml", description = "print XML document rather than detach the disk") boolean printXml;
        @Mixin
        ImpactOptions impact;

        @Override
        protected boolean readOnlyUse() {
            return printXml;
        }

        @Override
        public void run(CommandContext ctx) {
            Domain d = ctx.lookup().domain(domain.value(name()));
            String dev = require(targetOption != null ? targetOption : target, "target");
            DiskDef disk = findDisk(d, dev, impact.inactiveView());
            String xml = DeviceXml.format(disk);
            if (printXml) {
                Xml.print(ctx.out(), xml);
                return;
            }
            change(ctx, "Failed to detach disk", () -> d.detachDevice(xml, impact.flags(d)), "Disk detached successfully");
        }
    }

    /** The disk whose target or source is {@code path}; virsh's message when none. */
    static DiskDef findDisk(Domain d, String path, boolean inactive) {
        for (DiskDef disk : d.diskDevices(inactive)) {
            if (path.equals(disk.targetDev()) || path.equals(disk.source())) {
                return disk;
            }
        }
        throw new CliFailure("No disk found whose source path or target is " + path);
    }

    @Command(name = "attach-interface", description = "attach network interface")
    public static final class AttachInterface extends VirshCommand {
        @Mixin
        DomainArg domain;
        @Parameters(index = "1", arity = "0..1", paramLabel = "<type>", description = "network interface type")
        String type;
        @Parameters(index = "2", arity = "0..1", paramLabel = "<source>", description = "source of network interface")
        String source;
        @Option(names = "--type", hidden = true) String typeOption;
        @Option(names = "--source", hidden = true) String sourceOption;
        @Option(names = "--target", description = "target network name") String target;
        @Option(names = "--mac", description = "MAC address") String mac;
        @Option(names = "--model", description = "model type") String model;
        @Option(names = "--print-xml", description = "print XML document rather than attach the interface") boolean printXml;
        @Mixin
        ImpactOptions impact;

        @Override
        protected boolean readOnlyUse() {
            return printXml;
        }

        @Override
        public void run(CommandContext ctx) {
            String t = require(typeOption != null ? typeOption : type, "type");
            String src = require(sourceOption != null ? sourceOption : source, "source");
            String srcAttr = switch (t) {
                case "network" -> "network";
                case "bridge" -> "bridge";
                case "direct" -> "dev";
                default -> throw new CliFailure("No support for " + t + " in command 'attach-interface'");
            };
            StringBuilder xml = new StringBuilder("<interface type='" + Xml.escape(t) + "'>\n");
            xml.append("  <source ").append(srcAttr).append("='").append(Xml.escape(src)).append("'/>\n");
            if (target != null) {
                xml.append("  <target dev='").append(Xml.escape(target)).append("'/>\n");
            }
            if (mac != null) {
                xml.append("  <mac address='").append(Xml.escape(mac)).append("'/>\n");
            }
            if (model != null) {
                xml.append("  <model type='").append(Xml.escape(model)).append("'/>\n");
            }
            xml.append("</interface>\n");
            if (printXml) {
                ctx.out().print(xml);
                return;
            }
            Domain d = ctx.lookup().domain(domain.value(name()));
            change(ctx, "Failed to attach interface", () -> d.attachDevice(xml.toString(), impact.flags(d)),
                    "Interface attached successfully");
        }
    }

    @Command(name = "detach-interface", description = "detach network interface")
    public static final class DetachInterface extends VirshCommand {
        @Mixin
        DomainArg domain;
        @Parameters(index = "1", arity = "0..1", paramLabel = "<type>", description = "network interface type")
        String type;
        @Option(names = "--type", hidden = true) String typeOption;
        @Option(names = "--mac", description = "MAC address") String mac;
        @Option(names = "--print-xml", description = "print XML document rather than detach the interface") boolean printXml;
        @Mixin
        ImpactOptions impact;

        @Override
        protected boolean readOnlyUse() {
            return printXml;
        }

        @Override
        public void run(CommandContext ctx) {
            Domain d = ctx.lookup().domain(domain.value(name()));
            String t = require(typeOption != null ? typeOption : type, "type");
            List<InterfaceDef> matching = new ArrayList<>();
            boolean anyOfType = false;
            for (InterfaceDef i : d.interfaceDevices(impact.inactiveView())) {
                if (!i.type().equals(t)) {
                    continue;
                }
                anyOfType = true;
                if (mac == null || (i.mac() != null && i.mac().toString().equalsIgnoreCase(mac))) {
                    matching.add(i);
                }
            }
            if (!anyOfType) {
                throw new CliFailure("No interface found whose type is " + t, "Failed to detach interface");
            }
            if (matching.isEmpty()) {
                throw new CliFailure("No interface with MAC address " + mac + " was found", "Failed to detach interface");
            }
            if (matching.size() > 1) {
                throw new CliFailure("Domain has " + matching.size()
                        + " interfaces. Please specify which one to detach using --mac", "Failed to detach interface");
            }
            String xml = DeviceXml.format(matching.get(0));
            if (printXml) {
                Xml.print(ctx.out(), xml);
                return;
            }
            change(ctx, "Failed to detach interface", () -> d.detachDevice(xml, impact.flags(d)),
                    "Interface detached successfully");
        }
    }

    @Command(name = "change-media", description = "Change media of CD or floppy drive")
    public static final class ChangeMedia extends VirshCommand {
        @Mixin
        DomainArg domain;
        @Parameters(index = "1", arity = "0..1", paramLabel = "<path>", description = "Fully-qualified path or target of disk device")
        String path;
        @Parameters(index = "2", arity = "0..1", paramLabel = "<source>", description = "source of the media")
        String source;
        @Option(names = "--path", hidden = true) String pathOption;
        @Option(names = "--source", hidden = true) String sourceOption;
        @Option(names = "--eject", description = "Eject the media") boolean eject;
        @Option(names = "--insert", description = "Insert the media") boolean insert;
        @Option(names = "--update", description = "Update the media") boolean update;
        @Option(names = "--force", description = "force media changing") boolean force;
        @Option(names = "--print-xml", description = "print XML document rather than change media") boolean printXml;
        @Mixin
        ImpactOptions impact;

        @Override
        protected boolean readOnlyUse() {
            return printXml;
        }

        @Override
        public void run(CommandContext ctx) {
            int actions = (eject ? 1 : 0) + (insert ? 1 : 0) + (update ? 1 : 0);
            if (actions > 1) {
                throw new CliFailure("Options --eject, --insert, and --update are mutually exclusive");
            }
            String p = require(pathOption != null ? pathOption : path, "path");
            String src = sourceOption != null ? sourceOption : source;
            String action = eject ? "eject" : insert ? "insert" : "update";
            if (eject && src != null) {
                throw new CliFailure("No source is needed for eject");
            }
            if (insert && src == null) {
                throw new CliFailure("No source is specified for inserting media");
            }
            Domain d = ctx.lookup().domain(domain.value(name()));
            DiskDef disk = findDisk(d, p, impact.inactiveView());
            if (!"cdrom".equals(disk.device()) && !"floppy".equals(disk.device())) {
                throw new CliFailure("The disk device '" + p + "' is not removable");
            }
            if (eject && disk.source() == null) {
                throw new CliFailure("The disk device '" + p + "' doesn't have media");
            }
            if (insert && disk.source() != null) {
                throw new CliFailure("The disk device '" + p + "' already has media");
            }
            DiskDef changed = new DiskDef(disk.type(), disk.device(), disk.driverName(), disk.driverCache(),
                    eject ? null : src, disk.startupPolicy(), disk.targetDev(), disk.targetBus(), disk.address(),
                    disk.readonly(), disk.transientDisk());
            String xml = DeviceXml.format(changed);
            if (printXml) {
                Xml.print(ctx.out(), xml);
                return;
            }
            change(ctx, "Failed to complete action " + action + " on media", () -> d.updateDevice(xml, impact.flags(d)),
                    eject || src == null ? "Successfully ejected media."
                            : insert ? "Successfully inserted media." : "Successfully updated media.");
        }
    }

    /**
     * Every device change: the driver call, virsh's "error: FAILURE" (then the driver's message)
     * when it fails, else the success line, printed like virsh's {@code vshPrintExtra} (nothing
     * under {@code -q}).
     */
    private static void change(CommandContext ctx, String failure, Runnable call, String success) {
        try {
            call.run();
        } catch (HypervisorException e) {
            throw new CliFailure(failure, e);
        }
        ctx.printExtra(success);
    }

    private static void attr(StringBuilder xml, String name, String value) {
        if (value != null) {
            xml.append(' ').append(name).append("='").append(Xml.escape(value)).append('\'');
        }
    }
}
