package io.jvirt.esx.network;

import io.jvirt.esx.inventory.InventoryScope;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.spi.Connection;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.xml.NetworkDef;
import io.jvirt.spi.Network;
import io.jvirt.vim25.HostNetworkPolicy;
import io.jvirt.vim25.HostPortGroup;
import io.jvirt.vim25.HostPortGroupPort;
import io.jvirt.vim25.HostPortGroupSpec;
import io.jvirt.vim25.HostVirtualSwitch;
import io.jvirt.vim25.HostVirtualSwitchBondBridge;
import io.jvirt.vim25.HostVirtualSwitchSpec;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.PhysicalNic;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The network sub-driver (esx-spec 2.12): each standard vSwitch of the host is a persistent,
 * active, autostarted libvirt network named after it, with UUID = MD5 of the switch key. Every
 * operation reads the host's network configuration once.
 */
public final class NetworkDriver {
    static final int NUM_PORTS = 128;

    private final Connection connection;
    private final VimSession session;
    private final InventoryScope scope;

    public NetworkDriver(Connection connection, VimSession session, InventoryScope scope) {
        this.connection = connection;
        this.session = session;
        this.scope = scope;
    }

    Connection connection() {
        return connection;
    }

    private HostNetworkFacts facts(boolean withNetworkNames) {
        return HostNetworkFacts.read(session, scope, withNetworkNames);
    }

    private EsxNetwork handle(HostVirtualSwitch v) {
        return new EsxNetwork(this, v.getName(), HostNetworkFacts.uuidOf(v));
    }

    public List<Network> listAll() {
        return facts(false).vswitches().stream().map(v -> (Network) handle(v)).toList();
    }

