package io.jvirt.spi;

/** The state of a domain, numbered and named like libvirt's {@code virDomainState} and virsh. */
public enum DomainState {
    NOSTATE(0, "no state"),
    RUNNING(1, "running"),
    BLOCKED(2, "idle"),
    PAUSED(3, "paused"),
    SHUTDOWN(4, "in shutdown"),
    SHUTOFF(5, "shut off"),
    CRASHED(6, "crashed"),
    PMSUSPENDED(7, "pmsuspended");

    private final int code;
    private final String label;

    DomainState(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** libvirt's numeric value. */
    public int code() {
        return code;
    }

    /** What virsh prints ({@code "shut off"}, {@code "running"}, ...). */
    public String label() {
        return label;
    }

    /** True for the states libvirt calls active (anything but shut off and no state). */
    public boolean isActive() {
        return this != SHUTOFF && this != NOSTATE;
    }

    @Override
    public String toString() {
        return label;
    }
}
