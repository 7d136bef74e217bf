package io.jvirt.spi.event;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Which events a listener wants.
 *
 * @param domain the UUID of the one domain to watch, {@code null} for all
 * @param ids    the kinds of events; empty means all
 * @param since  resume after this cursor (replaying what the stream still holds), {@code null}
 *               to start with the next event
 */
public record EventFilter(UUID domain, Set<DomainEventId> ids, EventCursor since) {
    public EventFilter {
        ids = ids == null || ids.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(ids));
    }

    /** Every event of every domain from now on. */
    public static EventFilter all() {
        return new EventFilter(null, Set.of(), null);
    }

    /** Only these kinds. */
    public static EventFilter of(DomainEventId first, DomainEventId... more) {
        return new EventFilter(null, EnumSet.of(first, more), null);
    }

    /** The same filter for one domain. */
    public EventFilter forDomain(UUID uuid) {
        return new EventFilter(uuid, ids, since);
    }

    /** The same filter resuming after {@code cursor}. */
    public EventFilter since(EventCursor cursor) {
        return new EventFilter(domain, ids, cursor);
    }

    /** True when {@code e} passes the filter. */
    public boolean matches(DomainEvent e) {
        return (domain == null || domain.equals(e.domainUuid())) && (ids.isEmpty() || ids.contains(e.id()));
    }
}
