package io.jvirt.cli.commands;

import io.jvirt.cli.session.CliFailure;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** virsh's {@code <domain>} argument: positional or {@code --domain}, a name, id or UUID. */
public final class DomainArg {
    @Parameters(index = "0", arity = "0..1", paramLabel = "<domain>", description = "domain name, id or uuid")
    String positional;

    @Option(names = "--domain", paramLabel = "<domain>", description = "domain name, id or uuid")
    String option;

    String value(String command) {
        String v = option != null ? option : positional;
        if (v == null) {
            throw CliFailure.usage("command '" + command + "' requires <domain> option");
        }
        return v;
    }
}
