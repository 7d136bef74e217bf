package io.jvirt.cli.commands;

import io.jvirt.cli.session.CliFailure;
import io.jvirt.cli.session.CommandContext;
import io.jvirt.cli.session.ReadOnlyCommand;
import io.jvirt.cli.session.VirshCommand;
import io.jvirt.cli.output.Fields;
import io.jvirt.cli.output.VirshTable;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Networks: net-list, net-info, net-dumpxml, net-define, net-undefine. */
public final class NetworkCommands {
    private NetworkCommands() {
    }

    /** The {@code <network>} argument, positional or {@code --network}. */
    abstract static class NetworkCommand extends VirshCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "<network>", description = "network name or uuid")
        String positional;
        @Option(names = "--network", paramLabel = "<network>", hidden = true)
        String option;

        Network network(CommandContext ctx) {
            return ctx.lookup().network(require(option != null ? option : positional, "network"));
        }
    }

    @Command(name = "net-list", description = "list networks")
    @ReadOnlyCommand
    public static final class NetList extends VirshCommand {
        @Option(names = "--all", description = "list inactive & active networks")
        boolean all;
        @Option(names = "--inactive", description = "list inactive networks")
        boolean inactive;
        @Option(names = "--name", description = "list network names only")
        boolean nameOnly;
        @Option(names = "--uuid", description = "list uuid's only")
        boolean uuidOnly;

        @Override
        public void run(CommandContext ctx) {
            List<Network> nets = new ArrayList<>(ctx.conn().listAllNetworks());
            nets.removeIf(n -> all ? false : inactive ? n.isActive() : !n.isActive());
            nets.sort(Comparator.comparing(Network::name));
            if (nameOnly || uuidOnly) {
                nets.forEach(n -> ctx.out().println(uuidOnly ? n.uuid().toString() : n.name()));
                return;
            }
            VirshTable t = new VirshTable("Name", "State", "Autostart", "Persistent");
            for (Network n : nets) {
                String auto = DomainInfoCommands.optional(n::autostart).map(VirshCommand::yesNoOf).orElse("no autostart");
                t.row(n.name(), n.isActive() ? "active" : "inactive", auto, yesNo(n.isPersistent()));
            }
            t.print(ctx.out(), ctx.quiet());
        }

    }

    @Command(name = "net-info", description = "network information")
    @ReadOnlyCommand
    public static final class NetInfo extends NetworkCommand {
        @Override
        public void run(CommandContext ctx) {
            Network n = network(ctx);
            Fields f = Fields.info(ctx.out());
            f.add("Name:", n.name()).add("UUID:", n.uuid()).add("Active:", yesNo(n.isActive()))
                    .add("Persistent:", yesNo(n.isPersistent()))
                    .add("Autostart:", DomainInfoCommands.optional(n::autostart).map(VirshCommand::yesNoOf).orElse("no autostart"));
            DomainInfoCommands.optional(n::bridgeName).ifPresent(b -> f.add("Bridge:", b));
        }
    }

    @Command(name = "net-dumpxml", description = "network information in XML")
    @ReadOnlyCommand
    public static final class NetDumpXml extends NetworkCommand {
        @Option(names = "--inactive", description = "show inactive defined XML")
        boolean inactive;

        @Override
        public void run(CommandContext ctx) {
            Xml.print(ctx.out(), network(ctx).xmlDesc());
        }
    }

    @Command(name = "net-define", description = "define an inactive persistent virtual network or modify an existing persistent one from an XML file")
    public static final class NetDefine extends VirshCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "<file>", description = "file containing an XML network description")
        String file;
        @Option(names = "--file", paramLabel = "<file>", hidden = true)
        String fileOption;

        @Override
        public void run(CommandContext ctx) {
            String f = require(fileOption != null ? fileOption : file, "file");
            String xml = Xml.read(f);
            Network n;
            try {
                n = ctx.conn().defineNetwork(xml);
            } catch (HypervisorException e) {
                throw new CliFailure("Failed to define network from " + f, e);
            }
            ctx.out().println("Network " + n.name() + " defined from " + f);
        }
    }

    @Command(name = "net-undefine", description = "undefine a persistent network")
    public static final class NetUndefine extends NetworkCommand {
        @Override
        public void run(CommandContext ctx) {
            Network n = network(ctx);
            attempt("Failed to undefine network " + n.name(), () -> n.undefine());
            ctx.out().println("Network " + n.name() + " has been undefined");
        }
    }
}
