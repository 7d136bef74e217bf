package io.jvirt.cli.commands;

import io.jvirt.cli.session.CliFailure;
import io.jvirt.cli.session.CommandContext;
import io.jvirt.cli.session.ReadOnlyCommand;
import io.jvirt.cli.session.VirshCommand;
import io.jvirt.spi.Domain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.TypedParameter;
import io.jvirt.spi.InterfaceStats;
import io.jvirt.spi.stats.StatsFields;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * I/O and node statistics with virsh's output: domblkstat, domifstat, nodecpustats,
 * nodememstats (formats of virsh's {@code virsh-domain-monitor.c} / {@code virsh-host.c}).
 */
public final class IoStatsCommands {
    private IoStatsCommands() {
    }

    /** virsh's names for block statistics: the legacy short name and the --human label. */
    private record BlockField(String field, String legacy, String human) {
    }

    private static final List<BlockField> BLOCK_FIELDS = List.of(
            new BlockField(StatsFields.BLOCK_READ_REQ, "rd_req", "number of read operations:"),
            new BlockField(StatsFields.BLOCK_READ_BYTES, "rd_bytes", "number of bytes read:"),
            new BlockField(StatsFields.BLOCK_WRITE_REQ, "wr_req", "number of write operations:"),
            new BlockField(StatsFields.BLOCK_WRITE_BYTES, "wr_bytes", "number of bytes written:"),
            new BlockField(StatsFields.BLOCK_ERRS, "errs", "error count:"),
            new BlockField(StatsFields.BLOCK_FLUSH_REQ, null, "number of flush operations:"),
            new BlockField(StatsFields.BLOCK_READ_TOTAL_TIMES, null, "total duration of reads (ns):"),
            new BlockField(StatsFields.BLOCK_WRITE_TOTAL_TIMES, null, "total duration of writes (ns):"),
            new BlockField(StatsFields.BLOCK_FLUSH_TOTAL_TIMES, null, "total duration of flushes (ns):"));

    @ReadOnlyCommand
    @Command(name = "domblkstat", description = "get device block stats for a domain")
    public static final class Domblkstat extends VirshCommand {
        @Mixin
        DomainArg domain;
        @Parameters(index = "1", arity = "0..1", paramLabel = "<device>", description = "block device")
        String positional;
        @Option(names = "--device", paramLabel = "<device>", description = "block device") String option;
        @Option(names = "--human", description = "print a more human readable output") boolean human;

        @Override
        public void run(CommandContext ctx) {
            Domain d = ctx.lookup().domain(domain.value(name()));
            String device = option != null ? option : positional == null ? "" : positional;
            List<TypedParameter> stats;
            try {
                if (device.isEmpty()) {
                    throw new HypervisorException(io.jvirt.spi.error.ErrorCode.OPERATION_UNSUPPORTED, io.jvirt.spi.error.ErrorDomain.CORE,
                            "summary statistics are not supported yet");
                }
                stats = d.blockStats(device);
            } catch (HypervisorException e) {
                throw new CliFailure("Failed to get block stats " + d.name() + " " + device, e);
            }
            PrintStream out = ctx.out();
            if (human) {
                out.println("Device: " + device);
            }
            for (BlockField f : BLOCK_FIELDS) {
                for (TypedParameter p : stats) {
                    if (p.name().equals(f.field()) && ((Number) p.value()).longValue() >= 0) {
                        // virsh: "%s %-*s %lld" with the device (empty when human) and width 31 when human
                        String label = human ? String.format(Locale.ROOT, "%-31s", f.human())
                                : f.legacy() != null ? f.legacy() : f.field();
                        out.println((human ? "" : device) + " " + label + " " + p.value());
                    }
                }
            }
            for (TypedParameter p : stats) {
                if (BLOCK_FIELDS.stream().noneMatch(f -> f.field().equals(p.name()))) {
                    out.println((human ? "" : device) + " " + (human ? String.format(Locale.ROOT, "%-31s", p.name())
                            : p.name()) + " " + p.value());
                }
            }
        }
    }

    @ReadOnlyCommand
    @Command(name = "domifstat", description = "get network interface stats for a domain")
    public static final class Domifstat extends VirshCommand {
        @Mixin
        DomainArg domain;
        @Parameters(index = "1", arity = "0..1", paramLabel = "<interface>", description = "interface device specified by name or MAC Address")
        String positional;
        @Option(names = "--interface", paramLabel = "<interface>", description = "interface device specified by name or MAC Address")
        String option;

        @Override
        public void run(CommandContext ctx) {
            String device = option != null ? option : positional;
            if (device == null) {
                throw CliFailure.usage("command 'domifstat' requires <interface> option");
            }
            Domain d = ctx.lookup().domain(domain.value(name()));
            InterfaceStats s;
            try {
                s = d.interfaceStats(device);
            } catch (HypervisorException e) {
                throw new CliFailure("Failed to get interface stats " + d.name() + " " + device, e);
            }
            PrintStream out = ctx.out();
            line(out, device, "rx_bytes", s.rxBytes());
            line(out, device, "rx_packets", s.rxPackets());
            line(out, device, "rx_errs", s.rxErrs());
            line(out, device, "rx_drop", s.rxDrop());
            line(out, device, "tx_bytes", s.txBytes());
            line(out, device, "tx_packets", s.txPackets());
            line(out, device, "tx_errs", s.txErrs());
            line(out, device, "tx_drop", s.txDrop());
        }

        private static void line(PrintStream out, String device, String name, long value) {
            if (value >= 0) {
                out.println(device + " " + name + " " + value);
            }
        }
    }

    @ReadOnlyCommand
    @Command(name = "nodecpustats", description = "Prints cpu stats of the node.")
    public static final class Nodecpustats extends VirshCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "<cpu>", description = "prints specified cpu statistics only.")
        Integer positional;
        @Option(names = "--cpu", paramLabel = "<cpu>", description = "prints specified cpu statistics only.") Integer option;
        @Option(names = "--percent", description = "prints by percentage during 1 second.") boolean percent;

        /** The fields virsh reads; absent ones stay 0, as in virsh's zeroed struct. */
        private record Sample(long user, long sys, long idle, long iowait, double util, boolean hasUtil) {
            static Sample of(List<TypedParameter> params) {
                long user = 0, sys = 0, idle = 0, iowait = 0;
                double util = 0;
                boolean hasUtil = false;
                for (TypedParameter p : params) {
                    Number v = (Number) p.value();
                    switch (p.name()) {
                        case StatsFields.CPU_KERNEL -> sys = v.longValue();
                        case StatsFields.CPU_USER -> user = v.longValue();
                        case StatsFields.CPU_IDLE -> idle = v.longValue();
                        case StatsFields.CPU_IOWAIT -> iowait = v.longValue();
                        case StatsFields.CPU_UTILIZATION -> {
                            util = v.doubleValue();
                            hasUtil = true;
                        }
                        default -> {
                        }
                    }
                }
                return new Sample(user, sys, idle, iowait, util, hasUtil);
            }
        }

        @Override
        public void run(CommandContext ctx) {
            int cpu = option != null ? option : positional != null ? positional : StatsFields.ALL_CPUS;
            Sample first = sample(ctx, cpu);
            PrintStream out = ctx.out();
            if (!percent) {
                if (!first.hasUtil()) {
                    out.printf(Locale.ROOT, "%-15s %20d%n", "user:", first.user());
                    out.printf(Locale.ROOT, "%-15s %20d%n", "system:", first.sys());
                    out.printf(Locale.ROOT, "%-15s %20d%n", "idle:", first.idle());
                    out.printf(Locale.ROOT, "%-15s %20d%n", "iowait:", first.iowait());
                }
                return;
            }
            if (first.hasUtil()) {
                percent(out, "usage:", first.util());
                percent(out, "idle:", 100 - first.util());
                return;
            }
            try {
                Thread.sleep(1000); // virsh samples twice, one second apart
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliFailure("Interrupted while sampling cpu stats");
            }
            Sample second = sample(ctx, cpu);
            double user = second.user() - first.user();
            double sys = second.sys() - first.sys();
            double idle = second.idle() - first.idle();
            double iowait = second.iowait() - first.iowait();
            double total = user + sys + idle + iowait;
            percent(out, "usage:", (user + sys) / total * 100);
            percent(out, "user:", user / total * 100);
            percent(out, "system:", sys / total * 100);
            percent(out, "idle:", idle / total * 100);
            percent(out, "iowait:", iowait / total * 100);
        }

        private static Sample sample(CommandContext ctx, int cpu) {
            try {
                return Sample.of(ctx.conn().nodeCpuStats(cpu));
            } catch (HypervisorException e) {
                throw new CliFailure("Unable to get number of cpu stats", e);
            }
        }

        /** virsh's {@code "%-15s %5.1lf%%"}; C prints NaN (no time passed on the node) as {@code -nan}. */
        private static void percent(PrintStream out, String label, double value) {
            String number = Double.isNaN(value) ? String.format(Locale.ROOT, "%5s", "-nan")
                    : String.format(Locale.ROOT, "%5.1f", value);
            out.printf(Locale.ROOT, "%-15s %s%%%n", label, number);
        }
    }

    @ReadOnlyCommand
    @Command(name = "nodememstats", description = "Prints memory stats of the node.")
    public static final class Nodememstats extends VirshCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "<cell>", description = "prints specified cell statistics only.")
        Integer positional;
        @Option(names = "--cell", paramLabel = "<cell>", description = "prints specified cell statistics only.") Integer option;

        @Override
        public void run(CommandContext ctx) {
            int cell = option != null ? option : positional != null ? positional : StatsFields.ALL_CELLS;
            List<TypedParameter> params;
            try {
                params = ctx.conn().nodeMemoryStats(cell);
            } catch (HypervisorException e) {
                throw new CliFailure("Unable to get number of memory stats", e);
            }
            for (TypedParameter p : params) {
                ctx.out().printf(Locale.ROOT, "%-7s: %20d KiB%n", p.name(), ((Number) p.value()).longValue());
            }
        }
    }
}
