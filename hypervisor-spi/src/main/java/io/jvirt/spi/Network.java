package io.jvirt.spi;

import io.jvirt.spi.error.HypervisorException;
import java.util.UUID;

/** A handle on a virtual network (for ESX: a host virtual switch). */
public interface Network {

    @ReadOnlyAllowed
    Connection connection();

    @ReadOnlyAllowed
    String name();

    @ReadOnlyAllowed
    UUID uuid();

    @ReadOnlyAllowed
    default String xmlDesc() {
        throw HypervisorException.noSupport("Network.xmlDesc");
    }

    /** The host bridge the network uses, when it has one. */
    @ReadOnlyAllowed
    default String bridgeName() {
        throw HypervisorException.noSupport("Network.bridgeName");
    }

    @ReadOnlyAllowed
    default boolean isActive() {
        return true;
    }

    @ReadOnlyAllowed
    default boolean isPersistent() {
        return true;
    }

    @ReadOnlyAllowed
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
