package io.jvirt.spi;

/**
 * Flags of the snapshot calls, after libvirt's {@code VIR_DOMAIN_SNAPSHOT_*}; each call
 * documents which ones it accepts.
 */
public enum SnapshotFlag {
    /** create: snapshot disks only, not memory. */
    DISK_ONLY,
    /** create: quiesce the guest file systems (needs guest tools). */
    QUIESCE,
    /** create: do not keep metadata. */
    NO_METADATA,
    /** create: validate the XML. */
    VALIDATE,
    /** list: only root snapshots. */
    ROOTS,
    /** list children: the whole subtree. */
    DESCENDANTS,
    /** list: only leaves. */
    LEAVES,
    /** list: only snapshots with metadata. */
    METADATA,
    /** delete: also delete children. */
    CHILDREN,
    /** delete: only the metadata. */
    METADATA_ONLY
}
