package io.jvirt.spi.error;


import io.jvirt.spi.Connection;
import io.jvirt.spi.Domain;
/** Which part of jvirt raised an error, after libvirt's {@code virErrorDomain}. */
public enum ErrorDomain {
    /** Unspecified (used by the VMX converter, as in libvirt). */
    NONE,
    /** The connection factory and driver discovery. */
    CORE,
    /** Connection URI parsing. */
    URI,
    /** Credentials and auth.conf. */
    AUTH,
    /** Domain, network, storage XML parsing and formatting. */
    XML,
    /** Configuration file lexers (VMX, auth.conf). */
    CONF,
    /** The VMware ESX driver and its vSphere client. */
    ESX,
    /** The in-memory test driver. */
    TEST,
}
