package io.jvirt.cli.commands;

import io.jvirt.cli.session.CliFailure;
import io.jvirt.cli.session.CommandContext;
import io.jvirt.cli.session.ReadOnlyCommand;
import io.jvirt.cli.session.VirshCommand;
import io.jvirt.cli.output.Fields;
import io.jvirt.cli.output.Sizes;
import io.jvirt.cli.output.VirshTable;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.StoragePool;
import io.jvirt.spi.StorageVolume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Storage pools and volumes: pool-list, pool-info, pool-dumpxml, pool-refresh, vol-*. */
public final class StorageCommands {
    private StorageCommands() {
    }

    /** The {@code <pool>} argument, positional or {@code --pool}. */
    abstract static class PoolCommand extends VirshCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "<pool>", description = "pool name or uuid")
        String positional;
        @Option(names = "--pool", paramLabel = "<pool>", hidden = true)
        String option;

        StoragePool pool(CommandContext ctx) {
            return ctx.lookup().pool(require(option != null ? option : positional, "pool"));
        }
    }

    /** The {@code <vol>} argument with an optional {@code --pool}. */
    abstract static class VolCommand extends VirshCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "<vol>", description = "vol name, key or path")
        String positional;
        @Option(names = "--vol", paramLabel = "<vol>", hidden = true)
        String option;
        @Option(names = "--pool", paramLabel = "<pool>", description = "pool name or uuid")
        String pool;

        StorageVolume vol(CommandContext ctx) {
            return ctx.lookup().volume(require(option != null ? option : positional, "vol"), pool);
        }
    }

    @Command(name = "pool-list", description = "list pools")
    @ReadOnlyCommand
    public static final class PoolList extends VirshCommand {
        @Option(names = "--all", description = "list inactive & active pools")
        boolean all;
        @Option(names = "--inactive", description = "list inactive pools")
        boolean inactive;
        @Option(names = "--name", description = "list pool names only")
        boolean nameOnly;
        @Option(names = "--uuid", description = "list UUID of active pools only")
        boolean uuidOnly;
        @Option(names = "--details", description = "display extended details for pools")
        boolean details;

        @Override
        public void run(CommandContext ctx) {
            List<StoragePool> pools = new ArrayList<>(ctx.conn().listAllStoragePools());
            pools.removeIf(p -> all ? false : inactive ? p.isActive() : !p.isActive());
            pools.sort(Comparator.comparing(StoragePool::name, NameOrder.VIRSH));
            if (nameOnly || uuidOnly) {
                pools.forEach(p -> ctx.out().println(uuidOnly ? p.uuid().toString() : p.name()));
                return;
            }
            if (details) {
                printDetails(ctx, pools);
                return;
            }
            VirshTable t = new VirshTable("Name", "State", "Autostart");
            for (StoragePool p : pools) {
                String auto = DomainInfoCommands.optional(p::autostart).map(VirshCommand::yesNoOf).orElse("no autostart");
                t.row(p.name(), p.isActive() ? "active" : "inactive", auto);
            }
            t.print(ctx.out(), ctx.quiet());
        }

        /**
         * virsh's {@code --details} table: the pool's state as pool-info names it, persistence, and
         * capacity, allocation and available space in pool-info's units ({@code -} for a pool that is
         * not running, whose sizes mean nothing).
         */
        private static void printDetails(CommandContext ctx, List<StoragePool> pools) {
            VirshTable t = new VirshTable("Name", "State", "Autostart", "Persistent", "Capacity", "Allocation",
                    "Available");
            for (StoragePool p : pools) {
                String auto = DomainInfoCommands.optional(p::autostart).map(VirshCommand::yesNoOf).orElse("no autostart");
                StoragePool.Info info = p.info();
                boolean sized = info.state() == StoragePool.State.RUNNING || info.state() == StoragePool.State.DEGRADED;
                t.row(p.name(), info.state().label(), auto, yesNo(p.isPersistent()),
                        sized ? Sizes.pretty(info.capacity()) : "-", sized ? Sizes.pretty(info.allocation()) : "-",
                        sized ? Sizes.pretty(info.available()) : "-");
            }
            t.print(ctx.out(), ctx.quiet());
        }
    }

    @Command(name = "pool-info", description = "storage pool information")
    @ReadOnlyCommand
    public static final class PoolInfo extends PoolCommand {
        @Override
        public void run(CommandContext ctx) {
            StoragePool p = pool(ctx);
            StoragePool.Info info = p.info();
            Fields f = Fields.info(ctx.out());
            f.add("Name:", p.name()).add("UUID:", p.uuid()).add("State:", info.state().label());
            f.add("Persistent:", yesNo(p.isPersistent()));
            f.add("Autostart:", DomainInfoCommands.optional(p::autostart).map(VirshCommand::yesNoOf).orElse("no autostart"));
            if (info.state() == StoragePool.State.RUNNING || info.state() == StoragePool.State.DEGRADED) {
                f.add("Capacity:", Sizes.pretty(info.capacity()))
                        .add("Allocation:", Sizes.pretty(info.allocation()))
                        .add("Available:", Sizes.pretty(info.available()));
            }
        }
    }

    @Command(name = "pool-dumpxml", description = "pool information in XML")
    @ReadOnlyCommand
    public static final class PoolDumpXml extends PoolCommand {
        @Option(names = "--inactive", description = "show inactive defined XML")
        boolean inactive;

        @Override
        public void run(CommandContext ctx) {
            Xml.print(ctx.out(), pool(ctx).xmlDesc());
        }
    }

    @Command(name = "pool-refresh", description = "refresh a pool")
    public static final class PoolRefresh extends PoolCommand {
        @Override
        public void run(CommandContext ctx) {
            StoragePool p = pool(ctx);
            attempt("Failed to refresh pool " + p.name(), () -> p.refresh());
            ctx.printExtra("Pool " + p.name() + " refreshed");
        }
    }

    @Command(name = "vol-list", description = "list vols")
    @ReadOnlyCommand
    public static final class VolList extends PoolCommand {
        @Option(names = "--details", description = "display extended details for volumes")
        boolean details;

        @Override
        public void run(CommandContext ctx) {
            StoragePool p = pool(ctx);
            List<StorageVolume> vols = new ArrayList<>(p.listAllVolumes());
            vols.sort(Comparator.comparing(StorageVolume::name, NameOrder.VIRSH));
            if (details) {
                // virsh's columns; sizes as vol-info shows them
                VirshTable t = new VirshTable("Name", "Path", "Type", "Capacity", "Allocation");
                for (StorageVolume v : vols) {
                    StorageVolume.Info info = v.info();
                    t.row(v.name(), v.path(), info.type().label(), Sizes.pretty(info.capacity()),
                            Sizes.pretty(info.allocation()));
                }
                t.print(ctx.out(), ctx.quiet());
                return;
            }
            VirshTable t = new VirshTable("Name", "Path");
            vols.forEach(v -> t.row(v.name(), v.path()));
            t.print(ctx.out(), ctx.quiet());
        }

    }

    @Command(name = "vol-info", description = "storage vol information")
    @ReadOnlyCommand
    public static final class VolInfo extends VolCommand {
        @Option(names = "--bytes", description = "sizes are represented in bytes rather than pretty units")
        boolean bytes;

        @Override
        public void run(CommandContext ctx) {
            StorageVolume v = vol(ctx);
            StorageVolume.Info info = v.info();
            Fields.info(ctx.out()).add("Name:", v.name()).add("Type:", info.type().label())
                    .add("Capacity:", bytes ? info.capacity() + " bytes" : Sizes.pretty(info.capacity()))
                    .add("Allocation:", bytes ? info.allocation() + " bytes" : Sizes.pretty(info.allocation()));
        }
    }

    @Command(name = "vol-dumpxml", description = "vol information in XML")
    @ReadOnlyCommand
    public static final class VolDumpXml extends VolCommand {
        @Override
        public void run(CommandContext ctx) {
            Xml.print(ctx.out(), vol(ctx).xmlDesc());
        }
    }

    @Command(name = "vol-create-as", description = "create a volume from a set of args")
    public static final class VolCreateAs extends VirshCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "<pool>", description = "pool name")
        String pool;
        @Parameters(index = "1", arity = "0..1", paramLabel = "<name>", description = "name of the volume")
        String volName;
        @Parameters(index = "2", arity = "0..1", paramLabel = "<capacity>", description = "size of the vol, as scaled integer (default bytes)")
        String capacity;
        @Option(names = "--allocation", paramLabel = "<string>", description = "initial allocation size, as scaled integer (default bytes)")
        String allocation;
        @Option(names = "--format", paramLabel = "<string>", description = "file format type raw,bochs,qcow,qcow2,qed,vmdk")
        String format;
        @Option(names = "--print-xml", description = "print XML document, but don't define/create")
        boolean printXml;

        @Override
        protected boolean readOnlyUse() {
            return printXml;
        }

        @Override
        public void run(CommandContext ctx) {
            String poolName = require(pool, "pool");
            String n = require(volName, "name");
            long cap = ScaledSize.parse(require(capacity, "capacity"), 1, "capacity");
            StringBuilder xml = new StringBuilder("<volume>\n  <name>").append(Xml.escape(n)).append("</name>\n");
            xml.append("  <capacity>").append(cap).append("</capacity>\n");
            if (allocation != null) {
                xml.append("  <allocation>").append(ScaledSize.parse(allocation, 1, "allocation")).append("</allocation>\n");
            }
            if (format != null) {
                xml.append("  <target>\n    <format type='").append(Xml.escape(format)).append("'/>\n  </target>\n");
            }
            xml.append("</volume>\n");
            if (printXml) {
                ctx.out().print(xml);
                return;
            }
            StoragePool p = ctx.lookup().pool(poolName);
            attempt("Failed to create vol " + n, () -> ctx.withProgress("Create", true, pr -> p.createVolume(xml.toString(), pr)));
            ctx.printExtra("Vol " + n + " created");
        }
    }

    @Command(name = "vol-clone", description = "clone a volume.")
    public static final class VolClone extends VolCommand {
        @Parameters(index = "1", arity = "0..1", paramLabel = "<newname>", description = "clone name")
        String newName;

        @Override
        public void run(CommandContext ctx) {
            String n = require(newName, "newname");
            StorageVolume source = vol(ctx);
            String xml = "<volume>\n  <name>" + Xml.escape(n) + "</name>\n  <capacity>"
                    + DomainInfoCommands.optional(() -> source.info().capacity()).orElse(0L) + "</capacity>\n</volume>\n";
            attempt("Failed to clone vol from " + source.name(), () -> ctx.withProgress("Clone", true, p -> source.pool().createVolumeFrom(xml, source, p)));
            ctx.printExtra("Vol " + n + " cloned from " + source.name());
        }
    }

    @Command(name = "vol-delete", description = "delete a vol")
    public static final class VolDelete extends VolCommand {
        @Override
        public void run(CommandContext ctx) {
            StorageVolume v = vol(ctx);
            attempt("Failed to delete vol " + v.name(), () -> v.delete());
            ctx.printExtra("Vol " + v.name() + " deleted");
        }
    }

    @Command(name = "vol-wipe", description = "wipe a vol")
    public static final class VolWipe extends VolCommand {
        @Override
        public void run(CommandContext ctx) {
            StorageVolume v = vol(ctx);
            attempt("Failed to wipe vol " + v.name(), () -> v.wipe());
            ctx.printExtra("Vol " + v.name() + " wiped");
        }
    }

    /** vol-upload and vol-download: a volume, a local file, an optional byte range. */
    abstract static class TransferCommand extends VolCommand {
        @Parameters(index = "1", arity = "0..1", paramLabel = "<file>", description = "file")
        String file;
        @Option(names = "--offset", paramLabel = "<number>", description = "volume offset to start at")
        long offset;
        @Option(names = "--length", paramLabel = "<number>", description = "amount of data")
        long length = -1;
    }

    @Command(name = "vol-upload", description = "upload file contents to a volume")
    public static final class VolUpload extends TransferCommand {
        @Override
        public void run(CommandContext ctx) {
            String f = require(file, "file");
            StorageVolume v = vol(ctx);
            try (InputStream in = Files.newInputStream(Path.of(f))) {
                ctx.runWithProgress("Upload", true, p -> v.upload(in, offset, length, p));
            } catch (IOException e) {
                throw new CliFailure("cannot read from file '" + f + "': " + e.getMessage());
            } catch (HypervisorException e) {
                throw new CliFailure("cannot upload to volume " + v.name(), e);
            }
        }
    }

    @Command(name = "vol-download", description = "download volume contents to a file")
    @ReadOnlyCommand
    public static final class VolDownload extends TransferCommand {
        @Override
        public void run(CommandContext ctx) {
            String f = require(file, "file");
            StorageVolume v = vol(ctx);
            try (OutputStream out = Files.newOutputStream(Path.of(f))) {
                ctx.runWithProgress("Download", true, p -> v.download(out, offset, length, p));
            } catch (IOException e) {
                throw new CliFailure("cannot create file '" + f + "': " + e.getMessage());
            } catch (HypervisorException e) {
                throw new CliFailure("cannot download from volume " + v.name(), e);
            }
        }
    }
}
