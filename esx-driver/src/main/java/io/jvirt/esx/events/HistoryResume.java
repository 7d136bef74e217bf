package io.jvirt.esx.events;

import io.jvirt.esx.inventory.InventoryScope;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.event.DomainEvent;
import io.jvirt.spi.event.DomainEventId;
import io.jvirt.spi.event.DomainEventStream;
import io.jvirt.spi.event.EventCursor;
import io.jvirt.spi.event.EventGap;
import io.jvirt.spi.event.EventGapException;
import io.jvirt.spi.event.EventOrigin;
import io.jvirt.spi.event.LifecycleEvent;
import io.jvirt.vim25.Event;
import io.jvirt.vim25.EventFilterSpec;
import io.jvirt.vim25.EventFilterSpecByEntity;
import io.jvirt.vim25.EventFilterSpecByTime;
import io.jvirt.vim25.EventFilterSpecRecursionOption;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.VmGuestRebootEvent;
import io.jvirt.vim25.VmGuestShutdownEvent;
import io.jvirt.vim25.VmPoweredOffEvent;
import io.jvirt.vim25.VmPoweredOnEvent;
import io.jvirt.vim25.VmResettingEvent;
import io.jvirt.vim25.VmSuspendedEvent;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.Function;

/**
 * Resuming after a restart of the host application: a cursor persisted by an earlier process
 * carries the server position {@code <server>/<event key>/<event time ms>} of the last power
 * event of the server's history its stream had seen. A registration on a new connection reads
 * the history after it (an {@code EventHistoryCollector} for the VM power events from that
 * time on: {@code CreateCollectorForEvents}, {@code RewindCollector}, {@code ReadNextEvents}
 * pages of 1000, {@code DestroyCollector}), keeps the events with a larger key up to the new
 * stream's own position (later ones reach the listener live: no duplicates), and turns them into
 * libvirt events marked {@link EventOrigin#HISTORY}. When the history no longer holds the
 * cursor's own event (it aged out), or the cursor names another server, or the server keeps no
 * history, the registration fails with {@link EventGapException}.
 */
final class HistoryResume implements DomainEventStream.HistoryReplay {
    private static final int PAGE = 1000;

