package io.jvirt.spi.event;

/**
 * Receives domain events. Calls come from the connection's one event thread (never one thread
 * per listener), in order; a listener must return quickly and must not block on the connection's
 * event thread (it may call the connection).
 */
@FunctionalInterface
public interface DomainEventListener {

    /** One event. */
    void onEvent(DomainEvent event);

    /** Events that cannot be delivered (see {@link EventGap}); the default ignores the notice. */
    default void onGap(EventGap gap) {
    }
}
