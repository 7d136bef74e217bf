package io.jvirt.esx.iface;

import io.jvirt.spi.xml.XmlWriter;
import io.jvirt.vim25.HostIpConfig;
import io.jvirt.vim25.PhysicalNic;

/**
 * The {@code <interface>} XML of a physical NIC (esx-spec 2.13): type ethernet, start mode
 * {@code onboot}, the MAC, and an IPv4 protocol with DHCP and/or the configured address. IPv6
 * is not described.
 */
final class InterfaceXml {
    private InterfaceXml() {
    }

    static String format(PhysicalNic nic, boolean inactive) {
        XmlWriter w = new XmlWriter();
        w.start("interface").attr("type", "ethernet").attr("name", nic.getDevice()).open();
        w.start("start").attr("mode", "onboot").close();
        if (nic.getMac() != null) {
            w.start("mac").attr("address", nic.getMac()).close();
        }
        HostIpConfig ip = nic.getSpec() == null ? null : nic.getSpec().getIp();
        if (ip != null) {
            boolean dhcp = ip.isDhcp();
            boolean address = notEmpty(ip.getIpAddress()) && notEmpty(ip.getSubnetMask()) && !(dhcp && inactive);
            if (dhcp || address) {
                w.start("protocol").attr("family", "ipv4").open();
                if (dhcp) {
                    w.start("dhcp").close();
                }
                if (address) {
                    w.start("ip").attr("address", ip.getIpAddress()).attr("prefix", SubnetMasks.prefix(ip.getSubnetMask())).close();
                }
                w.end("protocol");
            }
        }
        w.end("interface");
        return w.toString();
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }
}
