package io.jvirt.spi;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import java.util.List;
import java.util.Set;

/** A handle on one snapshot of a {@link Domain}, like libvirt's {@code virDomainSnapshotPtr}. */
public interface DomainSnapshot {

    /** The domain this snapshot belongs to. */
    @ReadOnlyAllowed
    Domain domain();

    /** The snapshot's name. */
    @ReadOnlyAllowed
    String name();

    /** The {@code <domainsnapshot>} XML without secure fields. */
    @ReadOnlyAllowed
    default String xmlDesc() {
        return xmlDesc(Set.of());
    }

    /**
     * The {@code <domainsnapshot>} XML; {@link DomainXmlFlag#SECURE} (libvirt's
     * {@code VIR_DOMAIN_SNAPSHOT_XML_SECURE}) includes secure fields of the recorded domain
     * definition, such as a VNC password. Other flags fail with {@link ErrorCode#INVALID_ARG}.
     */
    @ReadOnlyAllowed
    default String xmlDesc(Set<DomainXmlFlag> flags) {
        throw HypervisorException.noSupport("DomainSnapshot.xmlDesc");
    }

    /** The parent; {@link ErrorCode#NO_DOMAIN_SNAPSHOT} for a root. */
    @ReadOnlyAllowed
    default DomainSnapshot parent() {
        throw HypervisorException.noSupport("DomainSnapshot.parent");
    }

    /** Children (flags: DESCENDANTS, LEAVES, METADATA). */
    @ReadOnlyAllowed
    default List<DomainSnapshot> listChildren(Set<SnapshotFlag> flags) {
        throw HypervisorException.noSupport("DomainSnapshot.listChildren");
    }

    /** True when this is the domain's current snapshot. */
    @ReadOnlyAllowed
    default boolean isCurrent() {
        throw HypervisorException.noSupport("DomainSnapshot.isCurrent");
    }

    /** True when the hypervisor keeps metadata for it. */
    @ReadOnlyAllowed
    default boolean hasMetadata() {
        throw HypervisorException.noSupport("DomainSnapshot.hasMetadata");
    }

    /** Reverts the domain to this snapshot. */
    default void revert(ProgressListener progress) {
        throw HypervisorException.noSupport("DomainSnapshot.revert");
    }

    /** Deletes the snapshot (flags: CHILDREN, METADATA_ONLY). */
    default void delete(Set<SnapshotFlag> flags, ProgressListener progress) {
        throw HypervisorException.noSupport("DomainSnapshot.delete");
    }
}
