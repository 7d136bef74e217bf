package io.jvirt.spi.event;

import java.util.List;

/**
 * Lifecycle event types and their detail codes, numbered and named like libvirt's
 * {@code virDomainEventType} and the {@code virDomainEvent*DetailType} enums; the labels are
 * virsh's ({@code "Stopped"}, {@code "Destroyed"}, ...).
 */
public enum LifecycleEvent {
    DEFINED("Defined", "Added", "Updated", "Renamed", "Snapshot"),
    UNDEFINED("Undefined", "Removed", "Renamed"),
    STARTED("Started", "Booted", "Migrated", "Restored", "Snapshot", "Event wakeup"),
    SUSPENDED("Suspended", "Paused", "Migrated", "I/O Error", "Watchdog", "Restored", "Snapshot", "API error",
            "Post-copy", "Post-copy Error"),
    RESUMED("Resumed", "Unpaused", "Migrated", "Snapshot", "Post-copy", "Post-copy Error"),
    STOPPED("Stopped", "Shutdown", "Destroyed", "Crashed", "Migrated", "Saved", "Failed", "Snapshot"),
    SHUTDOWN("Shutdown", "Finished", "Finished after guest request", "Finished after host request"),
    PMSUSPENDED("PMSuspended", "Memory", "Disk"),
    CRASHED("Crashed", "Panicked", "Crashloaded");

    // Detail codes used by the drivers (libvirt's values).
    public static final int DEFINED_ADDED = 0;
    public static final int DEFINED_UPDATED = 1;
    public static final int DEFINED_RENAMED = 2;
    public static final int DEFINED_FROM_SNAPSHOT = 3;
    public static final int UNDEFINED_REMOVED = 0;
    public static final int UNDEFINED_RENAMED = 1;
    public static final int STARTED_BOOTED = 0;
    public static final int STARTED_MIGRATED = 1;
    public static final int STARTED_RESTORED = 2;
    public static final int STARTED_FROM_SNAPSHOT = 3;
    public static final int SUSPENDED_PAUSED = 0;
    public static final int SUSPENDED_MIGRATED = 1;
    public static final int RESUMED_UNPAUSED = 0;
    public static final int RESUMED_MIGRATED = 1;
    public static final int STOPPED_SHUTDOWN = 0;
    public static final int STOPPED_DESTROYED = 1;
    public static final int STOPPED_MIGRATED = 3;
    public static final int STOPPED_SAVED = 4;
    public static final int STOPPED_FROM_SNAPSHOT = 6;
    public static final int SHUTDOWN_FINISHED = 0;

    private final String label;
    private final List<String> details;

    LifecycleEvent(String label, String... details) {
        this.label = label;
        this.details = List.of(details);
    }

    /** libvirt's numeric value. */
    public int code() {
        return ordinal();
    }

    /** virsh's word for the type, e.g. {@code "Stopped"}. */
    public String label() {
        return label;
    }

    /** virsh's word for a detail code of this type, {@code "unknown"} outside libvirt's range (as virsh). */
    public String detailLabel(int detail) {
        return detail >= 0 && detail < details.size() ? details.get(detail) : "unknown";
    }

    /** True when {@code detail} is one of libvirt's codes for this type. */
    public boolean isDetail(int detail) {
        return detail >= 0 && detail < details.size();
    }
}
