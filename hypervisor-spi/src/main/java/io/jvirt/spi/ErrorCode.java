package io.jvirt.spi;

/**
 * What went wrong, named after libvirt's {@code virErrorNumber} values (without the {@code VIR_ERR_}
 * prefix) so that users who know libvirt recognise them.
 */
public enum ErrorCode {
    /** A bug or an unexpected answer: the message says what was expected. */
    INTERNAL_ERROR,
    /** The caller passed something that cannot be right (bad URI, bad parameter value, ...). */
    INVALID_ARG,
    /** An argument or flag this driver does not support. */
    ARGUMENT_UNSUPPORTED,
    /** The driver does not implement this operation. */
    NO_SUPPORT,
    /** The configuration is valid but describes something the driver cannot do. */
    CONFIG_UNSUPPORTED,
    /** The operation is not supported by the hypervisor (e.g. a missing capability). */
    OPERATION_UNSUPPORTED,
    /** The object is in a state where the operation is not allowed. */
    OPERATION_INVALID,
    /** The operation failed on the hypervisor. */
    OPERATION_FAILED,
    /** The operation did not finish in time. */
    OPERATION_TIMEOUT,
    /** No driver or connection could be opened for the URI. */
    NO_CONNECT,
    /** Authentication failed or credentials could not be obtained. */
    AUTH_FAILED,
    /** A credential was requested but none could be obtained (e.g. no authenticator). */
    AUTH_UNAVAILABLE,
    /** The connection is closed or the session cannot be used anymore. */
    CONNECTION_CLOSED,
    /** A network-level failure talking to the hypervisor (refused, DNS, timeout, TLS). */
    SYSTEM_ERROR,
    /** A TLS certificate could not be verified. */
    CERTIFICATE_FAILED,
    /** The server answered with an HTTP error. */
    HTTP_ERROR,
    /** The server answered with something that is not a valid protocol message. */
    RPC_FAILED,
    /** Malformed XML or an invalid value in an XML document. */
    XML_ERROR,
    /** A detail of an otherwise well-formed XML document is invalid. */
    XML_DETAIL,
    /** Syntax error in a configuration file (VMX, auth.conf). */
    CONF_SYNTAX,
    /** No domain matches the name, UUID or id. */
    NO_DOMAIN,
    /** No domain snapshot matches. */
    NO_DOMAIN_SNAPSHOT,
    /** No storage pool matches. */
    NO_STORAGE_POOL,
    /** No storage volume matches. */
    NO_STORAGE_VOL,
    /** No network matches. */
    NO_NETWORK,
    /** No host interface matches. */
    NO_INTERFACE,
    /** A domain with the same name or UUID exists already. */
    DOM_EXIST,
    /** A network or port group with that name exists already. */
    NETWORK_EXIST,
    /** A storage volume exists already. */
    STORAGE_VOL_EXIST,
    /** An operation was attempted on a read-only connection. */
    OPERATION_DENIED,
}
