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
            if (events.size() > CAPACITY) {
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
                    if (types.isEmpty() || types.contains(e.getClass().getSimpleName())) {
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
            return c.ref();
        });
    }

    /** DestroyCollector. */
    void destroyCollector(ManagedObjectReference ref) {
        inventory.write(() -> {
            inventory.require(ref, "EventHistoryCollector");
            inventory.remove(ref);
        });
    }
}