    public Network lookupByName(String name) {
        if (name == null || name.isEmpty()) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, "No network name given");
        }
        return facts(false).vswitch(name).map(this::handle).orElseThrow(() -> HypervisorException.of(
                ErrorCode.NO_NETWORK, ErrorDomain.ESX, "Could not find HostVirtualSwitch with name '%s'", name));
    }

    public Network lookupByUuid(UUID uuid) {
        if (uuid == null) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, "No network UUID given");
        }
        return facts(false).vswitch(uuid).map(this::handle).orElseThrow(() -> HypervisorException.of(
                ErrorCode.NO_NETWORK, ErrorDomain.ESX, "Could not find HostVirtualSwitch with UUID '%s'", uuid));
    }

    /** Adds a vSwitch and its port groups; if a port group fails, the new vSwitch is removed again. */
    public Network define(String xml) {
        NetworkDef def = NetworkRules.parse(xml);
        HostNetworkFacts f = facts(false);
        if (f.vswitch(def.name()).isPresent()) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "HostVirtualSwitch already exists, editing existing ones is not supported yet");
        }
        if (def.uuid() != null) {
            throw new HypervisorException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.ESX, "Cannot use predefined UUID");
        }
        if (def.forwardMode() != null && !def.forwardMode().equals("bridge")) {
            throw HypervisorException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.ESX,
                    "Unsupported forward mode '%s'", def.forwardMode());
        }
        for (NetworkDef.PortGroup pg : def.portgroups()) {
            if (f.hasPortGroupNamed(pg.name())) {
                throw HypervisorException.of(ErrorCode.NETWORK_EXIST, ErrorDomain.ESX,
                        "HostPortGroup with name '%s' exists already", pg.name());
            }
        }
        HostVirtualSwitchSpec spec = switchSpec(def, f);
        List<HostPortGroupSpec> groups = new ArrayList<>();
        for (NetworkDef.PortGroup pg : def.portgroups()) {
            HostPortGroupSpec g = new HostPortGroupSpec();
            g.setName(pg.name());
            g.setVlanId(0);
            g.setVswitchName(def.name());
            HostNetworkPolicy policy = new HostNetworkPolicy();
            ShapingPolicies.toPolicy(pg.bandwidth()).ifPresent(policy::setShapingPolicy);
            g.setPolicy(policy);
            groups.add(g);
        }
        ManagedObjectReference networkSystem = f.requireNetworkSystem();
        session.call("AddVirtualSwitch", p -> {
            p.addVirtualSwitch(networkSystem, def.name(), spec);
            return null;
        });
        try {
            for (HostPortGroupSpec g : groups) {
                session.call("AddPortGroup", p -> {
                    p.addPortGroup(networkSystem, g);
                    return null;
                });
            }
        } catch (HypervisorException e) {
            rollback(networkSystem, def.name(), e);
            throw e;
        }
        HostVirtualSwitch created = facts(false).vswitch(def.name()).orElseThrow(() -> HypervisorException.of(
                ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, "HostVirtualSwitch '%s' is missing after it was added", def.name()));
        return handle(created);
    }

    private void rollback(ManagedObjectReference networkSystem, String name, HypervisorException cause) {
        try {
            HostNetworkFacts now = facts(false);
            HostVirtualSwitch v = now.vswitch(name).orElse(null);
            if (v == null) {
                return;
            }
            for (String key : v.getPortgroup()) {
                now.portGroupByKey(key).ifPresent(pg -> session.call("RemovePortGroup", p -> {
                    p.removePortGroup(networkSystem, pg.getSpec().getName());
                    return null;
                }));
            }
            session.call("RemoveVirtualSwitch", p -> {
                p.removeVirtualSwitch(networkSystem, name);
                return null;
            });
        } catch (HypervisorException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * 128 ports; with forward mode bridge, a bond bridge over the named physical NICs. The bridge
     * lists NIC device names, as the vSphere API defines {@code nicDevice} (libvirt sends the
     * PhysicalNic keys, which ESX does not accept as device names).
     */
    static HostVirtualSwitchSpec switchSpec(NetworkDef def, HostNetworkFacts f) {
        HostVirtualSwitchSpec spec = new HostVirtualSwitchSpec();
        spec.setNumPorts(NUM_PORTS);
        if (def.forwardMode() != null && !(def.forwardInterfaces().isEmpty() && def.forwardAddresses().isEmpty())) {
            HostVirtualSwitchBondBridge bridge = new HostVirtualSwitchBondBridge();
            if (!def.forwardAddresses().isEmpty()) {
                throw HypervisorException.of(ErrorCode.NO_SUPPORT, ErrorDomain.ESX,
                        "unsupported device type in network %s interface pool", def.name());
            }
            for (String dev : def.forwardInterfaces()) {
                PhysicalNic nic = f.pnicByDevice(dev).orElseThrow(() -> HypervisorException.of(
                        ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, "Could not find PhysicalNic with name '%s'", dev));
                bridge.getNicDevice().add(nic.getDevice());
            }
            spec.setBridge(bridge);
        }
        HostNetworkPolicy policy = new HostNetworkPolicy();
        ShapingPolicies.toPolicy(def.bandwidth()).ifPresent(policy::setShapingPolicy);
        spec.setPolicy(policy);
        return spec;
    }

    /**
     * Removes the port groups and the vSwitch. Host ports (VMkernel, service console) block it;
     * VM ports do not (as in libvirt): ESX itself refuses while a powered-on VM uses a port group.
     */
    void undefine(EsxNetwork n) {
        HostNetworkFacts f = facts(false);
        HostVirtualSwitch v = f.vswitch(n.name()).orElseThrow(() -> HypervisorException.of(
                ErrorCode.NO_NETWORK, ErrorDomain.ESX, "Could not find HostVirtualSwitch with name '%s'", n.name()));
        List<HostPortGroup> groups = new ArrayList<>();
        for (String key : v.getPortgroup()) {
            HostPortGroup pg = f.portGroupByKey(key).orElseThrow(() -> HypervisorException.of(
                    ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, "Could not find HostPortGroup for key '%s'", key));
            for (HostPortGroupPort port : pg.getPort()) {
                if (!"virtualMachine".equals(port.getType())) {
                    throw HypervisorException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.ESX,
                            "Cannot undefine HostVirtualSwitch that has a '%s' port", port.getType());
                }
            }
            groups.add(pg);
        }
        ManagedObjectReference networkSystem = f.requireNetworkSystem();
        for (HostPortGroup pg : groups) {
            session.call("RemovePortGroup", p -> {
                p.removePortGroup(networkSystem, pg.getSpec().getName());
                return null;
            });
        }
        session.call("RemoveVirtualSwitch", p -> {
            p.removeVirtualSwitch(networkSystem, n.name());
            return null;
        });
    }

    /**
     * The network XML: forward bridge over the switch's NICs, its shaping as bandwidth, and the
     * port groups that have a datacenter Network object (VMkernel-only groups, which VMs cannot
     * use, are left out as in libvirt).
     */
    String xmlDesc(EsxNetwork n) {
        HostNetworkFacts f = facts(true);
        HostVirtualSwitch v = f.vswitch(n.name()).orElseThrow(() -> HypervisorException.of(
                ErrorCode.NO_NETWORK, ErrorDomain.ESX, "Could not find HostVirtualSwitch with name '%s'", n.name()));
        List<String> devices = new ArrayList<>();
        for (String key : v.getPnic()) {
            devices.add(f.pnicByKey(key).orElseThrow(() -> HypervisorException.of(ErrorCode.INTERNAL_ERROR,
                    ErrorDomain.ESX, "Could not find PhysicalNic with key '%s'", key)).getDevice());
        }
        List<NetworkDef.PortGroup> groups = new ArrayList<>();
        for (String key : v.getPortgroup()) {
            HostPortGroup pg = f.portGroupByKey(key).orElseThrow(() -> HypervisorException.of(
                    ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, "Could not find HostPortGroup with key '%s'", key));
            String name = pg.getSpec() == null ? null : pg.getSpec().getName();
            if (name != null && f.networkNames().contains(name)) {
                HostNetworkPolicy policy = pg.getSpec().getPolicy();
                groups.add(new NetworkDef.PortGroup(name, false,
                        ShapingPolicies.fromPolicy(policy == null ? null : policy.getShapingPolicy()).orElse(null)));
            }
        }
        HostNetworkPolicy policy = v.getSpec() == null ? null : v.getSpec().getPolicy();
        NetworkDef.Bandwidth bandwidth = ShapingPolicies.fromPolicy(policy == null ? null : policy.getShapingPolicy()).orElse(null);
        // forward mode bridge over the switch's NICs (none: no <forward>)
        return new NetworkDef(v.getName(), HostNetworkFacts.uuidOf(v), devices.isEmpty() ? null : "bridge", devices,
                List.of(), bandwidth, groups).format();
    }
}
