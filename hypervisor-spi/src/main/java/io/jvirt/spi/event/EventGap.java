package io.jvirt.spi.event;

/**
 * Events a listener cannot be given: the cursor it resumed from is older than what the stream
 * still holds, or belongs to another stream (another connection, an earlier process).
 *
 * @param requested the cursor the listener asked to resume from
 * @param oldest    the oldest cursor the stream can still resume from
 * @param reason    a sentence saying what was lost and why
 */
public record EventGap(EventCursor requested, EventCursor oldest, String reason) {
}
