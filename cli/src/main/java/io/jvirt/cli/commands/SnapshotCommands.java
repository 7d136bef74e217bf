package io.jvirt.cli.commands;

import io.jvirt.cli.session.CliFailure;
import io.jvirt.cli.session.CommandContext;
import io.jvirt.cli.session.ReadOnlyCommand;
import io.jvirt.cli.session.VirshCommand;
import io.jvirt.cli.output.VirshTable;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainSnapshot;
import io.jvirt.spi.DomainXmlFlag;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.SnapshotFlag;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Snapshots: snapshot-create-as, -list, -current, -parent, -dumpxml, -revert, -delete. */
public final class SnapshotCommands {
    private SnapshotCommands() {
    }

    /** A command on one snapshot: {@code <domain>}, then {@code <snapshotname>} (or the option), or {@code --current}. */
    abstract static class SnapshotCommand extends VirshCommand {
        @Mixin
        DomainArg domain;
        @Parameters(index = "1", arity = "0..1", paramLabel = "<snapshotname>", description = "snapshot name")
        String positional;
        @Option(names = "--snapshotname", paramLabel = "<snapshotname>", description = "snapshot name")
        String option;
        @Option(names = "--current", description = "use the current snapshot")
        boolean current;

        DomainSnapshot resolve(Domain d) {
            String name = option != null ? option : positional;
            if (name != null) {
                return d.snapshotLookupByName(name);
            }
            if (current) {
                return current(d);
            }
            throw new CliFailure("--snapshotname or --current is required");
        }
    }

    static DomainSnapshot current(Domain d) {
        try {
            return d.currentSnapshot();
        } catch (HypervisorException e) {
            if (e.code() == ErrorCode.NO_DOMAIN_SNAPSHOT) {
                throw new CliFailure("domain '" + d.name() + "' has no current snapshot");
            }
            throw e;
        }
    }

    @Command(name = "snapshot-create-as", description = "Create a snapshot from a set of args")
    public static final class CreateAs extends VirshCommand {
        @Mixin
        DomainArg domain;
        @Parameters(index = "1", arity = "0..1", paramLabel = "<name>", description = "name of snapshot")
        String snapName;
        @Parameters(index = "2", arity = "0..1", paramLabel = "<description>", description = "description of snapshot")
        String description;
        @Option(names = "--name", paramLabel = "<name>", hidden = true)
        String nameOption;
        @Option(names = "--description", paramLabel = "<description>", hidden = true)
        String descriptionOption;
        @Option(names = "--print-xml", description = "print XML document rather than create")
        boolean printXml;
        @Option(names = "--disk-only", description = "capture disk state but not vm state")
        boolean diskOnly;
        @Option(names = "--quiesce", description = "quiesce guest's file systems")
        boolean quiesce;
        @Option(names = "--no-metadata", description = "take snapshot but create no metadata")
        boolean noMetadata;

        @Override
        protected boolean readOnlyUse() {
            return printXml;
        }

        @Override
        public boolean blankLineAfter() {
            return printXml;
        }

        @Override
        public void run(CommandContext ctx) {
            String n = nameOption != null ? nameOption : snapName;
            String desc = descriptionOption != null ? descriptionOption : description;
            StringBuilder xml = new StringBuilder("<domainsnapshot>\n");
            if (n != null) {
                xml.append("  <name>").append(Xml.escape(n)).append("</name>\n");
            }
            if (desc != null) {
                xml.append("  <description>").append(Xml.escape(desc)).append("</description>\n");
            }
            xml.append("</domainsnapshot>\n");
            if (printXml) {
                ctx.out().print(xml);
                return;
            }
            Set<SnapshotFlag> flags = EnumSet.noneOf(SnapshotFlag.class);
            if (diskOnly) {
                flags.add(SnapshotFlag.DISK_ONLY);
            }
            if (quiesce) {
                flags.add(SnapshotFlag.QUIESCE);
            }
            if (noMetadata) {
                flags.add(SnapshotFlag.NO_METADATA);
            }
            Domain d = ctx.lookup().domain(domain.value(name()));
            DomainSnapshot s = ctx.withProgress("Snapshot", true, p -> d.createSnapshot(xml.toString(), flags, p));
            ctx.out().println("Domain snapshot " + s.name() + " created");
        }
    }

    @Command(name = "snapshot-list", description = "List snapshots for a domain")
    @ReadOnlyCommand
    public static final class ListSnapshots extends VirshCommand {
        @Mixin
        DomainArg domain;
        @Option(names = "--parent", description = "add a column showing parent snapshot")
        boolean parent;
        @Option(names = "--roots", description = "list only snapshots without parents")
        boolean roots;
        @Option(names = "--leaves", description = "list only snapshots without children")
        boolean leaves;
        @Option(names = "--tree", description = "list snapshots in a tree")
        boolean tree;
        @Option(names = "--name", description = "list snapshot names only")
        boolean namesOnly;

