package io.jvirt.esx.network;

import java.util.List;

/**
 * The parts of a libvirt {@code <network>} document the ESX driver uses.
 *
 * @param name              the network (vSwitch) name
 * @param uuid              the {@code <uuid>} text, or null
 * @param forwardMode       null for no {@code <forward>}, else its mode (libvirt's default {@code nat})
 * @param forwardInterfaces the forward interface pool
 * @param bandwidth         the network's bandwidth, or null
 * @param portGroups        the {@code <portgroup>}s
 */
record NetworkDef(String name, String uuid, String forwardMode, List<ForwardInterface> forwardInterfaces,
                  Bandwidth bandwidth, List<PortGroupDef> portGroups) {

    NetworkDef {
        forwardInterfaces = List.copyOf(forwardInterfaces);
        portGroups = List.copyOf(portGroups);
    }

    /**
     * A member of the forward interface pool.
     *
     * @param type {@code netdev} for {@code <interface dev>}, {@code pci} for {@code <address type='pci'>}
     * @param dev  the device name (netdev), or the address text
     */
    record ForwardInterface(String type, String dev) {
    }

    /**
     * A {@code <portgroup>}.
     *
     * @param name      its name
     * @param bandwidth its bandwidth, or null
     */
    record PortGroupDef(String name, Bandwidth bandwidth) {
    }
}
