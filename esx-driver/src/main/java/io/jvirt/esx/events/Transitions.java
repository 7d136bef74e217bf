package io.jvirt.esx.events;

import io.jvirt.spi.DomainState;
import io.jvirt.spi.event.DomainEvent;
import io.jvirt.spi.event.DomainEventId;
import io.jvirt.spi.event.EventOrigin;
import io.jvirt.spi.event.LifecycleEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The events that take one VM from one remembered state to another, with libvirt's types and
 * details as libvirt's ESX driver would name the operations: power on = started/booted, power
 * on of a suspended VM = resumed/unpaused (esx maps "suspended" to paused), suspend =
 * suspended/paused, power off = stopped/destroyed (vSphere does not say whether the guest shut
 * itself down), registration = defined/added, unregistration = undefined/removed, rename =
 * undefined/renamed + defined/renamed, a new {@code config.changeVersion} = defined/updated, a
 * new {@code runtime.bootTime} while running = reboot, a new {@code config.annotation} =
 * metadata-change of the description, a disk or NIC gone from / new in
 * {@code config.hardware.device} = device-removed / device-added with its name
 * ({@link DeviceAliases}).
 */
final class Transitions {
    private Transitions() {
    }

    /** {@code before} null = the VM appeared; {@code after} null = it disappeared. */
    static List<DomainEvent> between(VmRecord before, VmRecord after, EventOrigin origin) {
        List<DomainEvent> out = new ArrayList<>();
        if (before == null && after == null) {
            return out;
        }
        if (before == null) {
            out.add(life(after, LifecycleEvent.DEFINED, LifecycleEvent.DEFINED_ADDED, origin));
            power(DomainState.SHUTOFF, after, origin, out);
            return out;
        }
        if (after == null) {
            if (before.state().isActive()) {
                out.add(life(before, LifecycleEvent.STOPPED, LifecycleEvent.STOPPED_DESTROYED, origin));
            }
            out.add(life(before, LifecycleEvent.UNDEFINED, LifecycleEvent.UNDEFINED_REMOVED, origin));
            return out;
        }
        if (!before.name().equals(after.name())) {
            out.add(life(before, LifecycleEvent.UNDEFINED, LifecycleEvent.UNDEFINED_RENAMED, origin));
            out.add(life(after, LifecycleEvent.DEFINED, LifecycleEvent.DEFINED_RENAMED, origin));
        } else if (before.changeVersion() != null && after.changeVersion() != null
                && !before.changeVersion().equals(after.changeVersion())) {
            out.add(life(after, LifecycleEvent.DEFINED, LifecycleEvent.DEFINED_UPDATED, origin));
        }
        if (!Objects.equals(before.annotation(), after.annotation())) {
            out.add(DomainEvent.of(after.name(), after.uuid(), DomainEventId.METADATA_CHANGE, 0, null, origin));
        }
        if (before.devices() != null && after.devices() != null && !before.devices().equals(after.devices())) {
            for (String d : before.devices()) {
                if (!after.devices().contains(d)) {
                    out.add(DomainEvent.of(after.name(), after.uuid(), DomainEventId.DEVICE_REMOVED, -1, d, origin));
                }
            }
            for (String d : after.devices()) {
                if (!before.devices().contains(d)) {
                    out.add(DomainEvent.of(after.name(), after.uuid(), DomainEventId.DEVICE_ADDED, -1, d, origin));
                }
            }
        }
        if (before.state() == after.state()) {
            if (after.state() == DomainState.RUNNING && before.bootTime() != null && after.bootTime() != null
                    && !before.bootTime().equals(after.bootTime())) {
                out.add(DomainEvent.of(after.name(), after.uuid(), DomainEventId.REBOOT, -1, null, origin));
            }
            return out;
        }
        power(before.state(), after, origin, out);
        return out;
    }

    private static void power(DomainState from, VmRecord after, EventOrigin origin, List<DomainEvent> out) {
        DomainState to = after.state();
        if (from == to) {
            return;
        }
        switch (to) {
            case RUNNING -> out.add(from == DomainState.PAUSED
                    ? life(after, LifecycleEvent.RESUMED, LifecycleEvent.RESUMED_UNPAUSED, origin)
                    : life(after, LifecycleEvent.STARTED, LifecycleEvent.STARTED_BOOTED, origin));
            case PAUSED -> {
                if (from == DomainState.SHUTOFF || from == DomainState.NOSTATE) {
                    // Only a VM registered while suspended gets here: it was never started by us.
                    out.add(life(after, LifecycleEvent.STARTED, LifecycleEvent.STARTED_RESTORED, origin));
                }
                out.add(life(after, LifecycleEvent.SUSPENDED, LifecycleEvent.SUSPENDED_PAUSED, origin));
            }
            case SHUTOFF -> out.add(life(after, LifecycleEvent.STOPPED, LifecycleEvent.STOPPED_DESTROYED, origin));
            default -> {
                // NOSTATE and the others: vSphere has no such power state; nothing to say.
            }
        }
    }

    private static DomainEvent life(VmRecord vm, LifecycleEvent type, int detail, EventOrigin origin) {
        return DomainEvent.lifecycle(vm.name(), vm.uuid(), type, detail, origin);
    }
}
