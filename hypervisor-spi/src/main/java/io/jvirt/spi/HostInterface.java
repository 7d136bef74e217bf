package io.jvirt.spi;


import io.jvirt.spi.error.HypervisorException;
/** A handle on a host network interface (for ESX: a physical NIC). */
public interface HostInterface {

    @ReadOnlyAllowed
    Connection connection();

    @ReadOnlyAllowed
    String name();

    /** The MAC address, lower case with colons. */
    @ReadOnlyAllowed
    String mac();

    @ReadOnlyAllowed
    default boolean isActive() {
        return true;
    }

    /** The {@code <interface>} XML; {@code inactive} describes the persistent configuration. */
    @ReadOnlyAllowed
    default String xmlDesc(boolean inactive) {
        throw HypervisorException.noSupport("HostInterface.xmlDesc");
    }
}
