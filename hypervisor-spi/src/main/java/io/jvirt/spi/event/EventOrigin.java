package io.jvirt.spi.event;

/** How the driver learnt of an event. */
public enum EventOrigin {
    /** Seen as it happened. */
    LIVE,
    /**
     * Read from the server's event history after a gap in observation (session expiry, outage):
     * the transitions as the server recorded them, in order.
     */
    HISTORY,
    /** Replayed from a journal of events already seen (a registration resuming from a cursor). */
    REPLAYED,
    /**
     * Inferred by comparing the state before a gap in observation (session expiry, network
     * outage, server restart) with the state after it: the final transition is certain, but
     * intermediate ones during the gap (a domain stopped and started again) may be missing, and
     * detail codes are the most likely ones, not observed ones.
     */
    STATE_DIFF
}
