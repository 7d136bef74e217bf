package io.jvirt.spi;

import io.jvirt.spi.error.HypervisorException;

import io.jvirt.spi.error.ErrorDomain;

import io.jvirt.spi.error.ErrorCode;

/**
 * How {@link Domain#clone} copies a domain.
 *
 * @param snapshot the name of a snapshot to clone from (its disk state), or null for the current state
 * @param linked   true for a linked clone: the clone's disks are children of the snapshot's disks and
 *                 share their data (needs {@code snapshot})
 * @param pool     the storage pool (for ESX: datastore) for the clone's files, or null for the source's
 */
public record CloneOptions(String snapshot, boolean linked, String pool) {

    /** A full copy of the current state into the source's pool. */
    public static CloneOptions defaults() {
        return new CloneOptions(null, false, null);
    }

    /**
     * Refuses a linked clone without a snapshot: a linked clone's disks are delta disks over a
     * snapshot's read-only disks, and the running state of a disk cannot be shared.
     */
    public CloneOptions {
        if (linked && (snapshot == null || snapshot.isEmpty())) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.NONE,
                    "a linked clone needs a snapshot to clone from (its disks become children of the snapshot's"
                            + " disks): name one with --snapshot");
        }
    }
}