    /** A parsed server position. */
    record Position(String server, int key, long timeMillis) {
        static Position parse(String text) {
            int last = text == null ? -1 : text.lastIndexOf('/');
            int mid = last <= 0 ? -1 : text.lastIndexOf('/', last - 1);
            if (mid <= 0) {
                return null;
            }
            try {
                return new Position(text.substring(0, mid), Integer.parseInt(text.substring(mid + 1, last)),
                        Long.parseLong(text.substring(last + 1)));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        String text() {
            return server + "/" + key + "/" + timeMillis;
        }
    }

    private final VimSession session;
    private final InventoryScope scope;
    private final String serverId;
    /** MOR value -> the VM's current record (name, UUID), from the watcher. */
    private final Function<String, VmRecord> vms;
    private final java.util.function.BooleanSupplier history;

    HistoryResume(VimSession session, InventoryScope scope, String serverId, Function<String, VmRecord> vms,
                  java.util.function.BooleanSupplier history) {
        this.session = session;
        this.scope = scope;
        this.serverId = serverId;
        this.vms = vms;
        this.history = history;
    }

    /** The id a server position names this server by: vCenter's instance UUID, else the host's address. */
    static String serverId(VimSession session) {
        String uuid = session.content().getAbout() == null ? null : session.content().getAbout().getInstanceUuid();
        return (uuid != null && !uuid.isEmpty() ? uuid : "esx-" + session.host()).replace("/", "_").replace("@", "_");
    }

    @Override
    public List<DomainEventStream.HistoryEvent> since(String fromText, String upToText) {
        Position from = Position.parse(fromText);
        if (from == null) {
            throw gap(fromText, "cursor position '" + fromText + "' is not an ESX event-history position");
        }
        if (!from.server().equals(serverId)) {
            throw gap(fromText, "the cursor was made on another server (" + from.server() + ", this is " + serverId
                    + "); its events cannot be replayed here: read the current state instead");
        }
        if (!history.getAsBoolean()) {
            throw gap(fromText, "server '" + session.host() + "' keeps no event history: the transitions since the"
                    + " cursor cannot be replayed; read the current state instead");
        }
        Position upTo = Position.parse(upToText);
        List<Event> events = read(from);
        events.sort(Comparator.comparingInt(Event::getKey));
        boolean cursorEventKept = from.key() == 0 || events.stream().anyMatch(e -> e.getKey() == from.key());
        if (!cursorEventKept || (from.key() == 0 && !events.isEmpty() && events.get(0).getKey() > 1
                && oldestBeforeCursor(events, from))) {
            long oldest = events.isEmpty() ? -1 : events.get(0).getKey();
            throw gap(fromText, "the server's event history no longer reaches back to the cursor (event " + from.key()
                    + " of " + Instant.ofEpochMilli(from.timeMillis()) + "; oldest kept: "
                    + (oldest < 0 ? "none" : "event " + oldest) + "): the transitions since then are lost;"
                    + " read the current state instead");
        }
        List<DomainEventStream.HistoryEvent> out = new ArrayList<>();
        Map<String, Boolean> suspended = new HashMap<>();
        Set<String> guestShutdown = new HashSet<>();
        for (Event e : events) {
            if (e.getKey() <= from.key() || (upTo != null && e.getKey() > upTo.key())) {
                continue;
            }
            if (e.getVm() == null || e.getVm().getVm() == null) {
                continue;
            }
            String mor = e.getVm().getVm().getValue();
            VmRecord now = vms.apply(mor);
            String name = now != null ? now.name() : e.getVm().getName();
            UUID uuid = now != null ? now.uuid() : null;
            if (name == null) {
                continue;
            }
            String position = new Position(serverId, e.getKey(), millis(e)).text();
            List<DomainEvent> made = new ArrayList<>();
            if (e instanceof VmGuestShutdownEvent) {
                guestShutdown.add(mor);
            } else if (e instanceof VmResettingEvent || e instanceof VmGuestRebootEvent) {
                made.add(DomainEvent.of(name, uuid, DomainEventId.REBOOT, -1, null, EventOrigin.HISTORY));
            } else if (e instanceof VmPoweredOnEvent) {
                made.add(Boolean.TRUE.equals(suspended.remove(mor))
                        ? DomainEvent.lifecycle(name, uuid, LifecycleEvent.RESUMED, LifecycleEvent.RESUMED_UNPAUSED, EventOrigin.HISTORY)
                        : DomainEvent.lifecycle(name, uuid, LifecycleEvent.STARTED, LifecycleEvent.STARTED_BOOTED, EventOrigin.HISTORY));
            } else if (e instanceof VmSuspendedEvent) {
                suspended.put(mor, true);
                made.add(DomainEvent.lifecycle(name, uuid, LifecycleEvent.SUSPENDED, LifecycleEvent.SUSPENDED_PAUSED, EventOrigin.HISTORY));
            } else if (e instanceof VmPoweredOffEvent) {
                suspended.remove(mor);
                if (guestShutdown.remove(mor)) {
                    made.add(DomainEvent.lifecycle(name, uuid, LifecycleEvent.SHUTDOWN, LifecycleEvent.SHUTDOWN_FINISHED, EventOrigin.HISTORY));
                    made.add(DomainEvent.lifecycle(name, uuid, LifecycleEvent.STOPPED, LifecycleEvent.STOPPED_SHUTDOWN, EventOrigin.HISTORY));
                } else {
                    made.add(DomainEvent.lifecycle(name, uuid, LifecycleEvent.STOPPED, LifecycleEvent.STOPPED_DESTROYED, EventOrigin.HISTORY));
                }
            }
            for (DomainEvent d : made) {
                out.add(new DomainEventStream.HistoryEvent(d, position));
            }
        }
        return out;
    }

    /** With a key-0 cursor (no event known then): events older than the cursor's time were dropped. */
    private static boolean oldestBeforeCursor(List<Event> events, Position from) {
        return millis(events.get(0)) <= from.timeMillis();
    }

    private static long millis(Event e) {
        return e.getCreatedTime() == null ? 0 : e.getCreatedTime().toGregorianCalendar().getTimeInMillis();
    }

    /** Every power event from one second before the cursor's time on (the cursor's own event included). */
    private List<Event> read(Position from) {
        ManagedObjectReference manager = session.content().getEventManager();
        EventFilterSpec spec = new EventFilterSpec();
        if (scope.datacenter() != null) {
            EventFilterSpecByEntity entity = new EventFilterSpecByEntity();
            entity.setEntity(scope.datacenter());
            entity.setRecursion(EventFilterSpecRecursionOption.ALL);
            spec.setEntity(entity);
        }
        EventFilterSpecByTime time = new EventFilterSpecByTime();
        time.setBeginTime(calendar(from.timeMillis() - 1000));
        spec.setTime(time);
        spec.setDisableFullMessage(Boolean.TRUE);
        spec.getEventTypeId().addAll(DomainWatcher.HISTORY_TYPES);
        spec.setMaxCount(PAGE);
        ManagedObjectReference collector;
        try {
            collector = session.call("CreateCollectorForEvents", p -> p.createCollectorForEvents(manager, spec));
        } catch (HypervisorException e) {
            throw gap(from.text(), "server '" + session.host() + "' refused to read its event history ("
                    + e.getMessage() + "); read the current state instead");
        }
        List<Event> out = new ArrayList<>();
        try {
            session.call("RewindCollector", p -> {
                p.rewindCollector(collector);
                return null;
            });
            while (true) {
                List<Event> page = session.call("ReadNextEvents", p -> p.readNextEvents(collector, PAGE));
                if (page == null || page.isEmpty()) {
                    break;
                }
                out.addAll(page);
                if (page.size() < PAGE) {
                    break;
                }
            }
        } finally {
            try {
                session.call("DestroyCollector", p -> {
                    p.destroyCollector(collector);
                    return null;
                });
            } catch (HypervisorException e) {
                System.getLogger(HistoryResume.class.getName()).log(System.Logger.Level.DEBUG,
                        "DestroyCollector failed: {0}", e.getMessage());
            }
        }
        return out;
    }

    private static javax.xml.datatype.XMLGregorianCalendar calendar(long millis) {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(millis);
        try {
            return DatatypeFactory.newInstance().newXMLGregorianCalendar(c);
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException("no XML datatype factory", e);
        }
    }

    private static EventGapException gap(String from, String reason) {
        return new EventGapException(ErrorDomain.ESX, new EventGap(new EventCursor("server", 0, from), null, reason));
    }
}
