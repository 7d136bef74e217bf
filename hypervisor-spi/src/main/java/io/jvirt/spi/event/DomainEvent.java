package io.jvirt.spi.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One domain event.
 *
 * @param cursor     the stream position just after this event (persist it to resume later)
 * @param time       when the driver saw the event
 * @param domainName the domain's name at the time of the event
 * @param domainUuid the domain's UUID
 * @param id         the kind of event
 * @param lifecycle  for {@link DomainEventId#LIFECYCLE}: the type, else {@code null}
 * @param detail     for lifecycle events: libvirt's detail code of {@code lifecycle}, for
 *                   {@link DomainEventId#METADATA_CHANGE}: libvirt's metadata type
 *                   (0 description, 1 title, 2 element); else {@code -1}
 * @param device     for device-added/removed: the device alias; else {@code null}
 * @param origin     how the driver learnt of it
 */
public record DomainEvent(EventCursor cursor, Instant time, String domainName, UUID domainUuid, DomainEventId id,
                          LifecycleEvent lifecycle, int detail, String device, EventOrigin origin) {
    public DomainEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(domainName, "domainName");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        if ((id == DomainEventId.LIFECYCLE) != (lifecycle != null)) {
            throw new IllegalArgumentException("a lifecycle type is given exactly for lifecycle events");
        }
        if (lifecycle != null && !lifecycle.isDetail(detail)) {
            throw new IllegalArgumentException("detail " + detail + " is not a detail of " + lifecycle);
        }
    }

    /** A lifecycle event, without cursor yet (the stream assigns it). */
    public static DomainEvent lifecycle(String name, UUID uuid, LifecycleEvent type, int detail, EventOrigin origin) {
        return new DomainEvent(null, Instant.now(), name, uuid, DomainEventId.LIFECYCLE, type, detail, null, origin);
    }

    /** A non-lifecycle event, without cursor yet. */
    public static DomainEvent of(String name, UUID uuid, DomainEventId id, int detail, String device, EventOrigin origin) {
        return new DomainEvent(null, Instant.now(), name, uuid, id, null, detail, device, origin);
    }

    /** This event at a stream position. */
    public DomainEvent at(EventCursor position) {
        return new DomainEvent(position, time, domainName, domainUuid, id, lifecycle, detail, device, origin);
    }

    /** This event with another origin (a replay). */
    public DomainEvent withOrigin(EventOrigin o) {
        return new DomainEvent(cursor, time, domainName, domainUuid, id, lifecycle, detail, device, o);
    }

    /** For lifecycle events virsh's {@code "Stopped Destroyed"}; else the empty string. */
    public String lifecycleText() {
        return lifecycle == null ? "" : lifecycle.label() + " " + lifecycle.detailLabel(detail);
    }
}
