package io.jvirt.simulator;

import io.jvirt.vim25.ArrayOfEvent;
import io.jvirt.vim25.Event;
import io.jvirt.vim25.EventFilterSpec;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.VmEvent;
import io.jvirt.vim25.VmEventArgument;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * The EventManager's history (watch: events and statistics): VM power events posted by the
 * lifecycle operations, numbered from 1, the last {@value #CAPACITY} kept; and
 * EventHistoryCollectors whose {@code latestPage} (newest first, at most {@code maxCount}, only
 * the {@code eventTypeId}s asked for) is computed when read. Call under the inventory lock.
 */
final class EventHistory {
    static final int CAPACITY = 1000;

    private final Inventory inventory;
    private final Deque<Event> events = new ArrayDeque<>();
    private int key;
    private volatile boolean enabled = true;
    private volatile int capacity = CAPACITY;
    /** Collector value -> its filter and scroll position (ReadNextEvents, RewindCollector). */
    private final java.util.Map<String, View> views = new java.util.concurrent.ConcurrentHashMap<>();

    /** A collector's filter and the key of the newest event it has read (ReadNextEvents). */
    private static final class View {
        final List<String> types;
        final Instant begin;
        final Instant end;
        final Session owner;
        int readUpTo;

        View(List<String> types, Instant begin, Instant end, Session owner, int readUpTo) {
            this.types = types;
            this.begin = begin;
            this.end = end;
            this.owner = owner;
            this.readUpTo = readUpTo;
        }

        boolean matches(Event e) {
            if (!types.isEmpty() && !types.contains(e.getClass().getSimpleName())) {
                return false;
            }
            Instant t = e.getCreatedTime().toGregorianCalendar().toInstant();
            return (begin == null || !t.isBefore(begin)) && (end == null || !t.isAfter(end));
        }
    }

    /** How many events are kept (older ones are forgotten, as a server's history ages out). */
    void setCapacity(int value) {
        capacity = value;
        synchronized (events) {
            while (events.size() > capacity) {
                events.removeLast();
            }
        }
    }

    /** False: CreateCollectorForEvents fails with NotSupported, like a server without history. */
    void setEnabled(boolean on) {
        enabled = on;
    }

    EventHistory(Inventory inventory) {
        this.inventory = inventory;
    }

    /** Posts a VM event of this type for {@code vm} (under the inventory lock). */
    void post(Supplier<? extends VmEvent> type, ManagedObject vm) {
        VmEvent e = type.get();
        e.setKey(++key);
        e.setChainId(key);
        e.setCreatedTime(Xml.dateTime(Instant.now()));
        e.setUserName("root");
        VmEventArgument arg = new VmEventArgument();
        arg.setName(String.valueOf(vm.get("name")));
        arg.setVm(vm.ref());
        e.setVm(arg);
        e.setTemplate(false);
        synchronized (events) {
            events.addFirst(e);
            if (events.size() > capacity) {
                events.removeLast();
            }
        }
    }

    /** CreateCollectorForEvents: a collector owned by the caller's session. */
    ManagedObjectReference createCollector(EventFilterSpec filter, Caller caller) {
        if (!enabled) {
            throw VimFaults.notSupported("This simulator was started without an event history");
        }
        if (filter.getMaxCount() != null && (filter.getMaxCount() < 1 || filter.getMaxCount() > CAPACITY)) {
            throw VimFaults.invalidArgument("maxCount");
        }
        int size = filter.getMaxCount() == null ? 10 : filter.getMaxCount();
        List<String> types = List.copyOf(filter.getEventTypeId());
        Session owner = caller.session();
        Instant begin = filter.getTime() == null || filter.getTime().getBeginTime() == null ? null
                : filter.getTime().getBeginTime().toGregorianCalendar().toInstant();
        Instant end = filter.getTime() == null || filter.getTime().getEndTime() == null ? null
                : filter.getTime().getEndTime().toGregorianCalendar().toInstant();
        View view;
        synchronized (events) {
            view = new View(types, begin, end, owner, key); // positioned after the newest event
        }
        return inventory.write(() -> {
            ManagedObject c = new ManagedObject("EventHistoryCollector", inventory.nextId("session[collector]"));
            c.derive("latestPage", who -> {
                if (who.session() != owner) {
                    return null;
                }
                ArrayOfEvent page = new ArrayOfEvent();
                List<Event> out = new ArrayList<>();
                List<Event> all;
                synchronized (events) {
                    all = new ArrayList<>(events);
                }
                for (Event e : all) {
                    if (view.matches(e)) {
                        out.add(e);
                        if (out.size() == size) {
                            break;
                        }
                    }
                }
                page.getEvent().addAll(out);
                return page;
            });
            inventory.add(c);
            views.put(c.value(), view);
            return c.ref();
        });
    }

    /** DestroyCollector. */
    void destroyCollector(ManagedObjectReference ref) {
        inventory.write(() -> {
            inventory.require(ref, "EventHistoryCollector");
            inventory.remove(ref);
            views.remove(ref.getValue());
        });
    }

    /** RewindCollector: the next ReadNextEvents starts at the oldest event of the view. */
    void rewind(ManagedObjectReference ref, Caller caller) {
        View v = view(ref, caller);
        synchronized (events) {
            v.readUpTo = 0;
        }
    }

    /** ReadNextEvents: up to maxCount events after the position, oldest first; the position moves past them. */
    List<Event> readNext(ManagedObjectReference ref, int maxCount, Caller caller) {
        if (maxCount < 1 || maxCount > CAPACITY) {
            throw VimFaults.invalidArgument("maxCount");
        }
        View v = view(ref, caller);
        List<Event> out = new ArrayList<>();
        synchronized (events) {
            java.util.Iterator<Event> oldestFirst = events.descendingIterator();
            while (oldestFirst.hasNext() && out.size() < maxCount) {
                Event e = oldestFirst.next();
                if (e.getKey() > v.readUpTo && v.matches(e)) {
                    out.add(e);
                }
            }
            if (!out.isEmpty()) {
                v.readUpTo = out.get(out.size() - 1).getKey();
            }
        }
        return out;
    }

    private View view(ManagedObjectReference ref, Caller caller) {
        View v = ref == null ? null : views.get(ref.getValue());
        if (v == null || inventory.find(ref).isEmpty()) {
            throw VimFaults.objectNotFound(ref == null ? Refs.of("EventHistoryCollector", "null") : ref);
        }
        if (v.owner != caller.session()) {
            throw VimFaults.objectNotFound(ref); // another session's collector
        }
        return v;
    }
}
