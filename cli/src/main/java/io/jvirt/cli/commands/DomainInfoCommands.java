package io.jvirt.cli.commands;

import io.jvirt.cli.session.CliFailure;
import io.jvirt.cli.session.CommandContext;
import io.jvirt.cli.session.ReadOnlyCommand;
import io.jvirt.cli.session.VirshCommand;
import io.jvirt.cli.output.Fields;
import io.jvirt.cli.output.VirshTable;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainInfo;
import io.jvirt.spi.DomainInterface;
import io.jvirt.spi.DomainListFlag;
import io.jvirt.spi.DomainXmlFlag;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.InterfaceAddressSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Read-only domain commands: list, dominfo, domstate, domid, domname, domuuid, dumpxml, domhostname, domifaddr. */
public final class DomainInfoCommands {
    private DomainInfoCommands() {
    }

    static String id(Domain d) {
        return d.id() >= 0 ? Integer.toString(d.id()) : "-";
    }

    @Command(name = "list", description = "list domains")
    @ReadOnlyCommand
    public static final class ListDomains extends VirshCommand {
        @Option(names = "--all", description = "list inactive & active domains")
        boolean all;
        @Option(names = "--inactive", description = "list inactive domains")
        boolean inactive;
        @Option(names = "--name", description = "list domain names only")
        boolean name;
        @Option(names = "--uuid", description = "list uuid's only")
        boolean uuid;
        @Option(names = "--table", description = "list table (default)")
        boolean table;
        @Option(names = "--state-running", description = "list domains in running state")
        boolean running;
        @Option(names = "--state-paused", description = "list domains in paused state")
        boolean paused;
        @Option(names = "--state-shutoff", description = "list domains in shutoff state")
        boolean shutoff;

        @Override
        public void run(CommandContext ctx) {
            Set<DomainListFlag> flags = EnumSet.noneOf(DomainListFlag.class);
            if (!all && inactive) {
                flags.add(DomainListFlag.INACTIVE);
            } else if (!all) {
                flags.add(DomainListFlag.ACTIVE);
            }
            if (running) {
                flags.add(DomainListFlag.RUNNING);
            }
            if (paused) {
                flags.add(DomainListFlag.PAUSED);
            }
            if (shutoff) {
                flags.add(DomainListFlag.SHUTOFF);
            }
            if (all && (running || paused || shutoff)) {
                flags.remove(DomainListFlag.ACTIVE);
            }
            List<Domain> domains = new ArrayList<>(ctx.conn().listAllDomains(flags));
            // virsh: running domains by id, then inactive ones by name
            domains.sort(Comparator.comparing((Domain d) -> d.id() < 0).thenComparingInt(Domain::id)
                    .thenComparing(Domain::name));
            if (name || uuid) {
                for (Domain d : domains) {
                    ctx.out().println(uuid && name ? d.uuid() + " " + d.name() : uuid ? d.uuid().toString() : d.name());
                }
                return;
            }
            VirshTable t = new VirshTable("Id", "Name", "State");
            for (Domain d : domains) {
                t.row(id(d), d.name(), d.state().label());
            }
            t.print(ctx.out(), ctx.quiet());
        }

    }

    @Command(name = "dominfo", description = "domain information")
    @ReadOnlyCommand
    public static final class Dominfo extends VirshCommand {
        @Mixin
        DomainArg domain;

        @Override
        public void run(CommandContext ctx) {
            Domain d = ctx.lookup().domain(domain.value(name()));
            Fields f = Fields.info(ctx.out());
            f.add("Id:", id(d)).add("Name:", d.name()).add("UUID:", d.uuid());
            optional(d::osType).ifPresent(os -> f.add("OS Type:", os));
            DomainInfo info = d.info();
            f.add("State:", info.state().label()).add("CPU(s):", info.vcpus());
            if (info.cpuTimeNs() >= 0) {
                f.add("CPU time:", String.format(Locale.ROOT, "%.1fs", info.cpuTimeNs() / 1e9));
            }
            f.add("Max memory:", info.maxMemoryKiB() == 0 ? "no limit" : info.maxMemoryKiB() + " KiB");
            f.add("Used memory:", info.memoryKiB() + " KiB");
            f.add("Persistent:", optional(d::isPersistent).map(VirshCommand::yesNoOf).orElse("unknown"));
            optional(d::autostart).ifPresent(a -> f.add("Autostart:", a ? "enable" : "disable"));
            f.add("Managed save:", optional(d::hasManagedSaveImage).map(VirshCommand::yesNoOf).orElse("unknown"));
        }
    }

    /** A value the driver may not provide: empty then, like virsh leaving out the line. */
    static <T> java.util.Optional<T> optional(java.util.function.Supplier<T> s) {
        try {
            return java.util.Optional.ofNullable(s.get());
        } catch (HypervisorException e) {
            return java.util.Optional.empty();
        }
    }

    @Command(name = "domstate", description = "domain state")
    @ReadOnlyCommand
    public static final class Domstate extends VirshCommand {
        @Mixin
        DomainArg domain;
        @Option(names = "--reason", description = "also print reason for the state")
        boolean reason;

