package io.jvirt.esx.events;

import io.jvirt.esx.domain.PowerStates;
import io.jvirt.esx.domain.VmIdentity;
import io.jvirt.esx.inventory.InventoryScope;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.esx.vi.Specs;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.HypervisorException;
import io.jvirt.spi.event.DomainEvent;
import io.jvirt.spi.event.DomainEventStream;
import io.jvirt.spi.event.EventOrigin;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.ObjectUpdate;
import io.jvirt.vim25.ObjectUpdateKind;
import io.jvirt.vim25.PropertyChange;
import io.jvirt.vim25.PropertyChangeOp;
import io.jvirt.vim25.PropertyFilterSpec;
import io.jvirt.vim25.PropertyFilterUpdate;
import io.jvirt.vim25.UpdateSet;
import io.jvirt.vim25.WaitOptions;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Watches every VM of a connection's scope with one property-collector filter and publishes
 * domain events into the connection's {@link DomainEventStream}, on one thread per connection
 * however many listeners there are.
 *
 * <p>Never lost: the first update after the filter is created is the baseline. When the
 * session is renewed (expired, server restarted) the filter died with it: a new one is created
 * and its first, complete update is compared with what was known before the gap; the
 * differences are published as events marked {@link EventOrigin#STATE_DIFF}. A failed poll
 * (network outage) keeps the filter and its version and is retried with growing pauses (the
 * server then reports exactly what changed meanwhile); after two failures in a row the filter
 * is re-created as above. Only changes of state are published, so nothing is published twice.
 *
 * <p>Cost: one {@code CreateFilter} per session, then one {@code WaitForUpdatesEx} per batch
 * of changes (at most {@link #MAX_OBJECT_UPDATES} VMs a batch) or per idle
 * {@code maxWaitSeconds}.
 */
public final class DomainWatcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DomainWatcher.class.getName());

    /** The properties watched on every VM. */
    static final List<String> PROPERTIES = List.of("name", "config.uuid", "configStatus", "runtime.powerState",
            "config.changeVersion", "runtime.bootTime", "config.annotation");
    /** VMs per update batch asked of the server ({@code WaitOptions.maxObjectUpdates}). */
    public static final int MAX_OBJECT_UPDATES = 1000;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final VimSession session;
    private final InventoryScope scope;
    private final DomainEventStream stream;
    private final int maxWaitSeconds;
    private final Thread thread;
    private final Object stateLock = new Object();
    /** MOR value to what is known of the VM; only the watcher thread writes it. */
    private Map<String, VmRecord> known = new HashMap<>();
    /** MOR value to the raw properties seen, for partial updates. */
    private final Map<String, Map<String, Object>> raw = new HashMap<>();
    private volatile boolean running = true;
    private volatile boolean baselineDone;
    private ManagedObjectReference filter;
    private long filterGeneration = -1;
    private String version = "";
    private boolean initial;
    private int failures;
    private long resyncs;

    /**
     * Starts watching.
     *
     * @param maxWaitSeconds how long one poll waits on the server when nothing changes (and so
     *                       how long {@link #close()} may wait, and how late a renewed session is
     *                       noticed at worst)
     */
    public DomainWatcher(VimSession session, InventoryScope scope, DomainEventStream stream, int maxWaitSeconds) {
        if (maxWaitSeconds < 1) {
            throw new IllegalArgumentException("maxWaitSeconds must be positive: " + maxWaitSeconds);
        }
        this.session = session;
        this.scope = scope;
        this.stream = stream;
        this.maxWaitSeconds = maxWaitSeconds;
        this.thread = new Thread(this::run, "esx-events-" + session.host());
        thread.setDaemon(true);
        thread.start();
    }

    /** True once the first complete state was read (events after that are seen). */
    public boolean isBaselineDone() {
        return baselineDone;
    }

    /** Waits until the baseline was read; false on timeout. */
    public boolean awaitBaseline(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (stateLock) {
            while (!baselineDone) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                stateLock.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    /** How often the state was re-synchronised after a lost filter. */
    public long resyncCount() {
        return resyncs;
    }

    /** The number of VMs watched. */
    public int watchedCount() {
        synchronized (stateLock) {
            return known.size();
        }
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                long generation = session.loginGeneration();
                if (filter == null || generation != filterGeneration) {
                    createFilter(generation);
                }
                UpdateSet updates = poll();
                if (!running) {
                    break;
                }
                if (session.loginGeneration() != filterGeneration) {
                    continue; // an answer from a renewed session, which no longer has our filter
                }
                failures = 0;
                backoff = Duration.ZERO;
                if (updates != null) {
                    apply(updates);
                    version = updates.getVersion();
                    if (initial && !Boolean.TRUE.equals(updates.isTruncated())) {
                        finishInitial();
                    }
                } else if (initial) {
                    finishInitial(); // an empty scope: the first poll returned nothing
                }
            } catch (HypervisorException | IllegalStateException e) {
                if (!running) {
                    break;
                }
                failures++;
                if (failures >= 2) {
                    filter = null; // re-create and re-synchronise on the next round
                }
                backoff = backoff.isZero() ? Duration.ofMillis(500) : min(backoff.multipliedBy(2), MAX_BACKOFF);
                LOG.log(System.Logger.Level.WARNING, "Watching domain events on ''{0}'' failed ({1}); retrying in {2} ms",
                        session.host(), e.getMessage(), backoff.toMillis());
                sleep(backoff);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Domain event watcher on ''{0}'' stopped: {1}", session.host(), e.toString());
                running = false;
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void createFilter(long generation) {
        ManagedObjectReference collector = session.content().getPropertyCollector();
        PropertyFilterSpec spec = Specs.filter(scope.vmSearch(), Specs.props("VirtualMachine", PROPERTIES));
        ManagedObjectReference old = filter;
        filter = null;
        if (old != null && generation == filterGeneration) {
            try {
                session.call("DestroyPropertyFilter", p -> {
                    p.destroyPropertyFilter(old);
                    return null;
                });
            } catch (HypervisorException e) {
                LOG.log(System.Logger.Level.DEBUG, "Old property filter already gone: {0}", e.getMessage());
            }
        }
        ManagedObjectReference created = session.call("CreateFilter", p -> p.createFilter(collector, spec, false));
        filter = created;
        // Created on the session of the generation seen after the call (call() may have logged in again).
        filterGeneration = session.loginGeneration();
        version = "";
        initial = true;
        raw.clear();
    }

    private UpdateSet poll() {
        ManagedObjectReference collector = session.content().getPropertyCollector();
        WaitOptions options = new WaitOptions();
        options.setMaxWaitSeconds(maxWaitSeconds);
        options.setMaxObjectUpdates(MAX_OBJECT_UPDATES);
        String v = version;
        return session.call("WaitForUpdatesEx", p -> p.waitForUpdatesEx(collector, v, options));
    }

    private final Map<String, VmRecord> fresh = new LinkedHashMap<>();

    private void apply(UpdateSet updates) {
        for (PropertyFilterUpdate fu : updates.getFilterSet()) {
            for (ObjectUpdate ou : fu.getObjectSet()) {
                String key = ou.getObj().getValue();
                if (ou.getKind() == ObjectUpdateKind.LEAVE) {
                    raw.remove(key);
                    if (initial) {
                        fresh.remove(key);
                    } else {
                        publishChange(key, null);
                    }
                    continue;
                }
                Map<String, Object> props = raw.computeIfAbsent(key, k -> new HashMap<>());
                for (PropertyChange change : ou.getChangeSet()) {
                    if (change.getOp() == PropertyChangeOp.REMOVE || change.getOp() == PropertyChangeOp.INDIRECT_REMOVE
                            || change.getVal() == null) {
                        props.remove(change.getName());
                    } else {
                        props.put(change.getName(), change.getVal());
                    }
                }
                VmRecord rec = record(ou.getObj(), props);
                if (rec == null) {
                    continue; // not yet complete (a VM being created has no config yet)
                }
                if (initial) {
                    fresh.put(key, rec);
                } else {
                    publishChange(key, rec);
                }
            }
        }
    }

    private void publishChange(String key, VmRecord now) {
        VmRecord before;
        synchronized (stateLock) {
            before = now == null ? known.remove(key) : known.put(key, now);
        }
        for (DomainEvent e : Transitions.between(before, now, EventOrigin.LIVE)) {
            stream.publish(e);
        }
    }

    private void finishInitial() {
        initial = false;
        Map<String, VmRecord> previous;
        synchronized (stateLock) {
            previous = known;
            known = new HashMap<>(fresh);
        }
        if (baselineDone) {
            resyncs++;
            Set<String> keys = new HashSet<>(previous.keySet());
            keys.addAll(fresh.keySet());
            for (String key : keys) {
                for (DomainEvent e : Transitions.between(previous.get(key), fresh.get(key), EventOrigin.STATE_DIFF)) {
                    stream.publish(e);
                }
            }
        }
        fresh.clear();
        synchronized (stateLock) {
            baselineDone = true;
            stateLock.notifyAll();
        }
    }

    /** The record of a VM, or null while its identity properties are missing. */
    private static VmRecord record(ManagedObjectReference mor, Map<String, Object> props) {
        if (props.get("name") == null || props.get("config.uuid") == null) {
            return null;
        }
        ObjectProps op = new ObjectProps(mor, props, List.of());
        String name;
        java.util.UUID uuid;
        try {
            name = VmIdentity.name(op);
            uuid = VmIdentity.uuid(op);
        } catch (HypervisorException e) {
            return null;
        }
        DomainState state = PowerStates.toDomainState(props.get("runtime.powerState"));
        return new VmRecord(name, uuid, state, text(props.get("config.changeVersion")),
                text(props.get("runtime.bootTime")), text(props.get("config.annotation")));
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }

    /** Stops the thread: cancels the pending poll and waits for the thread (at most the poll's wait). */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        if (session.isOpen()) {
            try {
                session.call("CancelWaitForUpdates", p -> {
                    p.cancelWaitForUpdates(session.content().getPropertyCollector());
                    return null;
                });
            } catch (HypervisorException e) {
                LOG.log(System.Logger.Level.DEBUG, "CancelWaitForUpdates failed: {0}", e.getMessage());
            }
        }
        try {
            thread.join(Duration.ofSeconds(maxWaitSeconds + 2L).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ManagedObjectReference f = filter;
        if (f != null && session.isOpen() && session.loginGeneration() == filterGeneration) {
            try {
                session.call("DestroyPropertyFilter", p -> {
                    p.destroyPropertyFilter(f);
                    return null;
                });
            } catch (HypervisorException e) {
                LOG.log(System.Logger.Level.DEBUG, "DestroyPropertyFilter failed: {0}", e.getMessage());
            }
        }
    }
}
