package io.jvirt.spi.event;

import java.util.Optional;

/**
 * The kinds of domain events, numbered and named like libvirt's {@code virDomainEventID} (the
 * names are what {@code virsh event --list} prints, in that order). A driver emits only the kinds
 * it can observe; registering for one it never emits is allowed and simply delivers nothing.
 */
public enum DomainEventId {
    LIFECYCLE("lifecycle"),
    REBOOT("reboot"),
    RTC_CHANGE("rtc-change"),
    WATCHDOG("watchdog"),
    IO_ERROR("io-error"),
    GRAPHICS("graphics"),
    IO_ERROR_REASON("io-error-reason"),
    CONTROL_ERROR("control-error"),
    BLOCK_JOB("block-job"),
    DISK_CHANGE("disk-change"),
    TRAY_CHANGE("tray-change"),
    PM_WAKEUP("pm-wakeup"),
    PM_SUSPEND("pm-suspend"),
    BALLOON_CHANGE("balloon-change"),
    PM_SUSPEND_DISK("pm-suspend-disk"),
    DEVICE_REMOVED("device-removed"),
    BLOCK_JOB_2("block-job-2"),
    TUNABLE("tunable"),
    AGENT_LIFECYCLE("agent-lifecycle"),
    DEVICE_ADDED("device-added"),
    MIGRATION_ITERATION("migration-iteration"),
    JOB_COMPLETED("job-completed"),
    DEVICE_REMOVAL_FAILED("device-removal-failed"),
    METADATA_CHANGE("metadata-change"),
    BLOCK_THRESHOLD("block-threshold"),
    MEMORY_FAILURE("memory-failure"),
    MEMORY_DEVICE_SIZE_CHANGE("memory-device-size-change");

    private final String virshName;

    DomainEventId(String virshName) {
        this.virshName = virshName;
    }

    /** libvirt's numeric id. */
    public int code() {
        return ordinal();
    }

    /** The name virsh uses ({@code "lifecycle"}, {@code "device-added"}, ...). */
    public String virshName() {
        return virshName;
    }

    /** The kind with this virsh name. */
    public static Optional<DomainEventId> byVirshName(String name) {
        for (DomainEventId id : values()) {
            if (id.virshName.equals(name)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }
}
