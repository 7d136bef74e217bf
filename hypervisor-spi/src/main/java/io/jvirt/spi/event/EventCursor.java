package io.jvirt.spi.event;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

/**
 * A position in a connection's event stream: every {@link DomainEvent} carries the cursor just
 * after it. A host application may persist {@link #token()} and later resume with
 * {@link EventFilter#since(EventCursor)}; events after the cursor are replayed when the stream
 * still holds them, otherwise the listener is told of the gap ({@link DomainEventListener#onGap}).
 *
 * @param stream   identifies one event stream (one connection's journal)
 * @param sequence the number of the last event seen in that stream (0 = none yet)
 */
public record EventCursor(String stream, long sequence) {
    public EventCursor {
        if (stream == null || stream.isEmpty() || stream.contains(":")) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.CORE,
                    "an event cursor needs a stream name without ':'");
        }
        if (sequence < 0) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.CORE,
                    "an event cursor's sequence must not be negative: " + sequence);
        }
    }

    /** The text to persist: {@code stream:sequence}. */
    public String token() {
        return stream + ":" + sequence;
    }

    /** Parses {@link #token()}; a malformed token is an {@code INVALID_ARG} error naming it. */
    public static EventCursor parse(String token) {
        int colon = token == null ? -1 : token.lastIndexOf(':');
        if (colon <= 0 || colon == token.length() - 1) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.CORE,
                    "event cursor '" + token + "' is not of the form stream:sequence");
        }
        try {
            return new EventCursor(token.substring(0, colon), Long.parseLong(token.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.CORE,
                    "event cursor '" + token + "' has no numeric sequence after ':'");
        }
    }

    @Override
    public String toString() {
        return token();
    }
}
