package io.jvirt.cli.commands;

import io.jvirt.cli.session.ReadOnlyCommand;
import io.jvirt.cli.session.CliFailure;
import io.jvirt.cli.session.CommandContext;
import io.jvirt.cli.session.VirshCommand;
import io.jvirt.cli.output.VirshTable;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainListFlag;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.TypedParameter;
import io.jvirt.spi.DomainStats;
import io.jvirt.spi.StatsGroup;
import io.jvirt.spi.xml.DiskDef;
import io.jvirt.spi.xml.InterfaceDef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Statistics and device listings: domstats, dommemstat, domblklist, domiflist. */
public final class StatsCommands {
    private StatsCommands() {
    }

    @ReadOnlyCommand
    @Command(name = "domstats", description = "get statistics about one or multiple domains")
    public static final class Domstats extends VirshCommand {
        @Parameters(paramLabel = "<domain>", arity = "0..*", description = "list of domains to get stats for")
        List<String> domains = new ArrayList<>();
        @Option(names = "--state", description = "report domain state") boolean state;
        @Option(names = "--cpu-total", description = "report domain physical cpu usage") boolean cpuTotal;
        @Option(names = "--balloon", description = "report domain balloon statistics") boolean balloon;
        @Option(names = "--vcpu", description = "report domain virtual cpu information") boolean vcpu;
        @Option(names = "--interface", description = "report domain network interface information") boolean iface;
        @Option(names = "--block", description = "report domain block device statistics") boolean block;
        @Option(names = "--perf", description = "report domain perf event statistics") boolean perf;
        @Option(names = "--iothread", description = "report domain IOThread information") boolean iothread;
        @Option(names = "--memory", description = "report domain memory usage") boolean memory;
        @Option(names = "--dirtyrate", description = "report domain dirty rate information") boolean dirtyrate;
        @Option(names = "--vm", description = "report hypervisor-specific statistics") boolean vm;
        @Option(names = "--list-active", description = "list only active domains") boolean listActive;
        @Option(names = "--list-inactive", description = "list only inactive domains") boolean listInactive;
        @Option(names = "--list-persistent", description = "list only persistent domains") boolean listPersistent;
        @Option(names = "--list-running", description = "list only running domains") boolean listRunning;
        @Option(names = "--list-paused", description = "list only paused domains") boolean listPaused;
        @Option(names = "--list-shutoff", description = "list only shutoff domains") boolean listShutoff;
        @Option(names = "--list-other", description = "list only domains in other states") boolean listOther;
        @Option(names = "--raw", description = "do not pretty-print the fields") boolean raw;

        @Override
        public boolean blankLineAfter() {
            return false; // every record already ends with one
        }

        @Override
        public void run(CommandContext ctx) {
            Set<StatsGroup> groups = EnumSet.noneOf(StatsGroup.class);
            add(groups, state, StatsGroup.STATE);
            add(groups, cpuTotal, StatsGroup.CPU_TOTAL);
            add(groups, balloon, StatsGroup.BALLOON);
            add(groups, vcpu, StatsGroup.VCPU);
            add(groups, iface, StatsGroup.INTERFACE);
            add(groups, block, StatsGroup.BLOCK);
            add(groups, perf, StatsGroup.PERF);
            add(groups, iothread, StatsGroup.IOTHREAD);
            add(groups, memory, StatsGroup.MEMORY);
            add(groups, dirtyrate, StatsGroup.DIRTYRATE);
            add(groups, vm, StatsGroup.VM);
            List<DomainStats> records;
            try {
                if (domains.isEmpty()) {
                    Set<DomainListFlag> flags = EnumSet.noneOf(DomainListFlag.class);
                    addFlag(flags, listActive, DomainListFlag.ACTIVE);
                    addFlag(flags, listInactive, DomainListFlag.INACTIVE);
                    addFlag(flags, listPersistent, DomainListFlag.PERSISTENT);
                    addFlag(flags, listRunning, DomainListFlag.RUNNING);
                    addFlag(flags, listPaused, DomainListFlag.PAUSED);
                    addFlag(flags, listShutoff, DomainListFlag.SHUTOFF);
                    addFlag(flags, listOther, DomainListFlag.OTHER);
                    records = ctx.conn().allDomainStats(groups, flags);
                } else {
                    if (listActive || listInactive || listPersistent || listRunning || listPaused || listShutoff
                            || listOther) {
                        throw CliFailure.usage("Filtering using --list-* flags is not supported together with domain list");
                    }
                    List<Domain> list = new ArrayList<>();
                    for (String d : domains) {
                        list.add(ctx.lookup().domain(d));
                    }
                    records = ctx.conn().domainStats(list, groups);
                }
            } catch (HypervisorException e) {
                throw new CliFailure(CliFailure.describe(e));
            }
            for (DomainStats r : records) {
                ctx.out().println("Domain: '" + r.domain().name() + "'");
                for (TypedParameter p : r.params()) {
                    ctx.out().println("  " + p.name() + "=" + p.value());
                }
                ctx.out().println();
            }
        }

