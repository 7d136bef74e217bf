package io.jvirt.cli.commands;

import io.jvirt.cli.session.CommandContext;
import io.jvirt.cli.session.ReadOnlyCommand;
import io.jvirt.cli.session.VirshCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code domxml-from-native} and {@code domxml-to-native}: through the connection's driver, or
 * with {@code --offline} through the vmx-format converter without any server.
 */
public final class NativeXmlCommands {
    private NativeXmlCommands() {
    }

    @Command(name = "domxml-from-native", description = "Convert native config to domain XML")
    @ReadOnlyCommand
    public static final class FromNative extends VirshCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "<format>", description = "source config data format")
        String format;
        @Parameters(index = "1", arity = "0..1", paramLabel = "<config>", description = "config data file to import from")
        String config;
        @Option(names = "--offline", description = "convert without a connection (vmware-vmx only)")
        boolean offline;

        @Override
        public boolean needsConnection() {
            return !offline;
        }

        @Override
        public void run(CommandContext ctx) {
            String fmt = require(format, "format");
            String file = require(config, "config");
            String text = fmt.equals("vmware-vmx") ? readVmx(file) : Xml.read(file);
            String xml = offline ? ctx.converters().fromNative(fmt, text, ctx.path(file).toAbsolutePath().getParent())
                    : ctx.conn().domainXmlFromNative(fmt, text);
            Xml.print(ctx.out(), xml);
        }
    }

    /**
     * A {@code .vmx} file decoded as its {@code .encoding} entry says (libvirt reads the bytes and
     * converts them), not as UTF-8: VMware Workstation writes the Windows host's code page.
     */
    static String readVmx(String file) {
        byte[] data;
        try {
            data = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(file));
        } catch (java.io.IOException | RuntimeException e) {
            return Xml.read(file); // fails the same way, with the same message
        }
        return io.jvirt.vmx.VmxParser.decode(data, file);
    }

    @Command(name = "domxml-to-native", description = "Convert domain XML to native config")
    @ReadOnlyCommand
    public static final class ToNative extends VirshCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "<format>", description = "target config data type format")
        String format;
        @Parameters(index = "1", arity = "0..1", paramLabel = "<xml>", description = "xml data file to export from")
        String xmlFile;
        @Option(names = "--xml", paramLabel = "<xml>", hidden = true)
        String xmlOption;
        @Option(names = "--domain", paramLabel = "<domain>", description = "domain name, id or uuid")
        String domain;
        @Option(names = "--offline", description = "convert without a connection (vmware-vmx only)")
        boolean offline;

        @Override
        public boolean needsConnection() {
            return !offline;
        }

        @Override
        public void run(CommandContext ctx) {
            String fmt = require(format, "format");
            String xml;
            String file = xmlOption != null ? xmlOption : xmlFile;
            if (domain != null) {
                xml = ctx.lookup().domain(domain).xmlDesc();
            } else {
                xml = Xml.read(require(file, "xml"));
            }
            String out = offline ? ctx.converters().toNative(fmt, xml) : ctx.conn().domainXmlToNative(fmt, xml);
            ctx.out().print(out.endsWith("\n") ? out : out + "\n");
        }
    }
}
