package io.jvirt.spi;

/**
 * Filters for {@link Connection#listAllDomains(java.util.Set)}, after libvirt's
 * {@code VIR_CONNECT_LIST_DOMAINS_*}. Within each group (active/inactive, persistent/transient,
 * state, managed save, autostart, snapshot) a domain must match one of the flags given; an
 * absent group does not filter.
 */
public enum DomainListFlag {
    ACTIVE, INACTIVE,
    PERSISTENT, TRANSIENT,
    RUNNING, PAUSED, SHUTOFF, OTHER,
    MANAGEDSAVE, NO_MANAGEDSAVE,
    AUTOSTART, NO_AUTOSTART,
    HAS_SNAPSHOT, NO_SNAPSHOT
}
