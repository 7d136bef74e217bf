package io.jvirt.esx.domain;

import io.jvirt.spi.DomainSnapshot;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.SnapshotFlag;

import java.util.List;
import java.util.Set;

/**
 * The snapshot operations of a domain, as {@link EsxDomain} delegates them. Implemented by
 * {@code io.jvirt.esx.domain.snapshot.DomainSnapshots}, which builds on this package; the
 * connection hands it in, so this package does not depend on its own sub-package.
 */
public interface SnapshotOperations {
    DomainSnapshot create(EsxDomain d, String xml, Set<SnapshotFlag> flags, ProgressListener progress);

    List<DomainSnapshot> list(EsxDomain d, Set<SnapshotFlag> flags);

    int count(EsxDomain d, Set<SnapshotFlag> flags);

    DomainSnapshot lookupByName(EsxDomain d, String name);

    boolean hasCurrent(EsxDomain d);

    DomainSnapshot current(EsxDomain d);
}
