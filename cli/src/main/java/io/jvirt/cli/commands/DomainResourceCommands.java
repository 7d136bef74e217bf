package io.jvirt.cli.commands;

import io.jvirt.cli.session.CliFailure;
import io.jvirt.cli.session.CommandContext;
import io.jvirt.cli.session.VirshCommand;
import io.jvirt.cli.output.Fields;
import io.jvirt.spi.Domain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.TypedParameter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Domain resources: setmem, setmaxmem, setvcpus, memtune, schedinfo, autostart. */
public final class DomainResourceCommands {
    private DomainResourceCommands() {
    }

    /** virsh's --config/--live/--current flags, accepted (the drivers apply changes where they can). */
    static final class Scope {
        @Option(names = "--config", description = "affect next boot")
        boolean config;
        @Option(names = "--live", description = "affect running domain")
        boolean live;
        @Option(names = "--current", description = "affect current domain")
        boolean current;
    }

    @Command(name = "setmem", description = "change memory allocation")
    public static final class SetMem extends VirshCommand {
        @Mixin
        DomainArg domain;
        @Parameters(index = "1", arity = "0..1", paramLabel = "<size>", description = "new memory size, as scaled integer (default KiB)")
        String size;
        @Option(names = "--size", paramLabel = "<size>", hidden = true)
        String sizeOption;
        @Mixin
        Scope scope;

        @Override
        public void run(CommandContext ctx) {
            String s = require(sizeOption != null ? sizeOption : size, "size");
            long kib = ScaledSize.parse(s, 1024, "size") / 1024;
            Domain d = ctx.lookup().domain(domain.value(name()));
            d.setMemory(kib);
        }
    }

    @Command(name = "setmaxmem", description = "change maximum memory limit")
    public static final class SetMaxMem extends VirshCommand {
        @Mixin
        DomainArg domain;
        @Parameters(index = "1", arity = "0..1", paramLabel = "<size>", description = "new maximum memory size, as scaled integer (default KiB)")
        String size;
        @Option(names = "--size", paramLabel = "<size>", hidden = true)
        String sizeOption;
        @Mixin
        Scope scope;

        @Override
        public void run(CommandContext ctx) {
            String s = require(sizeOption != null ? sizeOption : size, "size");
            long kib = ScaledSize.parse(s, 1024, "size") / 1024;
            Domain d = ctx.lookup().domain(domain.value(name()));
            attempt("Unable to change MaxMemorySize", () -> d.setMaxMemory(kib));
        }
    }

    @Command(name = "setvcpus", description = "change number of virtual CPUs")
    public static final class SetVcpus extends VirshCommand {
        @Mixin
        DomainArg domain;
        @Parameters(index = "1", arity = "0..1", paramLabel = "<count>", description = "number of virtual CPUs")
        String count;
        @Option(names = "--count", paramLabel = "<count>", hidden = true)
        String countOption;
        @Option(names = "--maximum", description = "set maximum limit on next boot")
        boolean maximum;
        @Mixin
        Scope scope;

        @Override
        public void run(CommandContext ctx) {
            String c = require(countOption != null ? countOption : count, "count");
            int n;
            try {
                n = Integer.parseInt(c);
            } catch (NumberFormatException e) {
                throw new CliFailure("Numeric value '" + c + "' for <count> option is malformed or out of range");
            }
            if (n <= 0) {
                throw new CliFailure("Numeric value '" + c + "' for <count> option is malformed or out of range");
            }
            ctx.lookup().domain(domain.value(name())).setVcpus(n);
        }
    }

    /** Values at or above this mean "no limit" (libvirt's VIR_DOMAIN_MEMORY_PARAM_UNLIMITED). */
    static final long UNLIMITED = 9007199254740991L;

    @Command(name = "memtune", description = "Get or set memory parameters")
    public static final class Memtune extends VirshCommand {
        @Mixin
        DomainArg domain;
        @Option(names = "--hard-limit", paramLabel = "<number>", description = "Max memory, as scaled integer (default KiB)")
        String hardLimit;
        @Option(names = "--soft-limit", paramLabel = "<number>", description = "Memory during contention, as scaled integer (default KiB)")
        String softLimit;
        @Option(names = "--swap-hard-limit", paramLabel = "<number>", description = "Max memory plus swap, as scaled integer (default KiB)")
        String swapHardLimit;
        @Option(names = "--min-guarantee", paramLabel = "<number>", description = "Min guaranteed memory, as scaled integer (default KiB)")
        String minGuarantee;
        @Mixin
        Scope scope;

        @Override
        protected boolean readOnlyUse() {
            return hardLimit == null && softLimit == null && swapHardLimit == null && minGuarantee == null;
        }

