package io.jvirt.spi.error;


import io.jvirt.spi.Domain;
import io.jvirt.spi.Network;
/**
 * What went wrong, named after libvirt's {@code virErrorNumber} values (without the {@code VIR_ERR_}
 * prefix) so that users who know libvirt recognise them.
 */
public enum ErrorCode {
    /** A bug or an unexpected answer: the message says what was expected. */
    INTERNAL_ERROR("internal error"),
    /** The caller passed something that cannot be right (bad URI, bad parameter value, ...). */
    INVALID_ARG("invalid argument"),
    /** An argument or flag this driver does not support. */
    ARGUMENT_UNSUPPORTED("argument unsupported"),
    /** The driver does not implement this operation. */
    NO_SUPPORT("this function is not supported by the connection driver"),
    /** The configuration is valid but describes something the driver cannot do. */
    CONFIG_UNSUPPORTED("unsupported configuration"),
    /** The operation is not supported by the hypervisor (e.g. a missing capability). */
    OPERATION_UNSUPPORTED("Operation not supported"),
    /** The object is in a state where the operation is not allowed. */
    OPERATION_INVALID("Requested operation is not valid"),
    /** The operation failed on the hypervisor. */
    OPERATION_FAILED("operation failed"),
    /** The operation did not finish in time. */
    OPERATION_TIMEOUT("Timed out during operation"),
    /** No driver or connection could be opened for the URI. */
    NO_CONNECT("no connection driver available"),
    /** Authentication failed or credentials could not be obtained. */
    AUTH_FAILED("authentication failed"),
    /** A credential was requested but none could be obtained (e.g. no authenticator). */
    AUTH_UNAVAILABLE("authentication unavailable"),
    /** The connection is closed or the session cannot be used anymore. */
    CONNECTION_CLOSED("internal error"),
    /** A network-level failure talking to the hypervisor (refused, DNS, timeout, TLS). */
    SYSTEM_ERROR(null),
    /** A TLS certificate could not be verified. */
    CERTIFICATE_FAILED(null),
    /** The server answered with an HTTP error. */
    HTTP_ERROR(null),
    /** The server answered with something that is not a valid protocol message. */
    RPC_FAILED("RPC error"),
    /** Malformed XML or an invalid value in an XML document. */
    XML_ERROR("XML error"),
    /** A detail of an otherwise well-formed XML document is invalid. */
    XML_DETAIL("XML error"),
    /** Syntax error in a configuration file (VMX, auth.conf). */
    CONF_SYNTAX("configuration file syntax error"),
    /** No domain matches the name, UUID or id. */
    NO_DOMAIN("Domain not found"),
    /** No domain snapshot matches. */
    NO_DOMAIN_SNAPSHOT("Domain snapshot not found"),
    /** No storage pool matches. */
    NO_STORAGE_POOL("Storage pool not found"),
    /** No storage volume matches. */
    NO_STORAGE_VOL("Storage volume not found"),
    /** No network matches. */
    NO_NETWORK("Network not found"),
    /** No host interface matches. */
    NO_INTERFACE("Interface not found"),
    /** A domain with the same name or UUID exists already. */
    DOM_EXIST("operation failed"),
    /** A network or port group with that name exists already. */
    NETWORK_EXIST("operation failed"),
    /** A storage volume exists already. */
    STORAGE_VOL_EXIST("operation failed"),
    /** An operation was attempted on a read-only connection. */
    OPERATION_DENIED("operation forbidden");

    private final String summary;

    ErrorCode(String summary) {
        this.summary = summary;
    }

    /**
     * libvirt's wording of this kind of error, which virsh prints before the message
     * ({@code error: Requested operation is not valid: Domain is not powered on}); {@code null}
     * for codes whose message says everything (system and TLS errors).
     */
    public String summary() {
        return summary;
    }

    /** The message as libvirt presents it: the summary, a colon and the message. */
    public String present(String message) {
        return summary == null || message.startsWith(summary) ? message : summary + ": " + message;
    }
}
