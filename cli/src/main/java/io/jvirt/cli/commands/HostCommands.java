package io.jvirt.cli.commands;

import io.jvirt.cli.session.CommandContext;
import io.jvirt.cli.session.ReadOnlyCommand;
import io.jvirt.cli.session.VirshCommand;
import io.jvirt.cli.output.Fields;
import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.NodeInfo;
import picocli.CommandLine.Command;

/** Commands about the connection and the host: uri, version, hostname, nodeinfo, capabilities. */
public final class HostCommands {
    private HostCommands() {
    }

    /** {@code 9000000} as {@code 9.0.0}. */
    static String version(long v) {
        return (v / 1_000_000) + "." + (v / 1_000 % 1_000) + "." + (v % 1_000);
    }

    @Command(name = "uri", description = "print the hypervisor canonical URI")
    @ReadOnlyCommand
    public static final class Uri extends VirshCommand {
        @Override
        public void run(CommandContext ctx) {
            ctx.out().println(ctx.conn().uri());
        }
    }

    @Command(name = "version", description = "show version")
    @ReadOnlyCommand
    public static final class Version extends VirshCommand {
        @Override
        public void run(CommandContext ctx) {
            Connection c = ctx.conn();
            String lib = version(ConnectionFactory.libraryVersion());
            ctx.out().println("Compiled against library: libvirt " + lib);
            ctx.out().println("Using library: libvirt " + lib);
            ctx.out().println("Using API: " + c.type() + " " + lib);
            long hv = c.version();
            if (hv > 0) {
                ctx.out().println("Running hypervisor: " + c.type() + " " + version(hv));
            }
        }
    }

    @Command(name = "hostname", description = "print the hypervisor hostname")
    @ReadOnlyCommand
    public static final class Hostname extends VirshCommand {
        @Override
        public void run(CommandContext ctx) {
            ctx.out().println(ctx.conn().hostname());
        }
    }

    @Command(name = "nodeinfo", description = "node information")
    @ReadOnlyCommand
    public static final class Nodeinfo extends VirshCommand {
        @Override
        public void run(CommandContext ctx) {
            NodeInfo n = ctx.conn().nodeInfo();
            Fields.node(ctx.out())
                    .add("CPU model:", n.cpuModel())
                    .add("CPU(s):", n.cpus())
                    .add("CPU frequency:", n.mhz() + " MHz")
                    .add("CPU socket(s):", n.sockets())
                    .add("Core(s) per socket:", n.cores())
                    .add("Thread(s) per core:", n.threads())
                    .add("NUMA cell(s):", n.nodes())
                    .add("Memory size:", n.memoryKiB() + " KiB");
        }
    }

    @Command(name = "capabilities", description = "capabilities")
    @ReadOnlyCommand
    public static final class Capabilities extends VirshCommand {
        @Override
        public void run(CommandContext ctx) {
            Xml.print(ctx.out(), ctx.conn().capabilities());
        }
    }
}
