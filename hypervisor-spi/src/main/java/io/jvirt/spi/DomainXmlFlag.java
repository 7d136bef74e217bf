package io.jvirt.spi;

/** Flags for {@link Domain#xmlDesc(java.util.Set)}, after {@code VIR_DOMAIN_XML_*}. */
public enum DomainXmlFlag {
    /** Include security-sensitive data such as VNC passwords. */
    SECURE,
    /** Describe the persistent configuration, not the running state (no {@code id}). */
    INACTIVE,
    /** Only what a migration destination needs. */
    MIGRATABLE,
    /** Update guest CPU from host capabilities (not supported by the ESX driver). */
    UPDATE_CPU
}
