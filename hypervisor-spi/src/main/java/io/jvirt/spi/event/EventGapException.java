package io.jvirt.spi.event;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

/**
 * A registration resuming from a cursor cannot be given the events after it: the server's event
 * history no longer reaches back to the cursor (or the server keeps none, or the cursor names
 * another server). The host application must read the current state instead; the registration
 * was not made.
 */
public class EventGapException extends HypervisorException {
    private static final long serialVersionUID = 1L;
    private final transient EventGap gap;

    public EventGapException(ErrorDomain domain, EventGap gap) {
        super(ErrorCode.OPERATION_FAILED, domain, gap.reason());
        this.gap = gap;
    }

    /** What cannot be delivered. */
    public EventGap gap() {
        return gap;
    }
}
