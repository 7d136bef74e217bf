package io.jvirt.testdriver;

import io.jvirt.spi.event.DomainEvent;
import io.jvirt.spi.event.DomainEventId;
import io.jvirt.spi.event.EventOrigin;
import io.jvirt.spi.event.LifecycleEvent;

import io.jvirt.testdriver.TestHost.DomainEntry;
import io.jvirt.testdriver.TestHost.SnapshotEntry;
import io.jvirt.spi.Connection;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainInfo;
import io.jvirt.spi.DomainSnapshot;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.DomainXmlFlag;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.SnapshotFlag;
import io.jvirt.spi.TypedParameter;
import io.jvirt.spi.xml.DomainXml;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A handle on a test domain. The lifecycle is a real state machine: starting a running domain,
 * suspending a paused one and the like fail with {@code OPERATION_INVALID}.
 */
final class TestDomain implements Domain {
    private final TestConnection conn;
    private final String name;
    private final UUID uuid;
    private volatile int id;
    private volatile DomainState state;

    TestDomain(TestConnection conn, DomainEntry e) {
        this.conn = conn;
        this.name = e.config.name();
        this.uuid = e.config.uuid();
        this.id = e.state.isActive() ? e.id : -1;
        this.state = e.state;
    }

    @Override
    public Connection connection() {
        return conn;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public UUID uuid() {
        return uuid;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public DomainState state() {
        return state;
    }

    /** Reads the entry under the host lock. */
    private <T> T read(java.util.function.Function<DomainEntry, T> f) {
        TestHost h = conn.host();
        return h.read(() -> f.apply(h.domain(uuid)));
    }

    /** Changes the entry under the host lock and refreshes this handle's id and state. */
    private void change(Consumer<DomainEntry> f) {
        TestHost h = conn.host();
        h.write(() -> {
            DomainEntry e = h.domain(uuid);
            f.accept(e);
            id = e.state.isActive() ? e.id : -1;
            state = e.state;
        });
    }

    private HypervisorException invalid(String what) {
        return new HypervisorException(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                "Requested operation is not valid: domain '" + name + "' " + what);
    }

    private void requireState(DomainEntry e, String what, DomainState... allowed) {
        for (DomainState s : allowed) {
            if (e.state == s) {
                return;
            }
        }
        throw invalid(what);
    }

    // ---- information -------------------------------------------------------------------------

    @Override
    public DomainInfo info() {
        return read(e -> new DomainInfo(e.state, e.config.memoryKiB(), e.config.effectiveCurrentMemoryKiB(), e.config.vcpus(),
                e.state.isActive() ? 1_000_000_000L * e.id : 0));
    }

    @Override
    public List<TypedParameter> blockStats(String disk) {
        return read(e -> {
            TestStats.disk(e.config, disk);
            requireRunning(e);
            return TestStats.blockStats(java.time.Instant.now());
        });
    }

    @Override
    public io.jvirt.spi.InterfaceStats interfaceStats(String device) {
        return read(e -> {
            requireRunning(e);
            TestStats.nic(e.config, device);
            return TestStats.interfaceStats(java.time.Instant.now());
        });
    }

    private void requireRunning(DomainEntry e) {
        if (!e.state.isActive()) {
            throw new HypervisorException(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                    "Requested operation is not valid: domain is not running");
        }
    }

    @Override
    public String osType() {
        return read(e -> e.config.os().type());
    }

    @Override
    public long maxMemory() {
        return read(e -> e.config.memoryKiB());
    }

    @Override
    public int maxVcpus() {
        return conn.maxVcpus(null);
    }

    @Override
    public boolean isPersistent() {
        return read(e -> e.persistent);
    }

    @Override
    public boolean isUpdated() {
        return read(e -> false);
    }

    @Override
    public String xmlDesc(Set<DomainXmlFlag> flags) {
        return read(e -> DomainXml.format(e.config, flags.contains(DomainXmlFlag.SECURE),
                flags.contains(DomainXmlFlag.INACTIVE) || !e.state.isActive() ? -1 : e.id));
    }

    // ---- lifecycle ---------------------------------------------------------------------------

    @Override
    public void create(ProgressListener progress) {
        progress.progress("start", 0);
        TestHost h = conn.host();
        change(e -> {
            requireState(e, "is already running", DomainState.SHUTOFF);
            e.managedSave = false;
            h.start(e);
        });
        conn.lifecycle(name, uuid, LifecycleEvent.STARTED, LifecycleEvent.STARTED_BOOTED);
        progress.progress("start", 100);
    }

    @Override
    public void shutdown() {
        stop(LifecycleEvent.STOPPED_SHUTDOWN);
    }

    private void stop(int detail) {
        TestHost h = conn.host();
        change(e -> {
            requireState(e, "is not running", DomainState.RUNNING, DomainState.PAUSED);
            h.stop(e);
        });
        if (detail == LifecycleEvent.STOPPED_SHUTDOWN) {
            conn.lifecycle(name, uuid, LifecycleEvent.SHUTDOWN, LifecycleEvent.SHUTDOWN_FINISHED);
        }
        conn.lifecycle(name, uuid, LifecycleEvent.STOPPED, detail);
    }

    @Override
    public void destroy() {
        stop(LifecycleEvent.STOPPED_DESTROYED);
    }

    @Override
    public void reboot() {
        change(e -> requireState(e, "is not running", DomainState.RUNNING));
        conn.publish(DomainEvent.of(name, uuid, DomainEventId.REBOOT, -1, null, EventOrigin.LIVE));
    }

    @Override
    public void reset() {
        change(e -> requireState(e, "is not running", DomainState.RUNNING, DomainState.PAUSED));
    }

    @Override
    public void suspend() {
        change(e -> {
            requireState(e, e.state == DomainState.PAUSED ? "is already paused" : "is not running", DomainState.RUNNING);
            e.state = DomainState.PAUSED;
        });
        conn.lifecycle(name, uuid, LifecycleEvent.SUSPENDED, LifecycleEvent.SUSPENDED_PAUSED);
    }

    @Override
    public void resume() {
        change(e -> {
            requireState(e, "is not paused", DomainState.PAUSED);
            e.state = DomainState.RUNNING;
        });
        conn.lifecycle(name, uuid, LifecycleEvent.RESUMED, LifecycleEvent.RESUMED_UNPAUSED);
    }

    @Override
    public void undefine() {
        TestHost h = conn.host();
        change(e -> {
            if (e.state.isActive()) {
                e.persistent = false; // like libvirt: a running domain becomes transient
            } else {
                h.remove(e);
            }
        });
        conn.lifecycle(name, uuid, LifecycleEvent.UNDEFINED, LifecycleEvent.UNDEFINED_REMOVED);
    }

    @Override
    public boolean hasManagedSaveImage() {
        return read(e -> e.managedSave);
    }

    @Override
    public void managedSaveRemove() {
        change(e -> e.managedSave = false);
    }

    // ---- resources ---------------------------------------------------------------------------

    @Override
    public void setMemory(long kib) {
        change(e -> {
            if (kib <= 0 || kib > e.config.memoryKiB()) {
                throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                        "invalid argument: cannot set memory of domain '" + name + "' to " + kib
                                + " KiB: must be 1.." + e.config.memoryKiB());
            }
            e.config = e.config.toBuilder().currentMemoryKiB(kib).build();
        });
    }

    @Override
    public void setMaxMemory(long kib) {
        change(e -> {
            if (kib <= 0) {
                throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                        "invalid argument: cannot set max memory of domain '" + name + "' to " + kib + " KiB");
            }
            requireState(e, "must be shut off to change its maximum memory", DomainState.SHUTOFF);
            e.config = e.config.toBuilder().memoryKiB(kib)
                    .currentMemoryKiB(Math.min(kib, e.config.effectiveCurrentMemoryKiB())).build();
        });
    }