        @Override
        public void run(CommandContext ctx) {
            Domain d = ctx.lookup().domain(domain.value(name()));
            String state = d.currentState().label();
            ctx.out().println(reason ? state + " (unknown)" : state);
        }
    }

    @Command(name = "domid", description = "convert a domain name or UUID to domain id")
    @ReadOnlyCommand
    public static final class Domid extends VirshCommand {
        @Mixin
        DomainArg domain;

        @Override
        public void run(CommandContext ctx) {
            ctx.out().println(id(ctx.lookup().domain(domain.value(name()))));
        }
    }

    @Command(name = "domname", description = "convert a domain id or UUID to domain name")
    @ReadOnlyCommand
    public static final class Domname extends VirshCommand {
        @Mixin
        DomainArg domain;

        @Override
        public void run(CommandContext ctx) {
            ctx.out().println(ctx.lookup().domain(domain.value(name()), false).name());
        }
    }

    @Command(name = "domuuid", description = "convert a domain name or id to domain UUID")
    @ReadOnlyCommand
    public static final class Domuuid extends VirshCommand {
        @Mixin
        DomainArg domain;

        @Override
        public void run(CommandContext ctx) {
            ctx.out().println(ctx.lookup().domain(domain.value(name())).uuid());
        }
    }

    @Command(name = "dumpxml", description = "domain information in XML")
    @ReadOnlyCommand
    public static final class Dumpxml extends VirshCommand {
        @Mixin
        DomainArg domain;
        @Option(names = "--inactive", description = "show inactive defined XML")
        boolean inactive;
        @Option(names = "--security-info", description = "include security sensitive information in XML dump")
        boolean securityInfo;
        @Option(names = "--migratable", description = "provide XML suitable for migrations")
        boolean migratable;

        @Override
        public void run(CommandContext ctx) {
            Domain d = ctx.lookup().domain(domain.value(name()));
            Set<DomainXmlFlag> flags = EnumSet.noneOf(DomainXmlFlag.class);
            if (inactive) {
                flags.add(DomainXmlFlag.INACTIVE);
            }
            if (securityInfo) {
                flags.add(DomainXmlFlag.SECURE);
            }
            if (migratable) {
                flags.add(DomainXmlFlag.MIGRATABLE);
            }
            Xml.print(ctx.out(), d.xmlDesc(flags));
        }
    }

    @Command(name = "domhostname", description = "print the domain's hostname")
    @ReadOnlyCommand
    public static final class Domhostname extends VirshCommand {
        @Mixin
        DomainArg domain;

        @Override
        public void run(CommandContext ctx) {
            Domain d = ctx.lookup().domain(domain.value(name()));
            String host;
            try {
                host = d.guestHostname();
            } catch (HypervisorException e) {
                throw new CliFailure("failed to get hostname", e);
            }
            ctx.out().println(host);
        }
    }

    @Command(name = "domifaddr", description = "Get network interfaces' addresses for a running domain")
    @ReadOnlyCommand
    public static final class Domifaddr extends VirshCommand {
        @Mixin
        DomainArg domain;
        @Option(names = "--interface", paramLabel = "<interface>", description = "network interface name")
        String iface;
        @Option(names = "--full", description = "always display names and MACs of interfaces")
        boolean full;
        @Option(names = "--source", paramLabel = "<source>", description = "address source: 'lease', 'agent', or 'arp'")
        String source;

        @Override
        public void run(CommandContext ctx) {
            InterfaceAddressSource src = InterfaceAddressSource.LEASE;
            if (source != null) {
                try {
                    src = InterfaceAddressSource.valueOf(source.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new CliFailure("Unknown data source '" + source + "'");
                }
            }
            Domain d = ctx.lookup().domain(domain.value(name()));
            List<DomainInterface> ifaces;
            try {
                ifaces = d.interfaceAddresses(src);
            } catch (HypervisorException e) {
                throw new CliFailure("Failed to query for interfaces addresses", e);
            }
            String fmt = " %-10s %-17s    %-12s %s%n";
            if (!ctx.quiet()) {
                ctx.out().printf(fmt, "Name", "MAC address", "Protocol", "Address");
                ctx.out().println("-".repeat(79));
            }
            for (DomainInterface i : ifaces) {
                if (iface != null && !iface.equals(i.name())) {
                    continue;
                }
                String mac = i.hwaddr() == null ? "N/A" : i.hwaddr();
                if (i.addresses().isEmpty()) {
                    ctx.out().printf(fmt, i.name(), mac, "N/A", "N/A");
                }
                boolean first = true;
                for (DomainInterface.IpAddress a : i.addresses()) {
                    String proto = a.type() == DomainInterface.IpAddress.Type.IPV4 ? "ipv4" : "ipv6";
                    if (first || full) {
                        ctx.out().printf(fmt, i.name(), mac, proto, a);
                    } else {
                        ctx.out().printf(fmt, "-", "-", proto, a);
                    }
                    first = false;
                }
            }
        }
    }
}
