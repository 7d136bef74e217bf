package io.jvirt.cli.session;

import io.jvirt.spi.error.HypervisorException;

import java.util.List;

/**
 * A command failed with messages to print as {@code error: ...} lines, in order, the way virsh
 * prints its own context line (e.g. {@code failed to get domain 'foo'}) before the driver's
 * message.
 */
public final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> lines;
    private final boolean usage;

    public CliFailure(String... lines) {
        this(false, lines);
    }

    /** virsh's context line, then the driver's error as libvirt presents it (summary: message). */
    public CliFailure(String context, HypervisorException cause) {
        this(false, context, describe(cause));
    }

    /** A driver error as virsh prints it: {@code Requested operation is not valid: ...}. */
    public static String describe(HypervisorException e) {
        return e.code().present(e.getMessage());
    }

    private CliFailure(boolean usage, String... lines) {
        super(String.join("; ", lines));
        this.lines = List.of(lines);
        this.usage = usage;
    }

    /** A mistake in how the command was typed (missing argument, ...): virsh prints no output block for it. */
    public static CliFailure usage(String message) {
        return new CliFailure(true, message);
    }

    public boolean isUsage() {
        return usage;
    }

    public List<String> lines() {
        return lines;
    }
}
