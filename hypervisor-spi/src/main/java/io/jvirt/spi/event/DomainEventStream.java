package io.jvirt.spi.event;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A driver's event stream: numbers events, keeps the last {@code capacity} of them in a journal
 * for listeners resuming from a cursor, and hands each to the matching listeners on the
 * publishing thread (a driver publishes from one thread, its event thread, or from the thread
 * that made the change). Replay and live delivery share one lock, so a resuming listener gets
 * every event exactly once and in order.
 *
 * <p>For driver authors; host applications use {@code Connection.registerDomainEvents}.
 */
public final class DomainEventStream {
    private static final System.Logger LOG = System.getLogger(DomainEventStream.class.getName());

    private final String name;
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<DomainEvent> journal = new ArrayDeque<>();
    private final List<Registration> listeners = new CopyOnWriteArrayList<>();
    private final Consumer<Integer> listenerCountChanged;
    private long sequence;
    private volatile boolean closed;

    /**
     * @param capacity             events kept for resuming listeners
     * @param listenerCountChanged told the number of listeners after each change (a driver
     *                             starts its watcher at 1 and may stop it at 0); called outside
     *                             the stream's lock
     */
    public DomainEventStream(int capacity, Consumer<Integer> listenerCountChanged) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.name = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        this.capacity = capacity;
        this.listenerCountChanged = listenerCountChanged;
    }

    /** A stream of 10,000 events that needs no watcher. */
    public DomainEventStream() {
        this(10_000, n -> { });
    }

    /** The cursor after the last event published. */
    public EventCursor position() {
        lock.lock();
        try {
            return new EventCursor(name, sequence);
        } finally {
            lock.unlock();
        }
    }

    /** The number of registered listeners. */
    public int listenerCount() {
        return listeners.size();
    }

    /** Numbers {@code event}, journals it and delivers it to every matching listener. */
    public void publish(DomainEvent event) {
        if (closed) {
            return;
        }
        lock.lock();
        try {
            sequence++;
            DomainEvent numbered = event.at(new EventCursor(name, sequence));
            journal.addLast(numbered);
            if (journal.size() > capacity) {
                journal.removeFirst();
            }
            for (Registration r : listeners) {
                r.deliver(numbered);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Registers a listener. With {@code filter.since()} the journal's events after that cursor
     * are delivered first (origin {@link EventOrigin#REPLAYED}); when the journal no longer holds
     * them, or the cursor is from another stream, {@link DomainEventListener#onGap} says so
     * before live events follow.
     */
    public EventRegistration register(EventFilter filter, DomainEventListener listener) {
        if (closed) {
            throw new io.jvirt.spi.error.HypervisorException(io.jvirt.spi.error.ErrorCode.CONNECTION_CLOSED,
                    io.jvirt.spi.error.ErrorDomain.CORE, "the connection's event stream is closed");
        }
        Registration r;
        lock.lock();
        try {
            r = new Registration(filter, listener, new EventCursor(name, sequence));
            EventCursor since = filter.since();
            if (since != null) {
                replay(r, since);
            }
            listeners.add(r);
        } finally {
            lock.unlock();
        }
        listenerCountChanged.accept(listeners.size());
        return r;
    }

    private void replay(Registration r, EventCursor since) {
        long oldest = journal.isEmpty() ? sequence + 1 : journal.peekFirst().cursor().sequence();
        EventCursor oldestCursor = new EventCursor(name, oldest - 1);
        if (!since.stream().equals(name)) {
            r.gap(new EventGap(since, oldestCursor, "cursor " + since + " belongs to another event stream (an earlier"
                    + " connection or process); events since then cannot be replayed, read the current state instead"));
            return;
        }
        if (since.sequence() > sequence) {
            r.gap(new EventGap(since, oldestCursor, "cursor " + since + " is ahead of this stream (last event "
                    + sequence + "); nothing to replay"));
            return;
        }
        if (since.sequence() + 1 < oldest) {
            r.gap(new EventGap(since, oldestCursor, "events " + (since.sequence() + 1) + " to " + (oldest - 1)
                    + " after cursor " + since + " are older than the journal of " + capacity
                    + " events and are lost; replaying from " + oldest));
        }
        for (DomainEvent e : new ArrayList<>(journal)) {
            if (e.cursor().sequence() > since.sequence()) {
                r.deliver(e.withOrigin(e.origin() == EventOrigin.LIVE ? EventOrigin.REPLAYED : e.origin()));
            }
        }
    }

    /** Ends the stream: listeners are dropped, later publishes ignored. */
    public void close() {
        closed = true;
        listeners.forEach(r -> r.active = false);
        listeners.clear();
    }

    private final class Registration implements EventRegistration {
        private final EventFilter filter;
        private final DomainEventListener listener;
        private volatile EventCursor cursor;
        private volatile boolean active = true;

        Registration(EventFilter filter, DomainEventListener listener, EventCursor start) {
            this.filter = filter;
            this.listener = listener;
            this.cursor = filter.since() != null && filter.since().stream().equals(name) ? filter.since() : start;
        }

        void deliver(DomainEvent e) {
            if (!active) {
                return;
            }
            cursor = e.cursor();
            if (filter.matches(e)) {
                try {
                    listener.onEvent(e);
                } catch (RuntimeException ex) {
                    LOG.log(System.Logger.Level.WARNING, "Event listener failed on {0}: {1}", e, ex.toString());
                }
            }
        }

        void gap(EventGap gap) {
            try {
                listener.onGap(gap);
            } catch (RuntimeException ex) {
                LOG.log(System.Logger.Level.WARNING, "Event listener failed on a gap notice: {0}", ex.toString());
            }
        }

        @Override
        public EventCursor cursor() {
            return cursor;
        }

        @Override
        public boolean isActive() {
            return active && !closed;
        }

        @Override
        public void close() {
            if (active) {
                active = false;
                if (listeners.remove(this)) {
                    listenerCountChanged.accept(listeners.size());
                }
            }
        }
    }
}