        private static void add(Set<StatsGroup> groups, boolean on, StatsGroup g) {
            if (on) {
                groups.add(g);
            }
        }

        private static void addFlag(Set<DomainListFlag> flags, boolean on, DomainListFlag f) {
            if (on) {
                flags.add(f);
            }
        }
    }

    @ReadOnlyCommand
    @Command(name = "dommemstat", description = "get memory statistics for a domain")
    public static final class Dommemstat extends VirshCommand {
        @Mixin
        DomainArg domain;

        @Override
        public void run(CommandContext ctx) {
            Domain d = ctx.lookup().domain(domain.value(name()));
            DomainStats s;
            try {
                s = ctx.conn().domainStats(List.of(d), Set.of(StatsGroup.BALLOON)).get(0);
            } catch (HypervisorException e) {
                throw new CliFailure("Unable to get memory statistics", e);
            }
            // virsh's names and order (virDomainMemoryStatTags) for what the driver reports
            s.param("balloon.current").ifPresent(p -> ctx.out().println("actual " + p.value()));
            s.param("balloon.rss").ifPresent(p -> ctx.out().println("rss " + p.value()));
        }
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    @ReadOnlyCommand
    @Command(name = "domblklist", description = "list all domain blocks")
    public static final class Domblklist extends VirshCommand {
        @Mixin
        DomainArg domain;
        @Option(names = "--inactive", description = "get inactive rather than running configuration") boolean inactive;
        @Option(names = "--details", description = "additionally display the type and device value") boolean details;

        @Override
        public void run(CommandContext ctx) {
            // the driver's device list: on ESX the server's devices (vcsim never rewrites a .vmx)
            List<DiskDef> disks = ctx.lookup().domain(domain.value(name())).diskDevices(inactive);
            VirshTable t = details ? new VirshTable("Type", "Device", "Target", "Source") : new VirshTable("Target", "Source");
            for (DiskDef disk : disks) {
                if (details) {
                    t.row(disk.type(), disk.device(), disk.targetDev(), dash(disk.source()));
                } else {
                    t.row(disk.targetDev(), dash(disk.source()));
                }
            }
            t.print(ctx.out(), ctx.quiet());
        }
    }

    @ReadOnlyCommand
    @Command(name = "domiflist", description = "list all domain virtual interfaces")
    public static final class Domiflist extends VirshCommand {
        @Mixin
        DomainArg domain;
        @Option(names = "--inactive", description = "get inactive rather than running configuration") boolean inactive;

        @Override
        public void run(CommandContext ctx) {
            List<InterfaceDef> interfaces = ctx.lookup().domain(domain.value(name())).interfaceDevices(inactive);
            VirshTable t = new VirshTable("Interface", "Type", "Source", "Model", "MAC");
            for (InterfaceDef i : interfaces) {
                t.row(dash(i.targetDev()), i.type(), dash(i.sourceBridge()), dash(i.model()),
                        i.mac() == null ? "-" : i.mac().toString());
            }
            t.print(ctx.out(), ctx.quiet());
        }
    }
}
