package io.jvirt.spi.event;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Cursor tokens with and without a server position, and resuming a stream from the server's history. */
class EventCursorTest {

    @Test
    void tokensRoundTrip() {
        EventCursor plain = EventCursor.parse("sabc:12");
        assertEquals(new EventCursor("sabc", 12), plain);
        assertNull(plain.server());
        assertEquals("sabc:12", plain.token());
        EventCursor withServer = EventCursor.parse("sabc:12@esx-host:443/57/1700000000000");
        assertEquals(new EventCursor("sabc", 12, "esx-host:443/57/1700000000000"), withServer);
        assertEquals("sabc:12@esx-host:443/57/1700000000000", withServer.token());
    }

    @Test
    void malformedTokensAreNamed() {
        HypervisorException e = assertThrows(HypervisorException.class, () -> EventCursor.parse("sabc:12@"));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertEquals("event cursor 'sabc:12@' has an empty server position after '@'", e.getMessage());
        assertThrows(HypervisorException.class, () -> EventCursor.parse("sabc:x@srv"));
    }

    @Test
    void aForeignCursorWithServerPositionIsFilledFromTheHistoryUpToTheStreamsPosition() {
        DomainEventStream stream = new DomainEventStream();
        List<String> asked = new ArrayList<>();
        stream.setHistoryReplay((from, upTo) -> {
            asked.add(from + " -> " + upTo);
            return List.of(new DomainEventStream.HistoryEvent(DomainEvent.lifecycle("vm1", null, LifecycleEvent.STOPPED,
                    LifecycleEvent.STOPPED_DESTROYED, EventOrigin.LIVE), "srv/8/1"));
        });
        stream.advanceServerPosition("srv/9/2");
        List<DomainEvent> got = new ArrayList<>();
        EventRegistration r = stream.register(EventFilter.all().since(EventCursor.parse("sother:3@srv/7/0")), got::add);
        assertEquals(List.of("srv/7/0 -> srv/9/2"), asked);
        assertEquals(1, got.size());
        assertEquals(EventOrigin.HISTORY, got.get(0).origin());
        assertEquals("srv/8/1", got.get(0).cursor().server());
        stream.publish(DomainEvent.lifecycle("vm1", null, LifecycleEvent.STARTED, LifecycleEvent.STARTED_BOOTED,
                EventOrigin.LIVE), "srv/10/3");
        assertEquals("srv/10/3", got.get(1).cursor().server());
        assertEquals("srv/10/3", r.cursor().server());
    }

    @Test
    void aGapFromTheHistoryFailsTheRegistration() {
        DomainEventStream stream = new DomainEventStream();
        stream.setHistoryReplay((from, upTo) -> {
            throw new EventGapException(io.jvirt.spi.error.ErrorDomain.CORE, new EventGap(null, null, "too old"));
        });
        EventGapException e = assertThrows(EventGapException.class,
                () -> stream.register(EventFilter.all().since(EventCursor.parse("sother:3@srv/7/0")), x -> { }));
        assertEquals("too old", e.getMessage());
        assertEquals(0, stream.listenerCount());
    }
}
