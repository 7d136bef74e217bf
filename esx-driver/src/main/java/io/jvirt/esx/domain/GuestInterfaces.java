package io.jvirt.esx.domain;

import io.jvirt.spi.DomainInterface;
import io.jvirt.vim25.GuestNicInfo;
import io.jvirt.vim25.NetIpConfigInfoIpAddress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code guest.net} (VMware Tools) to guest interfaces, as esx-spec 2.1 describes for domifaddr. */
final class GuestInterfaces {
    private GuestInterfaces() {
    }

    static List<DomainInterface> of(List<GuestNicInfo> nics) {
        List<DomainInterface> out = new ArrayList<>();
        for (GuestNicInfo nic : nics) {
            if (!nic.isConnected() || nic.getNetwork() == null) {
                continue;
            }
            List<DomainInterface.IpAddress> addresses = new ArrayList<>();
            if (nic.getIpConfig() != null) {
                for (NetIpConfigInfoIpAddress a : nic.getIpConfig().getIpAddress()) {
                    address(a.getIpAddress(), a.getPrefixLength()).ifPresent(addresses::add);
                }
            } else {
                for (String a : nic.getIpAddress()) {
                    address(a, 0).ifPresent(addresses::add);
                }
            }
            out.add(new DomainInterface(nic.getNetwork(), nic.getMacAddress(), addresses));
        }
        return out;
    }

    /** An IP literal (never a host name: nothing is resolved), or empty when it is none. */
    static Optional<DomainInterface.IpAddress> address(String text, int prefix) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        if (text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            for (String part : text.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
            return Optional.of(new DomainInterface.IpAddress(DomainInterface.IpAddress.Type.IPV4, text, prefix));
        }
        if (text.indexOf(':') >= 0 && text.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+")) {
            try {
                if (InetAddress.getByName(text) instanceof Inet6Address) {
                    return Optional.of(new DomainInterface.IpAddress(DomainInterface.IpAddress.Type.IPV6, text, prefix));
                }
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
