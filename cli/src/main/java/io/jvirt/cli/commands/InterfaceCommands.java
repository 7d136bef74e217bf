package io.jvirt.cli.commands;

import io.jvirt.cli.session.CommandContext;
import io.jvirt.cli.session.ReadOnlyCommand;
import io.jvirt.cli.session.VirshCommand;
import io.jvirt.cli.output.VirshTable;
import io.jvirt.spi.HostInterface;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Host interfaces: iface-list, iface-dumpxml. */
public final class InterfaceCommands {
    private InterfaceCommands() {
    }

    @Command(name = "iface-list", description = "list physical host interfaces")
    @ReadOnlyCommand
    public static final class IfaceList extends VirshCommand {
        @Option(names = "--all", description = "list inactive & active interfaces")
        boolean all;
        @Option(names = "--inactive", description = "list inactive interfaces")
        boolean inactive;

        @Override
        public void run(CommandContext ctx) {
            List<HostInterface> ifaces = new ArrayList<>(ctx.conn().listAllInterfaces());
            ifaces.removeIf(i -> all ? false : inactive ? i.isActive() : !i.isActive());
            ifaces.sort(Comparator.comparing(HostInterface::name));
            VirshTable t = new VirshTable("Name", "State", "MAC Address");
            ifaces.forEach(i -> t.row(i.name(), i.isActive() ? "active" : "inactive", i.mac()));
            t.print(ctx.out(), ctx.quiet());
        }

    }

    @Command(name = "iface-dumpxml", description = "interface information in XML")
    @ReadOnlyCommand
    public static final class IfaceDumpXml extends VirshCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "<interface>", description = "interface name or MAC address")
        String positional;
        @Option(names = "--interface", paramLabel = "<interface>", hidden = true)
        String option;
        @Option(names = "--inactive", description = "show inactive defined XML")
        boolean inactive;

        @Override
        public void run(CommandContext ctx) {
            HostInterface i = ctx.lookup().iface(require(option != null ? option : positional, "interface"));
            Xml.print(ctx.out(), i.xmlDesc(inactive));
        }
    }
}