        @Override
        public void run(CommandContext ctx) {
            Domain d = ctx.lookup().domain(domain.value(name()));
            List<TypedParameter> set = new ArrayList<>();
            add(set, "hard_limit", hardLimit, "hard-limit");
            add(set, "soft_limit", softLimit, "soft-limit");
            add(set, "swap_hard_limit", swapHardLimit, "swap-hard-limit");
            add(set, "min_guarantee", minGuarantee, "min-guarantee");
            if (!set.isEmpty()) {
                attempt("Unable to change memory parameters", () -> d.setMemoryParameters(set));
                return;
            }
            List<TypedParameter> params;
            try {
                params = d.memoryParameters();
            } catch (HypervisorException e) {
                throw new CliFailure("Unable to get number of memory parameters", e);
            }
            Fields f = Fields.params(ctx.out());
            for (TypedParameter p : params) {
                boolean numeric = p.value() instanceof Number;
                f.add(p.name(), numeric && p.longValue() >= UNLIMITED ? "unlimited" : SchedValues.format(p));
            }
        }

        private static void add(List<TypedParameter> list, String param, String value, String option) {
            if (value == null) {
                return;
            }
            long kib = value.equals("-1") ? UNLIMITED : ScaledSize.parse(value, 1024, option) / 1024;
            list.add(TypedParameter.ofUnsignedLong(param, kib));
        }
    }

    @Command(name = "schedinfo", description = "show/set scheduler parameters")
    public static final class Schedinfo extends VirshCommand {
        @Mixin
        DomainArg domain;
        @Option(names = "--set", paramLabel = "<string>", description = "parameter=value")
        List<String> set = new ArrayList<>();
        @Mixin
        Scope scope;

        @Override
        protected boolean readOnlyUse() {
            return set.isEmpty();
        }

        @Override
        public void run(CommandContext ctx) {
            Domain d = ctx.lookup().domain(domain.value(name()));
            String type;
            try {
                type = d.schedulerType();
            } catch (HypervisorException e) {
                throw new CliFailure("Failed to get scheduler type", e);
            }
            List<TypedParameter> params = d.schedulerParameters();
            if (!set.isEmpty()) {
                List<TypedParameter> changes = new ArrayList<>();
                for (String s : set) {
                    changes.add(SchedValues.parse(s, params));
                }
                attempt("Failed to set scheduler parameters", () -> d.setSchedulerParameters(changes));
                params = d.schedulerParameters();
            }
            Fields f = Fields.params(ctx.out());
            f.add("Scheduler", type);
            for (TypedParameter p : params) {
                f.add(p.name(), SchedValues.format(p));
            }
        }
    }

    /** Parsing {@code name=value} for scheduler parameters with the type the driver reported. */
    static final class SchedValues {
        private SchedValues() {
        }

        static TypedParameter parse(String assignment, List<TypedParameter> known) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new CliFailure("Invalid syntax for --set, expecting name=value");
            }
            String name = assignment.substring(0, eq);
            String value = assignment.substring(eq + 1);
            TypedParameter template = known.stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> new CliFailure("invalid scheduler option: " + name));
            try {
                return switch (template.type()) {
                    case INT, UINT -> new TypedParameter(name, template.type(), Integer.parseInt(value));
                    case LLONG, ULLONG -> new TypedParameter(name, template.type(), Long.parseLong(value));
                    case DOUBLE -> new TypedParameter(name, template.type(), Double.parseDouble(value));
                    case BOOLEAN -> new TypedParameter(name, template.type(),
                            value.equals("1") || value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("true"));
                    case STRING -> new TypedParameter(name, template.type(), value);
                };
            } catch (NumberFormatException e) {
                throw new CliFailure("invalid value '" + value + "' for scheduler parameter '" + name + "'");
            }
        }

        static String format(TypedParameter p) {
            return switch (p.type()) {
                case DOUBLE -> String.format(Locale.ROOT, "%f", (Double) p.value());
                case BOOLEAN -> (Boolean) p.value() ? "yes" : "no";
                case ULLONG -> Long.toUnsignedString((Long) p.value());
                case UINT -> Integer.toUnsignedString((Integer) p.value());
                default -> String.valueOf(p.value());
            };
        }
    }

    @Command(name = "autostart", description = "autostart a domain")
    public static final class Autostart extends VirshCommand {
        @Mixin
        DomainArg domain;
        @Option(names = "--disable", description = "disable autostarting")
        boolean disable;

        @Override
        public void run(CommandContext ctx) {
            Domain d = ctx.lookup().domain(domain.value(name()));
            try {
                d.setAutostart(!disable);
            } catch (HypervisorException e) {
                throw new CliFailure(disable ? "Failed to unmark domain '" + d.name() + "' as autostarted"
                        : "Failed to mark domain '" + d.name() + "' as autostarted", e);
            }
            ctx.out().println(disable ? "Domain '" + d.name() + "' unmarked as autostarted"
                    : "Domain '" + d.name() + "' marked as autostarted");
        }
    }
}
