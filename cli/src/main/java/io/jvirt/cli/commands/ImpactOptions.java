package io.jvirt.cli.commands;

import io.jvirt.cli.session.CliFailure;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainModificationImpact;
import picocli.CommandLine.Option;

import java.util.EnumSet;
import java.util.Set;

/**
 * virsh's {@code --live}, {@code --config}, {@code --persistent} and {@code --current} of the
 * device commands: {@code --current} excludes the others; {@code --persistent} is
 * {@code --config}, plus {@code --live} when the domain runs; none is {@code --current}.
 */
public final class ImpactOptions {
    @Option(names = "--live", description = "affect running domain") boolean live;
    @Option(names = "--config", description = "affect next boot") boolean config;
    @Option(names = "--persistent", description = "make live change persistent") boolean persistent;
    @Option(names = "--current", description = "affect current domain") boolean current;

    /** The flags for {@code d}; virsh's message when options exclude each other. */
    Set<DomainModificationImpact> flags(Domain d) {
        if (current && (live || config)) {
            throw new CliFailure("Options --current and --" + (live ? "live" : "config") + " are mutually exclusive");
        }
        if (current && persistent) {
            throw new CliFailure("Options --current and --persistent are mutually exclusive");
        }
        Set<DomainModificationImpact> flags = EnumSet.noneOf(DomainModificationImpact.class);
        if (live) {
            flags.add(DomainModificationImpact.LIVE);
        }
        if (config || persistent) {
            flags.add(DomainModificationImpact.CONFIG);
        }
        if (persistent && d.isActive()) {
            flags.add(DomainModificationImpact.LIVE);
        }
        return flags;
    }

    /** True when the inactive definition is what the command looks at ({@code --config} alone). */
    boolean inactiveView() {
        return (config || persistent) && !live;
    }
}
