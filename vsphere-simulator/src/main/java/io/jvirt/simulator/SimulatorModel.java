package io.jvirt.simulator;

/** Which product the simulator impersonates. */
public enum SimulatorModel {
    /** A standalone ESXi host: datacenter {@code ha-datacenter}, host {@code localhost.localdomain}. */
    ESX,
    /** A vCenter: datacenter {@code DC0}, cluster {@code DC0_C0} with hosts, standalone host {@code DC0_H0}. */
    VPX
}
