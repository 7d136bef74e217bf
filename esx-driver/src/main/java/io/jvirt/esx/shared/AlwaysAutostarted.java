package io.jvirt.esx.shared;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

/**
 * The rule for ESX objects that are always autostarted (host virtual switches, datastores, iSCSI
 * targets): autostart can be asked for but never turned off.
 */
public final class AlwaysAutostarted {
    private AlwaysAutostarted() {
    }

    /**
     * Accepts {@code setAutostart(true)}; {@code setAutostart(false)} fails with INTERNAL_ERROR
     * "Cannot deactivate {@code what} autostart".
     */
    public static void set(boolean autostart, String what) {
        if (!autostart) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, "Cannot deactivate " + what + " autostart");
        }
    }
}
