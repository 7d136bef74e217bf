package io.jvirt.spi;

import java.util.List;

/**
 * A guest network interface and its addresses, as {@code virsh domifaddr} prints them.
 *
 * @param name      the interface name (for ESX: the port group name)
 * @param hwaddr    the MAC address, or {@code null}
 * @param addresses the IP addresses
 */
public record DomainInterface(String name, String hwaddr, List<IpAddress> addresses) {
    public DomainInterface {
        addresses = List.copyOf(addresses);
    }

    /** One address with its prefix length. */
    public record IpAddress(Type type, String address, int prefix) {
        /** The address family. */
        public enum Type { IPV4, IPV6 }

        @Override
        public String toString() {
            return address + "/" + prefix;
        }
    }
}
