package io.jvirt.esx.events;

import io.jvirt.esx.domain.PowerStates;
import io.jvirt.esx.domain.VmIdentity;
import io.jvirt.esx.inventory.InventoryScope;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.esx.vi.Specs;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.event.DomainEvent;
import io.jvirt.spi.event.DomainEventStream;
import io.jvirt.spi.event.EventOrigin;
import io.jvirt.spi.event.LifecycleEvent;
import io.jvirt.vim25.ArrayOfEvent;
import io.jvirt.vim25.Event;
import io.jvirt.vim25.EventFilterSpec;
import io.jvirt.vim25.EventFilterSpecByEntity;
import io.jvirt.vim25.EventFilterSpecRecursionOption;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.VmGuestRebootEvent;
import io.jvirt.vim25.VmGuestShutdownEvent;
import io.jvirt.vim25.VmPoweredOffEvent;
import io.jvirt.vim25.VmPoweredOnEvent;
import io.jvirt.vim25.VmResettingEvent;
import io.jvirt.vim25.VmSuspendedEvent;
import io.jvirt.vim25.ObjectUpdate;
import io.jvirt.vim25.ObjectUpdateKind;
import io.jvirt.vim25.PropertyChange;
import io.jvirt.vim25.PropertyChangeOp;
import io.jvirt.vim25.PropertyFilterSpec;
import io.jvirt.vim25.PropertyFilterUpdate;
import io.jvirt.vim25.UpdateSet;
import io.jvirt.vim25.WaitOptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
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
 * <p>Where the server keeps an event history (ESX hosts and vCenters do), the same filter also
 * watches the {@code latestPage} of an {@code EventHistoryCollector} for the VM power events:
 * power transitions then come from the server's events, one by one, so quick successions
 * (off and on again between two polls) are all reported; property changes report
 * registration, removal, renames, reconfigurations and description changes. A power state that
 * the properties show but no event explains within {@link #RECONCILE_AFTER} is reported as a
 * {@link EventOrigin#STATE_DIFF}. Servers without history (the in-JVM simulator) are watched by
 * properties alone.
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
    /** Events per history page (vSphere's maximum for a collector's page). */
    static final int HISTORY_PAGE = 1000;
    /** How long a power state may stay unexplained by an event before it is reported anyway. */
    static final Duration RECONCILE_AFTER = Duration.ofSeconds(2);
    /** The event types read from the history. */
    static final List<String> HISTORY_TYPES = List.of("VmPoweredOnEvent", "VmPoweredOffEvent", "VmSuspendedEvent",
            "VmGuestShutdownEvent", "VmResettingEvent", "VmGuestRebootEvent");

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
    private ManagedObjectReference collector;
    /** True while the filter includes the event history (power transitions from events). */
    private boolean history;
    private boolean historyRefused;
    /** The key of the newest history event processed. */
    private int lastKey = -1;
    private final List<Event> initialHistory = new ArrayList<>();
    private final Set<String> guestShutdown = new HashSet<>();
    /** VM key -> power state the properties show, while it differs from the events' (with since when). */
    private final Map<String, Long> unexplainedSince = new HashMap<>();
    private final Map<String, DomainState> propertyState = new HashMap<>();
    private boolean historyOverflow;
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
                    if (historyOverflow) {
                        historyOverflow = false;
                        filter = null; // more events than one page: re-synchronise by state diff
                        continue;
                    }
                    version = updates.getVersion();
                    if (initial && !Boolean.TRUE.equals(updates.isTruncated())) {
                        finishInitial();
                    }
                } else if (initial) {
                    finishInitial(); // an empty scope: the first poll returned nothing
                }
                if (!initial) {
                    reconcile(false);
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
        ManagedObjectReference pc = session.content().getPropertyCollector();
        ManagedObjectReference old = filter;
        ManagedObjectReference oldCollector = collector;
        filter = null;
        collector = null;
        if (oldCollector != null && generation == filterGeneration) {
            try {
                session.call("DestroyCollector", p -> {
                    p.destroyCollector(oldCollector);
                    return null;
                });
            } catch (HypervisorException e) {
                LOG.log(System.Logger.Level.DEBUG, "Old event collector already gone: {0}", e.getMessage());
            }
        }
        collector = createCollector();
        history = collector != null;
        List<io.jvirt.vim25.ObjectSpec> objects = new ArrayList<>(List.of(scope.vmSearch()));
        List<io.jvirt.vim25.PropertySpec> props = new ArrayList<>(List.of(Specs.props("VirtualMachine", PROPERTIES)));
        PropertyFilterSpec spec = Specs.filter(objects, props);
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
        ManagedObjectReference created = session.call("CreateFilter", p -> p.createFilter(pc, spec, false));
        filter = created;
        // Created on the session of the generation seen after the call (call() may have logged in again).
        filterGeneration = session.loginGeneration();
        version = "";
        initial = true;
        raw.clear();
        initialHistory.clear();
    }

    /** An event collector for the VM power events of the scope, or null when the server has no history. */
    private ManagedObjectReference createCollector() {
        ManagedObjectReference eventManager = session.content().getEventManager();
        if (eventManager == null || historyRefused) {
            return null;
        }
        EventFilterSpec spec = new EventFilterSpec();
        if (scope.datacenter() != null) {
            EventFilterSpecByEntity entity = new EventFilterSpecByEntity();
            entity.setEntity(scope.datacenter());
            entity.setRecursion(EventFilterSpecRecursionOption.ALL);
            spec.setEntity(entity);
        }
        spec.setDisableFullMessage(Boolean.TRUE);
        spec.getEventTypeId().addAll(HISTORY_TYPES);
        spec.setMaxCount(HISTORY_PAGE);
        try {
            return session.call("CreateCollectorForEvents", p -> p.createCollectorForEvents(eventManager, spec));
        } catch (HypervisorException e) {
            historyRefused = true;
            LOG.log(System.Logger.Level.INFO, "''{0}'' keeps no event history ({1}); watching power states by property",
                    session.host(), e.getMessage());
            return null;
        }
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
        if (history && !initial && hasModify(updates)) {
            for (Event e : newEvents(readHistory())) {
                applyHistory(e, EventOrigin.LIVE);
            }
        }
        for (PropertyFilterUpdate fu : updates.getFilterSet()) {
            for (ObjectUpdate ou : fu.getObjectSet()) {
                if (!"VirtualMachine".equals(ou.getObj().getType())) {
                    continue;
                }
                String key = ou.getObj().getValue();
                if (ou.getKind() == ObjectUpdateKind.LEAVE) {
                    raw.remove(key);
                    if (initial) {
                        this.fresh.remove(key);
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
                    this.fresh.put(key, rec);
                } else {
                    publishChange(key, rec);
                }
            }
        }
    }

    private void publishChange(String key, VmRecord now) {
        VmRecord before;
        synchronized (stateLock) {
            before = known.get(key);
            if (now != null && history && before != null) {
                // power transitions come from the history: keep the events' state, note the difference
                noteProperty(key, now.state(), before.state());
                now = now.withState(before.state()).withoutBootTime();
            } else if (now != null && history) {
                now = now.withoutBootTime();
            }
            if (now == null) {
                known.remove(key);
                unexplainedSince.remove(key);
                propertyState.remove(key);
            } else {
                known.put(key, now);
            }
        }
        for (DomainEvent e : Transitions.between(before, now, EventOrigin.LIVE)) {
            stream.publish(e);
        }
    }

    private void noteProperty(String key, DomainState shown, DomainState byEvents) {
        propertyState.put(key, shown);
        if (shown == byEvents) {
            unexplainedSince.remove(key);
        } else {
            unexplainedSince.putIfAbsent(key, System.nanoTime());
        }
    }

    private static boolean hasModify(UpdateSet updates) {
        for (PropertyFilterUpdate fu : updates.getFilterSet()) {
            for (ObjectUpdate ou : fu.getObjectSet()) {
                if (ou.getKind() == ObjectUpdateKind.MODIFY) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The collector's latest page (one {@code RetrievePropertiesEx}): read whenever a VM's
     * properties changed, so that every power event since the last read is seen, however
     * quickly they followed each other.
     */
    private List<Event> readHistory() {
        List<ObjectProps> page = io.jvirt.esx.vi.PropertyReader.retrieve(session,
                Specs.filter(Specs.from(collector, false), Specs.props("EventHistoryCollector", "latestPage")));
        List<Event> out = new ArrayList<>();
        for (ObjectProps p : page) {
            p.get("latestPage").ifPresent(v -> {
                if (v instanceof ArrayOfEvent a) {
                    out.addAll(a.getEvent());
                }
            });
        }
        return out;
    }

    /** Events newer than the last processed, oldest first; flags an overflowing page. */
    private List<Event> newEvents(List<Event> page) {
        List<Event> out = new ArrayList<>();
        for (Event e : page) {
            if (e.getKey() > lastKey) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparingInt(Event::getKey));
        if (!out.isEmpty()) {
            if (lastKey >= 0 && out.size() >= HISTORY_PAGE && baselineDone) {
                historyOverflow = true;
            }
            lastKey = out.get(out.size() - 1).getKey();
        }
        return out;
    }

    /** One power event of the history through the state machine of what is known. */
    private void applyHistory(Event e, EventOrigin origin) {
        if (e.getVm() == null || e.getVm().getVm() == null) {
            return;
        }
        String key = e.getVm().getVm().getValue();
        List<DomainEvent> out = new ArrayList<>();
        synchronized (stateLock) {
            VmRecord cur = known.get(key);
            if (cur == null) {
                return; // not a VM of this scope (or not yet seen)
            }
            DomainState target;
            if (e instanceof VmGuestShutdownEvent) {
                guestShutdown.add(key);
                return;
            } else if (e instanceof VmResettingEvent || e instanceof VmGuestRebootEvent) {
                if (cur.state() == DomainState.RUNNING) {
                    out.add(DomainEvent.of(cur.name(), cur.uuid(), io.jvirt.spi.event.DomainEventId.REBOOT, -1, null, origin));
                }
                target = cur.state();
            } else if (e instanceof VmPoweredOnEvent) {
                target = DomainState.RUNNING;
            } else if (e instanceof VmPoweredOffEvent) {
                target = DomainState.SHUTOFF;
            } else if (e instanceof VmSuspendedEvent) {
                target = DomainState.PAUSED;
            } else {
                return;
            }
            if (target != cur.state()) {
                VmRecord next = cur.withState(target);
                if (target == DomainState.SHUTOFF && guestShutdown.remove(key)) {
                    out.add(DomainEvent.lifecycle(cur.name(), cur.uuid(), LifecycleEvent.SHUTDOWN,
                            LifecycleEvent.SHUTDOWN_FINISHED, origin));
                    out.add(DomainEvent.lifecycle(cur.name(), cur.uuid(), LifecycleEvent.STOPPED,
                            LifecycleEvent.STOPPED_SHUTDOWN, origin));
                } else {
                    out.addAll(Transitions.between(cur, next, origin));
                }
                known.put(key, next);
                DomainState shown = propertyState.get(key);
                if (shown != null) {
                    noteProperty(key, shown, target);
                }
            }
        }
        out.forEach(stream::publish);
    }

    /**
     * Reports power states that the properties show and no event explained for
     * {@link #RECONCILE_AFTER} (all of them when {@code now}).
     */
    private void reconcile(boolean now) {
        if (!history || unexplainedSince.isEmpty()) {
            return;
        }
        long limit = System.nanoTime() - RECONCILE_AFTER.toNanos();
        boolean due;
        synchronized (stateLock) {
            due = now || unexplainedSince.values().stream().anyMatch(since -> since <= limit);
        }
        if (!due) {
            return;
        }
        // The event may have been posted just after the property changed: read the history once
        // more before calling anything unexplained.
        for (Event e : newEvents(readHistory())) {
            applyHistory(e, EventOrigin.LIVE);
        }
        List<DomainEvent> out = new ArrayList<>();
        synchronized (stateLock) {
            for (String key : new ArrayList<>(unexplainedSince.keySet())) {
                if (!now && unexplainedSince.get(key) > limit) {
                    continue;
                }
                unexplainedSince.remove(key);
                VmRecord cur = known.get(key);
                DomainState shown = propertyState.get(key);
                if (cur != null && shown != null && shown != cur.state()) {
                    VmRecord next = cur.withState(shown);
                    out.addAll(Transitions.between(cur, next, EventOrigin.STATE_DIFF));
                    known.put(key, next);
                }
            }
        }
        out.forEach(stream::publish);
    }

    private void finishInitial() {
        initial = false;
        Map<String, VmRecord> previous;
        if (history) {
            initialHistory.addAll(newEvents(readHistory()));
        }
        if (baselineDone && history) {
            // the server's record of the gap first, exactly, then whatever it does not explain
            for (Event e : initialHistory) {
                applyHistory(e, EventOrigin.HISTORY);
            }
        }
        initialHistory.clear();
        synchronized (stateLock) {
            previous = known;
            known = new HashMap<>();
            for (Map.Entry<String, VmRecord> e : fresh.entrySet()) {
                propertyState.put(e.getKey(), e.getValue().state());
                known.put(e.getKey(), history ? e.getValue().withoutBootTime() : e.getValue());
            }
            unexplainedSince.clear();
        }
        if (baselineDone) {
            resyncs++;
            Set<String> keys = new HashSet<>(previous.keySet());
            keys.addAll(fresh.keySet());
            for (String key : keys) {
                VmRecord after = fresh.get(key);
                VmRecord before = previous.get(key);
                if (history && after != null) {
                    after = after.withoutBootTime();
                }
                if (history && before != null) {
                    before = before.withoutBootTime();
                }
                for (DomainEvent e : Transitions.between(before, after, EventOrigin.STATE_DIFF)) {
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
        ManagedObjectReference c = collector;
        if (c != null && session.isOpen() && session.loginGeneration() == filterGeneration) {
            try {
                session.call("DestroyCollector", p -> {
                    p.destroyCollector(c);
                    return null;
                });
            } catch (HypervisorException e) {
                LOG.log(System.Logger.Level.DEBUG, "DestroyCollector failed: {0}", e.getMessage());
            }
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
