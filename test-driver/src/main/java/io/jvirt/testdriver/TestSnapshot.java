package io.jvirt.testdriver;

import io.jvirt.testdriver.TestHost.DomainEntry;
import io.jvirt.testdriver.TestHost.SnapshotEntry;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainSnapshot;
import io.jvirt.spi.DomainXmlFlag;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.SnapshotFlag;
import io.jvirt.spi.xml.DomainSnapshotDef;
import io.jvirt.spi.xml.SafeXml;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A handle on a snapshot of a test domain; the tree is kept as parent names. */
final class TestSnapshot implements DomainSnapshot {
    private final TestDomain domain;
    private final String name;

    /** What {@code <domainsnapshot>} XML asks for. */
    record Definition(String name, String description) {
    }

    TestSnapshot(TestDomain domain, String name) {
        this.domain = domain;
        this.name = name;
    }

    static Definition parse(String xml) {
        String now = Long.toString(System.currentTimeMillis() / 1000);
        if (xml == null || xml.isBlank()) {
            return new Definition(now, null);
        }
        if (SafeXml.parse(xml).child("disks") != null) {
            throw new HypervisorException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.TEST,
                    "unsupported configuration: disk snapshots are not supported by the test driver");
        }
        DomainSnapshotDef def = DomainSnapshotDef.parse(xml);
        return new Definition(def.name() == null || def.name().isEmpty() ? now : def.name(), def.description());
    }

    /** Snapshots below {@code parent} (null: roots) in pre-order; only one level unless {@code recurse}. */
    static List<SnapshotEntry> preOrder(DomainEntry e, String parent, boolean recurse) {
        List<SnapshotEntry> out = new ArrayList<>();
        for (SnapshotEntry s : e.snapshots) {
            if (java.util.Objects.equals(s.parent, parent)) {
                out.add(s);
                if (recurse) {
                    out.addAll(preOrder(e, s.name, true));
                }
            }
        }
        return out;
    }

    static boolean hasChildren(DomainEntry e, String name) {
        return e.snapshots.stream().anyMatch(s -> name.equals(s.parent));
    }

    @Override
    public Domain domain() {
        return domain;
    }

    @Override
    public String name() {
        return name;
    }

    /** Like libvirt's test driver: the full definition recorded by the snapshot, its secrets only with SECURE. */
    @Override
    public String xmlDesc(Set<DomainXmlFlag> flags) {
        DomainXmlFlag.requireOnly(ErrorDomain.TEST, "DomainSnapshot.xmlDesc", flags, DomainXmlFlag.SECURE);
        return domain.withEntry(e -> {
            SnapshotEntry s = e.snapshot(name);
            String state = s.state == io.jvirt.spi.DomainState.SHUTOFF ? "shutoff" : s.state.label();
            return new DomainSnapshotDef(s.name, s.description, state, s.parent, s.creationTime, e.config.uuid())
                    .format(s.config, flags.contains(DomainXmlFlag.SECURE));
        });
    }

    @Override
    public DomainSnapshot parent() {
        return domain.withEntry(e -> {
            SnapshotEntry s = e.snapshot(name);
            if (s.parent == null) {
                throw new HypervisorException(ErrorCode.NO_DOMAIN_SNAPSHOT, ErrorDomain.TEST,
                        "snapshot '" + name + "' does not have a parent");
            }
            return new TestSnapshot(domain, s.parent);
        });
    }

    @Override
    public List<DomainSnapshot> listChildren(Set<SnapshotFlag> flags) {
        return domain.withEntry(e -> {
            e.snapshot(name);
            List<DomainSnapshot> out = new ArrayList<>();
            for (SnapshotEntry s : preOrder(e, name, flags.contains(SnapshotFlag.DESCENDANTS))) {
                if (!flags.contains(SnapshotFlag.LEAVES) || !hasChildren(e, s.name)) {
                    out.add(new TestSnapshot(domain, s.name));
                }
            }
            return out;
        });
    }

    @Override
    public boolean isCurrent() {
        return domain.withEntry(e -> {
            e.snapshot(name);
            return name.equals(e.currentSnapshot);
        });
    }

    @Override
    public boolean hasMetadata() {
        return domain.withEntry(e -> {
            e.snapshot(name);
            return true;
        });
    }

    @Override
    public void revert(ProgressListener progress) {
        progress.progress("snapshot-revert", 0);
        TestHost h = ((TestConnection) domain.connection()).host();
        domain.changeEntry(e -> {
            SnapshotEntry s = e.snapshot(name);
            e.config = s.config;
            if (s.state.isActive() && !e.state.isActive()) {
                h.start(e);
            } else if (!s.state.isActive() && e.state.isActive()) {
                e.state = io.jvirt.spi.DomainState.SHUTOFF;
                e.id = -1;
            }
            if (s.state.isActive()) {
                e.state = s.state;
            }
            e.currentSnapshot = name;
        });
        progress.progress("snapshot-revert", 100);
    }

    @Override
    public void delete(Set<SnapshotFlag> flags, ProgressListener progress) {
        progress.progress("snapshot-delete", 0);
        domain.changeEntry(e -> {
            SnapshotEntry s = e.snapshot(name);
            List<SnapshotEntry> doomed = new ArrayList<>();
            doomed.add(s);
            List<SnapshotEntry> children = preOrder(e, name, true);
            if (flags.contains(SnapshotFlag.CHILDREN)) {
                doomed.addAll(children);
            } else {
                // re-parent direct children to the deleted snapshot's parent
                List<SnapshotEntry> direct = preOrder(e, name, false);
                for (SnapshotEntry c : direct) {
                    e.snapshots.set(e.snapshots.indexOf(c),
                            new SnapshotEntry(c.name, c.description, s.parent, c.creationTime, c.state, c.config));
                }
            }
            for (SnapshotEntry d : doomed) {
                e.snapshots.removeIf(x -> x.name.equals(d.name));
                if (d.name.equals(e.currentSnapshot)) {
                    e.currentSnapshot = s.parent;
                }
            }
        });
        progress.progress("snapshot-delete", 100);
    }

    @Override
    public String toString() {
        return "TestSnapshot[" + domain.name() + "/" + name + "]";
    }
}
