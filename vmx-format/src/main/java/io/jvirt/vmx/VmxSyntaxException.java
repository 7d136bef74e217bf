package io.jvirt.vmx;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

/** A lexical or syntax error in a VMX file ({@link ErrorCode#CONF_SYNTAX}), with line and column. */
public final class VmxSyntaxException extends HypervisorException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public VmxSyntaxException(int line, int column, String message) {
        this(null, line, column, message);
    }

    /**
     * @param source the file name, or null for text that came from memory (libvirt then says
     *               {@code memory conf}, as it does for {@code virsh domxml-from-native})
     */
    public VmxSyntaxException(String source, int line, int column, String message) {
        super(ErrorCode.CONF_SYNTAX, ErrorDomain.CONF, (source == null ? "memory conf" : source) + ":" + line + ": "
                + message + " (line " + line + ", column " + column + ")");
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
