package io.jvirt.spi;

/** A handle on a host network interface (for ESX: a physical NIC). */
public interface HostInterface {

    Connection connection();

    String name();

    /** The MAC address, lower case with colons. */
    String mac();

    default boolean isActive() {
        return true;
    }

    /** The {@code <interface>} XML; {@code inactive} describes the persistent configuration. */
    default String xmlDesc(boolean inactive) {
        throw HypervisorException.noSupport("HostInterface.xmlDesc");
    }
}
