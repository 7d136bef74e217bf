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
 * <p>A cursor may also carry a {@code server} position (driver-defined text: the ESX driver's
 * names the server and the last event of its history the stream had seen): a registration on a
 * NEW connection (after the host application restarted) resumes from the server's event history
 * with it, where the driver supports that; the token is then {@code stream:sequence@server}.
 *
 * @param stream   identifies one event stream (one connection's journal)
 * @param sequence the number of the last event seen in that stream (0 = none yet)
 * @param server   the driver's position in the server's event history, or null
 */
public record EventCursor(String stream, long sequence, String server) {
    /** A cursor without server position. */
    public EventCursor(String stream, long sequence) {
        this(stream, sequence, null);
    }

    public EventCursor {
        if (server != null && (server.isEmpty() || server.contains("@"))) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.CORE,
                    "an event cursor's server position must be non-empty text without '@'");
        }
        if (stream == null || stream.isEmpty() || stream.contains(":")) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.CORE,
                    "an event cursor needs a stream name without ':'");
        }
        if (sequence < 0) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.CORE,
                    "an event cursor's sequence must not be negative: " + sequence);
        }
    }

    /** The text to persist: {@code stream:sequence} or {@code stream:sequence@server}. */
    public String token() {
        return stream + ":" + sequence + (server == null ? "" : "@" + server);
    }

    /** Parses {@link #token()}; a malformed token is an {@code INVALID_ARG} error naming it. */
    public static EventCursor parse(String token) {
        if (token != null && token.indexOf('@') >= 0) {
            int at = token.indexOf('@');
            EventCursor local = parse(token.substring(0, at));
            if (at == token.length() - 1) {
                throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.CORE,
                        "event cursor '" + token + "' has an empty server position after '@'");
            }
            return new EventCursor(local.stream(), local.sequence(), token.substring(at + 1));
        }
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
