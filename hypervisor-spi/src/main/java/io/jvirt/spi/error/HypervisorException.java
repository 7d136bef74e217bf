package io.jvirt.spi.error;

import java.util.Objects;

/**
 * The one exception type of jvirt. Every failure a caller can see carries an {@link ErrorCode}
 * saying what went wrong and an {@link ErrorDomain} saying where, plus a message that names the
 * object and the problem. It is unchecked so that handles can be used from lambdas and streams;
 * every method of the public API documents that it throws it.
 *
 * <p>Messages never contain passwords: code that builds a message from user input containing
 * secrets must mask them first.
 */
public class HypervisorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final ErrorDomain domain;

    public HypervisorException(ErrorCode code, ErrorDomain domain, String message) {
        this(code, domain, message, null);
    }

    public HypervisorException(ErrorCode code, ErrorDomain domain, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.domain = Objects.requireNonNull(domain, "domain");
    }

    /** Shorthand for the common case. */
    public static HypervisorException of(ErrorCode code, ErrorDomain domain, String format, Object... args) {
        return new HypervisorException(code, domain, args.length == 0 ? format : String.format(format, args));
    }

    /** Shorthand for an operation a driver does not implement. */
    public static HypervisorException noSupport(String operation) {
        return new HypervisorException(ErrorCode.NO_SUPPORT, ErrorDomain.CORE,
                "this function is not supported by the connection driver: " + operation);
    }

    public ErrorCode code() {
        return code;
    }

    public ErrorDomain domain() {
        return domain;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + domain + "/" + code + "]: " + getMessage();
    }
}
