package io.jvirt.esx;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Host name to IPv4 address, like libvirt's {@code esxUtil_ResolveHostname} (esx-spec 1.9). */
final class Hostnames {
    private Hostnames() {
    }

    static String resolveIPv4(String host) {
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new HypervisorException(ErrorCode.SYSTEM_ERROR, ErrorDomain.ESX,
                    "IP address lookup for host '" + host + "' failed: unknown host", e);
        } catch (SecurityException e) {
            throw new HypervisorException(ErrorCode.SYSTEM_ERROR, ErrorDomain.ESX,
                    "IP address lookup for host '" + host + "' failed: " + e.getMessage(), e);
        }
        for (InetAddress a : all) {
            if (a instanceof Inet4Address) {
                return a.getHostAddress();
            }
        }
        throw new HypervisorException(ErrorCode.SYSTEM_ERROR, ErrorDomain.ESX,
                "No IP address for host '" + host + "' found: the host has no IPv4 address (IPv6 is not supported)");
    }
}
