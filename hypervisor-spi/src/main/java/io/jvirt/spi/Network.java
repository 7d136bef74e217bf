package io.jvirt.spi;

import java.util.UUID;

/** A handle on a virtual network (for ESX: a host virtual switch). */
public interface Network {

    Connection connection();

    String name();

    UUID uuid();

    default String xmlDesc() {
        throw HypervisorException.noSupport("Network.xmlDesc");
    }

    /** The host bridge the network uses, when it has one. */
    default String bridgeName() {
        throw HypervisorException.noSupport("Network.bridgeName");
    }

    default boolean isActive() {
        return true;
    }

    default boolean isPersistent() {
        return true;
    }

    default boolean autostart() {
        throw HypervisorException.noSupport("Network.autostart");
    }

    default void setAutostart(boolean autostart) {
        throw HypervisorException.noSupport("Network.setAutostart");
    }

    /** Removes the network definition. */
    default void undefine() {
        throw HypervisorException.noSupport("Network.undefine");
    }
}
