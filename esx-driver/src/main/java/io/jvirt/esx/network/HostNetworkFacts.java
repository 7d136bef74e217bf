package io.jvirt.esx.network;

import io.jvirt.esx.inventory.InventoryScope;
import io.jvirt.esx.vi.Md5Uuids;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.esx.vi.PropertyReader;
import io.jvirt.esx.vi.Specs;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vim25.HostPortGroup;
import io.jvirt.vim25.HostVirtualSwitch;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.PhysicalNic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The host's network configuration and the datacenter's Network names, read in one
 * {@code RetrievePropertiesEx} with two filter specs.
 *
 * @param vswitches     {@code config.network.vswitch}
 * @param portGroups    {@code config.network.portgroup}
 * @param pnics         {@code config.network.pnic}
 * @param networkSystem {@code configManager.networkSystem}, or null
 * @param networkNames  names of the datacenter's Network objects
 */
record HostNetworkFacts(List<HostVirtualSwitch> vswitches, List<HostPortGroup> portGroups, List<PhysicalNic> pnics,
                        ManagedObjectReference networkSystem, Set<String> networkNames) {

    static final String VSWITCH = "config.network.vswitch";
    static final String PORTGROUP = "config.network.portgroup";
    static final String PNIC = "config.network.pnic";
    static final String NETWORK_SYSTEM = "configManager.networkSystem";

    static HostNetworkFacts read(VimSession session, InventoryScope scope, boolean withNetworkNames) {
        ManagedObjectReference host = scope.hostSystem();
        if (host == null) {
            return new HostNetworkFacts(List.of(), List.of(), List.of(), null, Set.of());
        }
        List<io.jvirt.vim25.PropertyFilterSpec> specs = new ArrayList<>();
        specs.add(Specs.filter(Specs.from(host, false), Specs.props("HostSystem", VSWITCH, PORTGROUP, PNIC, NETWORK_SYSTEM)));
        if (withNetworkNames) {
            specs.add(Specs.filter(Specs.from(scope.datacenter(), true,
                    Specs.traverse("datacenterToNetwork", "Datacenter", "network")), Specs.props("Network", "name")));
        }
        HostNetworkFacts facts = null;
        Set<String> names = new HashSet<>();
        for (ObjectProps o : PropertyReader.retrieve(session, specs)) {
            if (o.type().equals("HostSystem") && o.value().equals(host.getValue())) {
                facts = new HostNetworkFacts(o.list(VSWITCH, HostVirtualSwitch.class), o.list(PORTGROUP, HostPortGroup.class),
                        o.list(PNIC, PhysicalNic.class), o.get(NETWORK_SYSTEM, ManagedObjectReference.class).orElse(null), names);
            } else {
                o.string("name").ifPresent(names::add);
            }
        }
        if (facts == null) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "Could not read the network configuration of host '" + host.getValue() + "'");
        }
        return facts;
    }

    /** A vSwitch's UUID: MD5 of its key. */
    static UUID uuidOf(HostVirtualSwitch v) {
        return Md5Uuids.of(v.getKey());
    }

    Optional<HostVirtualSwitch> vswitch(String name) {
        return vswitches.stream().filter(v -> v.getName().equals(name)).findFirst();
    }

    Optional<HostVirtualSwitch> vswitch(UUID uuid) {
        return vswitches.stream().filter(v -> uuidOf(v).equals(uuid)).findFirst();
    }

    Optional<HostPortGroup> portGroupByKey(String key) {
        return portGroups.stream().filter(p -> key.equals(p.getKey())).findFirst();
    }

    boolean hasPortGroupNamed(String name) {
        return portGroups.stream().anyMatch(p -> p.getSpec() != null && name.equals(p.getSpec().getName()));
    }

    Optional<PhysicalNic> pnicByDevice(String device) {
        return pnics.stream().filter(p -> device.equals(p.getDevice())).findFirst();
    }

    Optional<PhysicalNic> pnicByKey(String key) {
        return pnics.stream().filter(p -> key.equals(p.getKey())).findFirst();
    }

    ManagedObjectReference requireNetworkSystem() {
        if (networkSystem == null) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, "The host has no HostNetworkSystem");
        }
        return networkSystem;
    }
}
