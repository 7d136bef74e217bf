package io.jvirt.spi.xml;

import static io.jvirt.spi.xml.XmlValues.missing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A libvirt host {@code <interface>} (ESX: a physical NIC).
 *
 * @param type      {@code ethernet}, {@code bridge}, {@code bond}, {@code vlan}
 * @param startMode {@code onboot}, {@code none}, {@code hotplug}, or null
 * @param mac       the MAC address, or null
 * @param ipv4      the IPv4 protocol settings, or null
 */
public record HostInterfaceDef(String type, String name, String startMode, MacAddress mac, Ipv4 ipv4) {

    /** {@code <protocol family='ipv4'>}: DHCP and/or static addresses. */
    public record Ipv4(boolean dhcp, List<Ip> addresses) {
        public Ipv4 {
            addresses = List.copyOf(addresses);
        }
    }

    /** {@code <ip address prefix/>}; prefix -1 when not given. */
    public record Ip(String address, int prefix) {
    }

    public static HostInterfaceDef parse(String xml) {
        XmlNode root = SafeXml.parse(xml);
        if (!root.name().equals("interface")) {
            throw XmlValues.error(root, null, root.name(), "expected root element 'interface'");
        }
        String type = XmlValues.enumAttr(root, "type", Set.of("ethernet", "bridge", "bond", "vlan"));
        if (type == null) {
            throw missing(root, "attribute 'type'");
        }
        String name = XmlValues.required(root, "name");
        XmlNode start = root.child("start");
        String startMode = start == null ? null : XmlValues.enumAttr(start, "mode", Set.of("onboot", "none",
                "hotplug"));
        XmlNode m = root.child("mac");
        MacAddress mac = m == null ? null : XmlValues.mac(m, "address", XmlValues.required(m, "address"));
        Ipv4 ipv4 = null;
        for (XmlNode p : root.children("protocol")) {
            String family = XmlValues.required(p, "family");
            if (!family.equals("ipv4")) {
                continue;
            }
            List<Ip> ips = new ArrayList<>();
            for (XmlNode ip : p.children("ip")) {
                ips.add(new Ip(XmlValues.required(ip, "address"), XmlValues.intAttr(ip, "prefix", 0, 32, -1)));
            }
            ipv4 = new Ipv4(p.child("dhcp") != null, ips);
        }
        return new HostInterfaceDef(type, name, startMode, mac, ipv4);
    }

    public String format() {
        XmlWriter w = new XmlWriter();
        w.start("interface").attr("type", type).attr("name", name).open();
        if (startMode != null) {
            w.start("start").attr("mode", startMode).close();
        }
        if (mac != null) {
            w.start("mac").attr("address", mac).close();
        }
        if (ipv4 != null) {
            w.start("protocol").attr("family", "ipv4");
            if (!ipv4.dhcp() && ipv4.addresses().isEmpty()) {
                w.close();
            } else {
                w.open();
                if (ipv4.dhcp()) {
                    w.start("dhcp").close();
                }
                for (Ip ip : ipv4.addresses()) {
                    w.start("ip").attr("address", ip.address()).attr("prefix", ip.prefix() >= 0 ? ip.prefix() : null)
                            .close();
                }
                w.end("protocol");
            }
        }
        w.end("interface");
        return w.toString();
    }
}
