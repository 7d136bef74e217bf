package io.jvirt.esx.domain;

/**
 * A connection that can receive a migrated domain without a {@code vpxmigr://} URI: it prepares
 * the migration (libvirt's {@code domainMigratePrepare}) and answers the URI to migrate to.
 * {@code EsxConnection} implements it; {@link Migration} asks it of the destination.
 */
public interface MigrationDestination {
    /** The {@code vpxmigr://} URI naming this connection's vCenter, resource pool and host. */
    String prepareMigration();
}
