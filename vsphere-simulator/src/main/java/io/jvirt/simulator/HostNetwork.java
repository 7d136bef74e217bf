package io.jvirt.simulator;

import io.jvirt.vim25.HostConfigInfo;
import io.jvirt.vim25.HostNetworkInfo;
import io.jvirt.vim25.HostNetworkPolicy;
import io.jvirt.vim25.HostPortGroup;
import io.jvirt.vim25.HostPortGroupPort;
import io.jvirt.vim25.HostPortGroupSpec;
import io.jvirt.vim25.HostVirtualSwitch;
import io.jvirt.vim25.HostVirtualSwitchBondBridge;
import io.jvirt.vim25.HostVirtualSwitchSimpleBridge;
import io.jvirt.vim25.HostVirtualSwitchSpec;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.PhysicalNic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The HostNetworkSystem: virtual switches and port groups of one host's {@code config.network};
 * each port group has a Network object in the datacenter, as on ESX.
 */
final class HostNetwork {

    private static final int MAX_NAME_LENGTH = 32;

    private final Inventory inventory;
    private final IdStyle ids;

    HostNetwork(Inventory inventory, IdStyle ids) {
        this.inventory = inventory;
        this.ids = ids;
    }

    void addVirtualSwitch(ManagedObjectReference systemRef, String name, HostVirtualSwitchSpec spec) {
        inventory.write(() -> {
            ManagedObject host = hostOf(systemRef);
            HostNetworkInfo network = network(host);
            if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
                throw VimFaults.invalidArgument("vswitchName");
            }
            if (vswitch(network, name).isPresent()) {
                throw VimFaults.alreadyExists(name);
            }
            HostVirtualSwitchSpec effective = spec != null ? spec : new HostVirtualSwitchSpec();
            if (effective.getNumPorts() <= 0) {
                effective.setNumPorts(128);
            }
            HostVirtualSwitch vswitch = new HostVirtualSwitch();
            vswitch.setName(name);
            vswitch.setKey("key-vim.host.VirtualSwitch-" + name);
            vswitch.setNumPorts(effective.getNumPorts());
            vswitch.setNumPortsAvailable(effective.getNumPorts() - 8);
            vswitch.setMtu(effective.getMtu() == null ? 1500 : effective.getMtu());
            for (String device : nicDevices(effective)) {
                PhysicalNic nic = network.getPnic().stream().filter(p -> p.getDevice().equals(device)).findFirst()
                        .orElseThrow(() -> VimFaults.notFound("The physical NIC " + device + " was not found."));
                boolean used = network.getVswitch().stream().anyMatch(v -> v.getPnic().contains(nic.getKey()));
                if (used) {
                    throw VimFaults.resourceInUse("PhysicalNic", device);
                }
                vswitch.getPnic().add(nic.getKey());
            }
            if (effective.getPolicy() == null) {
                effective.setPolicy(new HostNetworkPolicy());
            }
            vswitch.setSpec(effective);
            network.getVswitch().add(vswitch);
        });
    }

    void removeVirtualSwitch(ManagedObjectReference systemRef, String name) {
        inventory.write(() -> {
            ManagedObject host = hostOf(systemRef);
            HostNetworkInfo network = network(host);
            HostVirtualSwitch vswitch = vswitch(network, name)
                    .orElseThrow(() -> VimFaults.notFound("The virtual switch " + name + " was not found."));
            List<HostPortGroup> groups = network.getPortgroup().stream()
                    .filter(pg -> pg.getVswitch().equals(vswitch.getKey())).toList();
            for (HostPortGroup group : groups) {
                requireUnused(host, group);
            }
            for (HostPortGroup group : groups) {
                dropPortGroup(host, network, group);
            }
            network.getVswitch().remove(vswitch);
        });
    }

    void addPortGroup(ManagedObjectReference systemRef, HostPortGroupSpec spec) {
        inventory.write(() -> {
            ManagedObject host = hostOf(systemRef);
            HostNetworkInfo network = network(host);
            HostVirtualSwitch vswitch = vswitch(network, spec.getVswitchName())
                    .orElseThrow(() -> VimFaults.notFound("The virtual switch " + spec.getVswitchName() + " was not found."));
            if (spec.getName() == null || spec.getName().isEmpty()) {
                throw VimFaults.invalidArgument("portgrp.name");
            }
            if (portGroup(network, spec.getName()).isPresent()) {
                throw VimFaults.alreadyExists(spec.getName());
            }
            if (spec.getVlanId() < 0 || spec.getVlanId() > 4095) {
                throw VimFaults.invalidArgument("portgrp.vlanId");
            }
            HostPortGroup group = new HostPortGroup();
            group.setKey("key-vim.host.PortGroup-" + spec.getName());
            group.setVswitch(vswitch.getKey());
            group.setSpec(spec);
            group.setComputedPolicy(spec.getPolicy() != null ? spec.getPolicy() : vswitch.getSpec().getPolicy());
            network.getPortgroup().add(group);
            vswitch.getPortgroup().add(group.getKey());
            addNetworkObject(host, spec.getName());
        });
    }

    void removePortGroup(ManagedObjectReference systemRef, String name) {
        inventory.write(() -> {
            ManagedObject host = hostOf(systemRef);
            HostNetworkInfo network = network(host);
            HostPortGroup group = portGroup(network, name)
                    .orElseThrow(() -> VimFaults.notFound("The port group " + name + " was not found."));
            requireUnused(host, group);
            dropPortGroup(host, network, group);
        });
    }

    /** Adds the Network object for a port group (shared by hosts of one datacenter). */
    ManagedObject addNetworkObject(ManagedObject host, String name) {
        ManagedObject datacenter = host.internal("datacenter", ManagedObject.class);
        Optional<ManagedObject> existing = Refs.list(datacenter, "network").stream()
                .map(inventory::require).filter(n -> name.equals(n.get("name"))).findFirst();
        ManagedObject networkObject = existing.orElseGet(() -> {
            ManagedObject created = new ManagedObject("Network", ids.network(name));
            created.set("name", name);
            created.set("parent", datacenter.get("networkFolder"));
            created.set("host", Refs.emptyArray());
            created.set("vm", Refs.emptyArray());
            inventory.add(created);
            Refs.add(datacenter, "network", created.ref());
            Refs.add(inventory.require((ManagedObjectReference) datacenter.get("networkFolder")), "childEntity", created.ref());
            return created;
        });
        Refs.add(networkObject, "host", host.ref());
        Refs.add(host, "network", networkObject.ref());
        return networkObject;
    }

    /** Records a VM's NIC as a port of the named port group of its host. */
    static void attachVm(ManagedObject host, String portGroupName, String mac) {
        HostConfigInfo config = host.require("config", HostConfigInfo.class);
        portGroup(config.getNetwork(), portGroupName).ifPresent(group -> {
            HostPortGroupPort port = new HostPortGroupPort();
            port.setKey("key-vim.host.PortGroup.Port-" + (group.getPort().size() + 33554440));
            port.getMac().add(mac);
            port.setType("virtualMachine");
            group.getPort().add(port);
        });
    }

    private void requireUnused(ManagedObject host, HostPortGroup group) {
        Optional<ManagedObject> networkObject = Refs.list(host, "network").stream().map(inventory::require)
                .filter(n -> group.getSpec().getName().equals(n.get("name"))).findFirst();
        boolean vmsOnHost = networkObject.map(n -> Refs.list(n, "vm").stream()
                .map(inventory::find).flatMap(Optional::stream)
                .anyMatch(vm -> Refs.same(VmLifecycle.runtime(vm).getHost(), host.ref())
                        && VmLifecycle.runtime(vm).getPowerState() == io.jvirt.vim25.VirtualMachinePowerState.POWERED_ON))
                .orElse(false);
        if (vmsOnHost) {
            throw VimFaults.resourceInUse("Network", group.getSpec().getName());
        }
    }

    private void dropPortGroup(ManagedObject host, HostNetworkInfo network, HostPortGroup group) {
        network.getPortgroup().remove(group);
        network.getVswitch().forEach(v -> v.getPortgroup().remove(group.getKey()));
        List<ManagedObject> networks = new ArrayList<>(Refs.list(host, "network").stream().map(inventory::require)
                .filter(n -> group.getSpec().getName().equals(n.get("name"))).toList());
        for (ManagedObject networkObject : networks) {
            Refs.remove(networkObject, "host", host.ref());
            Refs.remove(host, "network", networkObject.ref());
            if (Refs.list(networkObject, "host").isEmpty()) {
                ManagedObject datacenter = host.internal("datacenter", ManagedObject.class);
                Refs.remove(datacenter, "network", networkObject.ref());
                Refs.remove(inventory.require((ManagedObjectReference) datacenter.get("networkFolder")), "childEntity", networkObject.ref());
                inventory.remove(networkObject.ref());
            }
        }
    }

    private static List<String> nicDevices(HostVirtualSwitchSpec spec) {
        if (spec.getBridge() instanceof HostVirtualSwitchBondBridge bond) {
            return bond.getNicDevice();
        }
        if (spec.getBridge() instanceof HostVirtualSwitchSimpleBridge simple) {
            return List.of(simple.getNicDevice());
        }
        return List.of();
    }

    private ManagedObject hostOf(ManagedObjectReference systemRef) {
        return inventory.require(systemRef, "HostNetworkSystem").internal("host", ManagedObject.class);
    }

    private static HostNetworkInfo network(ManagedObject host) {
        return host.require("config", HostConfigInfo.class).getNetwork();
    }

    private static Optional<HostVirtualSwitch> vswitch(HostNetworkInfo network, String name) {
        return network.getVswitch().stream().filter(v -> v.getName().equals(name)).findFirst();
    }

    private static Optional<HostPortGroup> portGroup(HostNetworkInfo network, String name) {
        return network.getPortgroup().stream().filter(pg -> pg.getSpec().getName().equals(name)).findFirst();
    }
}
