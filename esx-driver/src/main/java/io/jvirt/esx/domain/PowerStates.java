package io.jvirt.esx.domain;

import io.jvirt.spi.DomainState;
import io.jvirt.vim25.VirtualMachinePowerState;

/** {@code runtime.powerState} to domain state (esx-spec 2.0). */
public final class PowerStates {
    private PowerStates() {
    }

    public static DomainState toDomainState(Object powerState) {
        if (powerState == null) {
            return DomainState.NOSTATE;
        }
        String v = powerState instanceof VirtualMachinePowerState p ? p.value() : powerState.toString();
        return switch (v) {
            case "poweredOff" -> DomainState.SHUTOFF;
            case "poweredOn" -> DomainState.RUNNING;
            case "suspended" -> DomainState.PAUSED;
            default -> DomainState.NOSTATE;
        };
    }

    /** The text of a power state value. */
    public static String text(Object powerState) {
        return powerState == null ? "" : powerState instanceof VirtualMachinePowerState p ? p.value() : powerState.toString();
    }
}
