package io.jvirt.spi;

import java.util.Optional;

/**
 * Statistics groups, named and valued like libvirt's {@code virDomainStatsTypes} (the name is
 * virsh's {@code domstats} option without the dashes).
 */
public enum StatsGroup {
    STATE("state", 1),
    CPU_TOTAL("cpu-total", 2),
    BALLOON("balloon", 4),
    VCPU("vcpu", 8),
    INTERFACE("interface", 16),
    BLOCK("block", 32),
    PERF("perf", 64),
    IOTHREAD("iothread", 128),
    MEMORY("memory", 256),
    DIRTYRATE("dirtyrate", 512),
    VM("vm", 1024);

    private final String virshName;
    private final int flag;

    StatsGroup(String virshName, int flag) {
        this.virshName = virshName;
        this.flag = flag;
    }

    /** virsh's option name, e.g. {@code "cpu-total"}. */
    public String virshName() {
        return virshName;
    }

    /** libvirt's bit value. */
    public int flag() {
        return flag;
    }

    public static Optional<StatsGroup> byVirshName(String name) {
        for (StatsGroup g : values()) {
            if (g.virshName.equals(name)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