    @Override
    public void setVcpus(int count) {
        int max = maxVcpus();
        change(e -> {
            if (count < 1 || count > max) {
                throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                        "invalid argument: requested vcpus " + count + " of domain '" + name + "' is not in 1.." + max);
            }
            e.config = e.config.toBuilder().vcpus(count).build();
        });
    }

    @Override
    public List<TypedParameter> memoryParameters() {
        return read(e -> List.of(TypedParameter.ofUnsignedLong("min_guarantee", e.minGuaranteeKiB)));
    }

    @Override
    public void setMemoryParameters(List<TypedParameter> params) {
        for (TypedParameter p : params) {
            if (!p.name().equals("min_guarantee")) {
                throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                        "invalid argument: unsupported memory parameter '" + p.name() + "'");
            }
        }
        change(e -> params.forEach(p -> e.minGuaranteeKiB = p.longValue()));
    }

    @Override
    public String schedulerType() {
        conn.checkOpen();
        return "fair";
    }

    @Override
    public List<TypedParameter> schedulerParameters() {
        return read(e -> List.of(new TypedParameter("weight", TypedParameter.Type.UINT, e.schedulerWeight)));
    }

    @Override
    public void setSchedulerParameters(List<TypedParameter> params) {
        for (TypedParameter p : params) {
            if (!p.name().equals("weight")) {
                throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                        "invalid argument: unsupported scheduler parameter '" + p.name() + "'");
            }
        }
        change(e -> params.forEach(p -> e.schedulerWeight = (int) p.longValue()));
    }

    @Override
    public boolean autostart() {
        return read(e -> e.autostart);
    }

    @Override
    public void setAutostart(boolean autostart) {
        change(e -> e.autostart = autostart);
    }

    // ---- snapshots ---------------------------------------------------------------------------

    @Override
    public DomainSnapshot createSnapshot(String xml, Set<SnapshotFlag> flags, ProgressListener progress) {
        EnumSet<SnapshotFlag> allowed = EnumSet.of(SnapshotFlag.DISK_ONLY, SnapshotFlag.QUIESCE,
                SnapshotFlag.NO_METADATA, SnapshotFlag.VALIDATE);
        for (SnapshotFlag f : flags) {
            if (!allowed.contains(f)) {
                throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                        "invalid argument: flag " + f + " is not accepted when creating a snapshot");
            }
        }
        TestSnapshot.Definition def = TestSnapshot.parse(xml);
        progress.progress("snapshot-create", 0);
        change(e -> {
            for (SnapshotEntry s : e.snapshots) {
                if (s.name.equals(def.name())) {
                    throw invalid("already has a snapshot named '" + def.name() + "'");
                }
            }
            e.snapshots.add(new SnapshotEntry(def.name(), def.description(), e.currentSnapshot,
                    System.currentTimeMillis() / 1000, e.state, e.config));
            e.currentSnapshot = def.name();
        });
        progress.progress("snapshot-create", 100);
        return new TestSnapshot(this, def.name());
    }

    @Override
    public List<DomainSnapshot> listSnapshots(Set<SnapshotFlag> flags) {
        return read(e -> {
            List<DomainSnapshot> result = new ArrayList<>();
            for (SnapshotEntry s : TestSnapshot.preOrder(e, null, !flags.contains(SnapshotFlag.ROOTS))) {
                if (flags.contains(SnapshotFlag.LEAVES) && TestSnapshot.hasChildren(e, s.name)) {
                    continue;
                }
                result.add(new TestSnapshot(this, s.name));
            }
            return result;
        });
    }

    @Override
    public DomainSnapshot snapshotLookupByName(String snapshotName) {
        return read(e -> new TestSnapshot(this, e.snapshot(snapshotName).name));
    }

    @Override
    public boolean hasCurrentSnapshot() {
        return read(e -> e.currentSnapshot != null);
    }

    @Override
    public DomainSnapshot currentSnapshot() {
        return read(e -> {
            if (e.currentSnapshot == null) {
                throw new HypervisorException(ErrorCode.NO_DOMAIN_SNAPSHOT, ErrorDomain.TEST,
                        "Domain snapshot not found: the domain '" + name + "' has no current snapshot");
            }
            return new TestSnapshot(this, e.currentSnapshot);
        });
    }

    /** For {@link TestSnapshot}: run under the lock with the entry. */
    <T> T withEntry(java.util.function.Function<DomainEntry, T> f) {
        return read(f);
    }

    /** For {@link TestSnapshot}: change under the lock. */
    // ---- devices (one definition: a change affects the running domain and its config alike) ----

    @Override
    public void attachDevice(String xml, Set<io.jvirt.spi.DomainModificationImpact> flags) {
        editDevices(xml, flags, io.jvirt.spi.xml.DeviceEdits::attach);
    }

    @Override
    public void detachDevice(String xml, Set<io.jvirt.spi.DomainModificationImpact> flags) {
        editDevices(xml, flags, io.jvirt.spi.xml.DeviceEdits::detach);
    }

    @Override
    public void updateDevice(String xml, Set<io.jvirt.spi.DomainModificationImpact> flags) {
        editDevices(xml, flags, io.jvirt.spi.xml.DeviceEdits::update);
    }

    /** One device edit of libvirt's rules; {@code --live} on a shut-off domain is refused. */
    private void editDevices(String xml, Set<io.jvirt.spi.DomainModificationImpact> flags,
                             DeviceEdit edit) {
        io.jvirt.spi.xml.DeviceXml.Device device = io.jvirt.spi.xml.DeviceXml.parse(xml);
        change(e -> {
            io.jvirt.spi.DomainModificationImpact.resolve(flags, e.state.isActive(), ErrorDomain.TEST);
            e.config = edit.apply(e.config, device, ErrorDomain.TEST);
        });
    }

    private interface DeviceEdit {
        io.jvirt.spi.xml.DomainDef apply(io.jvirt.spi.xml.DomainDef def, io.jvirt.spi.xml.DeviceXml.Device device,
                                         ErrorDomain domain);
    }

    void changeEntry(Consumer<DomainEntry> f) {
        change(f);
    }

    // ---- clone, console (TestDomainCopies) --------------------------------------------------

    @Override
    public Domain clone(String newName, io.jvirt.spi.CloneOptions options) {
        io.jvirt.spi.CloneOptions opts = options == null ? io.jvirt.spi.CloneOptions.defaults() : options;
        TestHost h = conn.host();
        Domain clone = h.read(() -> {
            DomainEntry source = h.domain(uuid);
            String poolPath = opts.pool() == null ? null : h.pool(opts.pool()).path;
            return new TestDomain(conn, h.define(TestDomainCopies.cloneOf(source, newName, opts, poolPath)));
        });
        conn.lifecycle(clone.name(), clone.uuid(), LifecycleEvent.DEFINED, LifecycleEvent.DEFINED_ADDED);
        return clone;
    }

    @Override
    public io.jvirt.spi.Screenshot screenshot(int screen) {
        if (screen != 0) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.TEST, "invalid argument: screen " + screen
                    + " does not exist (the test domain has one)");
        }
        read(e -> {
            if (!e.state.isActive()) {
                throw invalid("is not running");
            }
            return null;
        });
        return new io.jvirt.spi.Screenshot("image/png", TestDomainCopies.screenshotPng());
    }

    @Override
    public void sendKey(io.jvirt.spi.keys.KeycodeSet codeset, int holdTimeMs, int[] keycodes) {
        if (keycodes == null || keycodes.length == 0 || keycodes.length > 16) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                    "invalid argument: between 1 and 16 keys can be sent");
        }
        read(e -> {
            if (!e.state.isActive()) {
                throw invalid("is not running");
            }
            return null;
        });
    }

    /** virsh's domdisplay from the definition: a VNC display with a port, else virsh's error. */
    @Override
    public String displayUri(String type, boolean includePassword) {
        return read(e -> {
            if (e.state.isActive() && e.config.devices() != null) {
                for (io.jvirt.spi.xml.GraphicsDef g : e.config.devices().graphics()) {
                    if ("vnc".equals(g.type()) && g.port() >= 5900 && (type == null || "vnc".equals(type))) {
                        String host = g.listenAddress() == null ? "localhost" : g.listenAddress();
                        String password = includePassword && g.passwd() != null ? ":" + g.passwd().reveal() + "@" : "";
                        return "vnc://" + password + host + ":" + (g.port() - 5900);
                    }
                }
            }
            throw new HypervisorException(ErrorCode.OPERATION_FAILED, ErrorDomain.TEST, "No graphical display found");
        });
    }

    /** As libvirt's test driver: the named snapshot becomes current, nothing is reverted. */
    @Override
    public void setCurrentSnapshot(String snapshotName) {
        change(e -> e.currentSnapshot = e.snapshot(snapshotName).name);
    }

    @Override
    public String toString() {
        return "TestDomain[" + name + ", " + uuid + "]";
    }
}
