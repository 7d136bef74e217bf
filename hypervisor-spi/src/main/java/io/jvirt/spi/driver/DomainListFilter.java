package io.jvirt.spi.driver;

import io.jvirt.spi.DomainListFlag;
import io.jvirt.spi.DomainState;

import java.util.EnumSet;
import java.util.Set;

/**
 * libvirt's semantics of {@link DomainListFlag} filters, for drivers: flags come in groups
 * (active/inactive, persistent/transient, state, managed save, autostart, snapshot); a group
 * with no flag given does not filter, otherwise a domain must match one flag of the group.
 */
public final class DomainListFilter {
    private final Set<DomainListFlag> flags;

    /** What a driver knows about one domain when filtering. */
    public record Facts(DomainState state, boolean persistent, boolean managedSave, boolean autostart,
                        boolean hasSnapshot) {
    }

    public DomainListFilter(Set<DomainListFlag> flags) {
        this.flags = flags.isEmpty() ? EnumSet.noneOf(DomainListFlag.class) : EnumSet.copyOf(flags);
    }

    /** True when one of the flags of the group is given (the driver then needs that fact). */
    public boolean filters(DomainListFlag... group) {
        for (DomainListFlag f : group) {
            if (flags.contains(f)) {
                return true;
            }
        }
        return false;
    }

    public boolean matches(Facts d) {
        boolean active = d.state().isActive();
        DomainState s = d.state();
        boolean other = s != DomainState.RUNNING && s != DomainState.PAUSED && s != DomainState.SHUTOFF;
        return group(DomainListFlag.ACTIVE, active, DomainListFlag.INACTIVE, !active)
                && group(DomainListFlag.PERSISTENT, d.persistent(), DomainListFlag.TRANSIENT, !d.persistent())
                && group(DomainListFlag.MANAGEDSAVE, d.managedSave(), DomainListFlag.NO_MANAGEDSAVE, !d.managedSave())
                && group(DomainListFlag.AUTOSTART, d.autostart(), DomainListFlag.NO_AUTOSTART, !d.autostart())
                && group(DomainListFlag.HAS_SNAPSHOT, d.hasSnapshot(), DomainListFlag.NO_SNAPSHOT, !d.hasSnapshot())
                && stateGroup(s, other);
    }

    private boolean group(DomainListFlag a, boolean isA, DomainListFlag b, boolean isB) {
        if (!flags.contains(a) && !flags.contains(b)) {
            return true;
        }
        return (flags.contains(a) && isA) || (flags.contains(b) && isB);
    }

    private boolean stateGroup(DomainState s, boolean other) {
        if (!filters(DomainListFlag.RUNNING, DomainListFlag.PAUSED, DomainListFlag.SHUTOFF, DomainListFlag.OTHER)) {
            return true;
        }
        return (flags.contains(DomainListFlag.RUNNING) && s == DomainState.RUNNING)
                || (flags.contains(DomainListFlag.PAUSED) && s == DomainState.PAUSED)
                || (flags.contains(DomainListFlag.SHUTOFF) && s == DomainState.SHUTOFF)
                || (flags.contains(DomainListFlag.OTHER) && other);
    }
}
