package io.jvirt.cli.commands;

import io.jvirt.cli.session.CliFailure;
import io.jvirt.cli.session.CommandContext;
import io.jvirt.cli.session.VirshCommand;
import io.jvirt.spi.Connection;
import io.jvirt.spi.Domain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.MigrateFlag;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code migrate DOMAIN DESTURI}: opens a second connection to the destination with the same
 * credential sources and moves the domain there. {@code --timeout N} suspends the domain when a
 * live migration runs longer than N seconds, so that it can converge, like virsh.
 */
@Command(name = "migrate", description = "migrate domain to another host")
public final class MigrateCommand extends VirshCommand {
    @Mixin
    DomainArg domain;
    @Parameters(index = "1", arity = "0..1", paramLabel = "<desturi>", description = "connection URI of the destination host")
    String destUri;
    @Parameters(index = "2", arity = "0..1", paramLabel = "<migrateuri>", description = "migration URI, usually can be omitted")
    String migrateUri;
    @Parameters(index = "3", arity = "0..1", paramLabel = "<dname>", description = "rename to new name during migration")
    String dname;
    @Option(names = "--desturi", paramLabel = "<desturi>", hidden = true)
    String destUriOption;
    @Option(names = "--migrateuri", paramLabel = "<migrateuri>", hidden = true)
    String migrateUriOption;
    @Option(names = "--dname", paramLabel = "<dname>", hidden = true)
    String dnameOption;
    @Option(names = "--live", description = "live migration")
    boolean live;
    @Option(names = "--offline", description = "offline migration")
    boolean offline;
    @Option(names = "--p2p", description = "peer-2-peer migration")
    boolean p2p;
    @Option(names = "--direct", description = "direct migration")
    boolean direct;
    @Option(names = "--tunnelled", description = "tunnelled migration")
    boolean tunnelled;
    @Option(names = "--persistent", description = "persist VM on destination")
    boolean persistent;
    @Option(names = "--undefinesource", description = "undefine VM on source")
    boolean undefineSource;
    @Option(names = "--suspend", description = "do not restart the domain on the destination host")
    boolean suspend;
    @Option(names = "--verbose", description = "display the progress of migration")
    boolean verbose;
    @Option(names = "--bandwidth", paramLabel = "<number>", description = "migration bandwidth limit in MiB/s")
    long bandwidth;
    @Option(names = "--timeout", paramLabel = "<number>", description = "suspend the guest if live migration exceeds timeout (in seconds)")
    Integer timeout;

    @Override
    public void run(CommandContext ctx) {
        String target = require(destUriOption != null ? destUriOption : destUri, "desturi");
        if (timeout != null) {
            if (timeout <= 0) {
                throw new CliFailure("migrate: Invalid timeout");
            }
            if (!live) {
                throw new CliFailure("migrate: Unexpected timeout for offline migration");
            }
        }
        Domain d = ctx.lookup().domain(domain.value(name()));
        Set<MigrateFlag> flags = EnumSet.noneOf(MigrateFlag.class);
        if (live) {
            flags.add(MigrateFlag.LIVE);
        }
        if (offline) {
            flags.add(MigrateFlag.OFFLINE);
        }
        if (p2p) {
            flags.add(MigrateFlag.PEER2PEER);
        }
        if (tunnelled) {
            flags.add(MigrateFlag.TUNNELLED);
        }
        if (persistent) {
            flags.add(MigrateFlag.PERSIST_DEST);
        }
        if (undefineSource) {
            flags.add(MigrateFlag.UNDEFINE_SOURCE);
        }
        if (suspend) {
            flags.add(MigrateFlag.PAUSED);
        }
        String uri = migrateUriOption != null ? migrateUriOption : migrateUri;
        String newName = dnameOption != null ? dnameOption : dname;
        try (Connection dest = ctx.session().openAdditional(target)) {
            ScheduledExecutorService timer = timeout == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "jvirsh-migrate-timeout");
                t.setDaemon(true);
                return t;
            });
            try {
                if (timer != null) {
                    timer.schedule(() -> suspendQuietly(ctx, d), timeout, TimeUnit.SECONDS);
                }
                ctx.withProgress("Migration", true, p -> d.migrate(dest, flags, newName, uri, bandwidth, p));
            } finally {
                if (timer != null) {
                    timer.shutdownNow();
                }
            }
        } catch (HypervisorException e) {
            throw new CliFailure(CliFailure.describe(e));
        }
    }

    private static void suspendQuietly(CommandContext ctx, Domain d) {
        try {
            d.suspend();
        } catch (HypervisorException e) {
            ctx.err().println("error: migrate: failed to suspend domain after timeout: " + e.getMessage());
        }
    }
}