        @Override
        public void run(CommandContext ctx) {
            if (tree && (parent || roots || leaves || namesOnly)) {
                throw new CliFailure("Options --tree and --parent, --roots, --leaves, --name are mutually exclusive");
            }
            Domain d = ctx.lookup().domain(domain.value(name()));
            Set<SnapshotFlag> flags = EnumSet.noneOf(SnapshotFlag.class);
            List<DomainSnapshot> all = d.listSnapshots(flags);
            Map<String, SnapshotXml> info = new LinkedHashMap<>();
            Map<String, String> parentOf = new LinkedHashMap<>();
            for (DomainSnapshot s : all) {
                SnapshotXml x = SnapshotXml.parse(s.name(), s.xmlDesc());
                info.put(s.name(), x);
                if (x.parent() != null) {
                    parentOf.put(s.name(), x.parent());
                }
            }
            if (tree) {
                new SnapshotTree(new ArrayList<>(info.keySet()), parentOf, ctx.out()).print();
                return;
            }
            Set<String> hasChildren = new HashSet<>(parentOf.values());
            List<SnapshotXml> shown = info.values().stream()
                    .filter(x -> !roots || x.parent() == null)
                    .filter(x -> !leaves || !hasChildren.contains(x.name()))
                    .toList();
            if (namesOnly) {
                shown.forEach(x -> ctx.out().println(x.name()));
                return;
            }
            ZoneId zone = ZoneId.systemDefault();
            VirshTable t = parent ? new VirshTable("Name", "Creation Time", "State", "Parent")
                    : new VirshTable("Name", "Creation Time", "State");
            for (SnapshotXml x : shown) {
                if (parent) {
                    t.row(x.name(), x.creationTimeText(zone), x.state(), x.parent() == null ? "" : x.parent());
                } else {
                    t.row(x.name(), x.creationTimeText(zone), x.state());
                }
            }
            t.print(ctx.out(), ctx.quiet());
        }

    }

    @Command(name = "snapshot-current", description = "Get the current snapshot")
    @ReadOnlyCommand
    public static final class Current extends VirshCommand {
        @Mixin
        DomainArg domain;
        @Option(names = "--name", description = "list the name, rather than the full xml")
        boolean nameOnly;
        @Option(names = "--security-info", description = "include security sensitive information in XML dump")
        boolean securityInfo;

        @Override
        public void run(CommandContext ctx) {
            Domain d = ctx.lookup().domain(domain.value(name()));
            DomainSnapshot s = current(d);
            if (nameOnly) {
                ctx.out().println(s.name());
            } else {
                Xml.print(ctx.out(), s.xmlDesc(securityInfo ? Set.of(DomainXmlFlag.SECURE) : Set.of()));
            }
        }
    }

    @Command(name = "snapshot-parent", description = "Get the name of the parent of a snapshot")
    @ReadOnlyCommand
    public static final class Parent extends SnapshotCommand {

        @Override
        public void run(CommandContext ctx) {
            Domain d = ctx.lookup().domain(domain.value(name()));
            DomainSnapshot s = resolve(d);
            try {
                ctx.out().println(s.parent().name());
            } catch (HypervisorException e) {
                if (e.code() == ErrorCode.NO_DOMAIN_SNAPSHOT) {
                    throw new CliFailure("snapshot '" + s.name() + "' has no parent");
                }
                throw e;
            }
        }
    }

    @Command(name = "snapshot-dumpxml", description = "Dump XML for a domain snapshot")
    @ReadOnlyCommand
    public static final class DumpXml extends VirshCommand {
        @Mixin
        DomainArg domain;
        @Parameters(index = "1", arity = "0..1", paramLabel = "<snapshotname>", description = "snapshot name")
        String snapName;
        @Option(names = "--snapshotname", paramLabel = "<snapshotname>", hidden = true)
        String snapOption;
        @Option(names = "--security-info", description = "include security sensitive information in XML dump")
        boolean securityInfo;

        @Override
        public void run(CommandContext ctx) {
            String n = require(snapOption != null ? snapOption : snapName, "snapshotname");
            Domain d = ctx.lookup().domain(domain.value(name()));
            Xml.print(ctx.out(), d.snapshotLookupByName(n)
                    .xmlDesc(securityInfo ? Set.of(DomainXmlFlag.SECURE) : Set.of()));
        }
    }

    @Command(name = "snapshot-revert", description = "Revert a domain to a snapshot")
    public static final class Revert extends SnapshotCommand {
        @Option(names = "--running", description = "after reverting, change state to running")
        boolean running;
        @Option(names = "--paused", description = "after reverting, change state to paused")
        boolean paused;
        @Option(names = "--force", description = "try harder on risky reverts")
        boolean force;

        @Override
        public void run(CommandContext ctx) {
            Domain d = ctx.lookup().domain(domain.value(name()));
            DomainSnapshot s = resolve(d);
            ctx.runWithProgress("Revert", true, p -> s.revert(p));
            ctx.out().println("Domain snapshot " + s.name() + " reverted");
        }
    }

    @Command(name = "snapshot-delete", description = "Delete a domain snapshot")
    public static final class Delete extends SnapshotCommand {
        @Option(names = "--children", description = "delete snapshot and all children")
        boolean children;
        @Option(names = "--metadata", description = "delete only libvirt metadata, leaving snapshot contents behind")
        boolean metadata;

        @Override
        public void run(CommandContext ctx) {
            Domain d = ctx.lookup().domain(domain.value(name()));
            DomainSnapshot s = resolve(d);
            Set<SnapshotFlag> flags = EnumSet.noneOf(SnapshotFlag.class);
            if (children) {
                flags.add(SnapshotFlag.CHILDREN);
            }
            if (metadata) {
                flags.add(SnapshotFlag.METADATA_ONLY);
            }
            attempt("Failed to delete snapshot " + s.name(), () -> ctx.runWithProgress("Delete", true, p -> s.delete(flags, p)));
            ctx.out().println(children ? "Domain snapshot " + s.name() + " children deleted"
                    : "Domain snapshot " + s.name() + " deleted");
        }
    }
}
