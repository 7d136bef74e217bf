package io.jvirt.spi;

/** Where {@link Domain#interfaceAddresses} takes its answer from, after libvirt. */
public enum InterfaceAddressSource {
    /** DHCP leases of a libvirt network. */
    LEASE,
    /** The guest agent (VMware Tools for ESX). */
    AGENT,
    /** The host's ARP table. */
    ARP
}
