package io.jvirt.spi.event;

/** A registered listener; {@link #close()} unregisters it (idempotent, never throws). */
public interface EventRegistration extends AutoCloseable {

    /** The position after the last event delivered to this listener (or where it started). */
    EventCursor cursor();

    /** True until closed (also false once the connection closed). */
    boolean isActive();

    @Override
    void close();
}
