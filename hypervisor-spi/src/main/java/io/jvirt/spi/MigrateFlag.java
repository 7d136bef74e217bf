package io.jvirt.spi;

/** Flags for {@link Domain#migrate}, after {@code VIR_MIGRATE_*}. */
public enum MigrateFlag {
    LIVE, PERSIST_DEST, UNDEFINE_SOURCE, PAUSED, OFFLINE, PEER2PEER, TUNNELLED
}
