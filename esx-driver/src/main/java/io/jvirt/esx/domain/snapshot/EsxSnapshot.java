package io.jvirt.esx.domain.snapshot;

import io.jvirt.esx.domain.EsxDomain;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainSnapshot;
import io.jvirt.spi.DomainXmlFlag;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.SnapshotFlag;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A snapshot handle: the domain and the snapshot's name; every call re-reads the tree. */
public final class EsxSnapshot implements DomainSnapshot {
    private final DomainSnapshots ops;
    private final EsxDomain domain;
    private final String name;

    EsxSnapshot(DomainSnapshots ops, EsxDomain domain, String name) {
        this.ops = ops;
        this.domain = domain;
        this.name = Objects.requireNonNull(name);
    }

    EsxDomain esxDomain() {
        return domain;
    }

    @Override
    public Domain domain() {
        return domain;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * SECURE is accepted: ESX snapshot XML carries only the domain's UUID, so there is no
     * secure field to include or leave out (libvirt's ESX driver refuses every flag here).
     */
    @Override
    public String xmlDesc(Set<DomainXmlFlag> flags) {
        DomainXmlFlag.requireOnly(ErrorDomain.ESX, "DomainSnapshot.xmlDesc", flags, DomainXmlFlag.SECURE);
        return ops.xmlDesc(this);
    }

    @Override
    public DomainSnapshot parent() {
        return ops.parent(this);
    }

    @Override
    public List<DomainSnapshot> listChildren(Set<SnapshotFlag> flags) {
        return ops.children(this, flags);
    }

    @Override
    public boolean isCurrent() {
        return ops.isCurrent(this);
    }

    @Override
    public boolean hasMetadata() {
        return ops.hasMetadata(this);
    }

    @Override
    public void revert(ProgressListener progress) {
        ops.revert(this, progress);
    }

    @Override
    public void delete(Set<SnapshotFlag> flags, ProgressListener progress) {
        ops.delete(this, flags, progress);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EsxSnapshot s && s.domain.uuid().equals(domain.uuid()) && s.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(domain.uuid(), name);
    }

    @Override
    public String toString() {
        return "EsxSnapshot[" + domain.name() + ", " + name + "]";
    }
}
