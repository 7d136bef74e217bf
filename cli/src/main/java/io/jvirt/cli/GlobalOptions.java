package io.jvirt.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** virsh's own options, before the command; the rest of the line is the command (or none: batch mode). */
@Command(name = "jvirsh", description = "a virsh-compatible command line for jvirt drivers",
        footer = {"", "With no COMMAND, commands are read from standard input, one per line, on one connection."})
public final class GlobalOptions {
    @Option(names = {"-c", "--connect"}, paramLabel = "URI", description = "hypervisor connection URI")
    String connect;

    @Option(names = {"-r", "--readonly"}, description = "connect readonly")
    boolean readOnly;

    @Option(names = {"-q", "--quiet"}, description = "quiet mode")
    boolean quiet;

    @Option(names = {"-d", "--debug"}, paramLabel = "NUM", description = "debug level [0-4]")
    Integer debug;

    @Option(names = {"-l", "--log"}, paramLabel = "FILE", description = "output logging to file")
    String logFile;

    @Option(names = "--auth-file", paramLabel = "FILE", description = "libvirt auth.conf file with credentials")
    String authFile;

    @Option(names = "--sim", arity = "0..1", fallbackValue = "esx", paramLabel = "esx|vpx",
            description = "run against an embedded vSphere simulator (ESX host, or vpx: a vCenter)")
    String sim;

    @Option(names = {"-t", "--timing"}, description = "print timing information")
    boolean timing;

    @Option(names = {"-k", "--keepalive-interval"}, paramLabel = "NUM", description = "keepalive interval in seconds (accepted, unused)")
    Integer keepaliveInterval;

    @Option(names = {"-K", "--keepalive-count"}, paramLabel = "NUM", description = "number of possible missed keepalive messages (accepted, unused)")
    Integer keepaliveCount;

    @Option(names = {"-e", "--escape"}, paramLabel = "STRING", description = "set escape sequence for console (accepted, unused)")
    String escape;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
    boolean help;

    @Option(names = {"-v", "--version"}, description = "print short version")
    boolean version;

    @Option(names = {"-V"}, description = "print long version")
    boolean longVersion;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "the command and its arguments")
    List<String> command = new ArrayList<>();
}
