package io.jvirt.esx.network;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.xml.SafeXml;
import io.jvirt.spi.xml.XmlNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Parses libvirt {@code <network>} XML (name, uuid, forward, bandwidth, port groups). */
final class NetworkXmlParser {
    /** libvirt's forward modes; a {@code <forward>} without mode means {@code nat}. */
    private static final Set<String> MODES = Set.of("nat", "route", "open", "bridge", "private", "vepa",
            "passthrough", "hostdev");

    private NetworkXmlParser() {
    }

    static NetworkDef parse(String xml) {
        XmlNode root = SafeXml.parse(xml);
        if (!root.name().equals("network")) {
            throw error("expected root element 'network' but found '%s'", root.name());
        }
        XmlNode nameNode = root.child("name");
        String name = nameNode == null ? "" : nameNode.text().trim();
        if (name.isEmpty()) {
            throw error("missing network name element");
        }
        if (name.contains("/")) {
            throw error("name %s cannot contain '/'", name);
        }
        XmlNode uuidNode = root.child("uuid");
        String uuid = uuidNode == null ? null : uuidNode.text().trim();
        String mode = null;
        List<NetworkDef.ForwardInterface> interfaces = new ArrayList<>();
        XmlNode forward = root.child("forward");
        if (forward != null) {
            mode = forward.attr("mode") == null ? "nat" : forward.attr("mode");
            if (!MODES.contains(mode)) {
                throw error("unknown forwarding type '%s' in network '%s'", mode, name);
            }
            if (forward.attr("dev") != null) {
                interfaces.add(new NetworkDef.ForwardInterface("netdev", forward.attr("dev")));
            }
            for (XmlNode i : forward.children("interface")) {
                String dev = i.attr("dev");
                if (dev == null || dev.isEmpty()) {
                    throw error("missing required dev attribute in network '%s' forward interface element", name);
                }
                if (interfaces.stream().noneMatch(f -> f.dev().equals(dev))) {
                    interfaces.add(new NetworkDef.ForwardInterface("netdev", dev));
                }
            }
            for (XmlNode a : forward.children("address")) {
                interfaces.add(new NetworkDef.ForwardInterface(a.attr("type") == null ? "pci" : a.attr("type"),
                        a.attr("domain") + ":" + a.attr("bus") + ":" + a.attr("slot") + "." + a.attr("function")));
            }
        }
        Bandwidth bandwidth = bandwidth(root.child("bandwidth"), name);
        List<NetworkDef.PortGroupDef> groups = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (XmlNode pg : root.children("portgroup")) {
            String pgName = pg.attr("name");
            if (pgName == null || pgName.isEmpty()) {
                throw error("missing required name attribute in portgroup of network '%s'", name);
            }
            if (!seen.add(pgName)) {
                throw error("portgroup name '%s' is used twice in network '%s'", pgName, name);
            }
            groups.add(new NetworkDef.PortGroupDef(pgName, bandwidth(pg.child("bandwidth"), name)));
        }
        return new NetworkDef(name, uuid, mode, interfaces, bandwidth, groups);
    }

    private static Bandwidth bandwidth(XmlNode node, String network) {
        if (node == null) {
            return null;
        }
        if (node.children("inbound").size() > 1 || node.children("outbound").size() > 1) {
            throw error("only one child <inbound> and <outbound> element allowed in bandwidth of network '%s'", network);
        }
        Bandwidth.Rate in = rate(node.child("inbound"), network);
        Bandwidth.Rate out = rate(node.child("outbound"), network);
        return in == null && out == null ? null : new Bandwidth(in, out);
    }

    private static Bandwidth.Rate rate(XmlNode node, String network) {
        if (node == null) {
            return null;
        }
        if (node.attr("average") == null && node.attr("floor") == null) {
            throw error("Missing mandatory average or floor attributes in <%s> of network '%s'", node.name(), network);
        }
        return new Bandwidth.Rate(number(node, "average"), number(node, "peak"), number(node, "burst"));
    }

    private static long number(XmlNode node, String attr) {
        String v = node.attr(attr);
        if (v == null) {
            return 0;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw error("could not convert bandwidth %s value '%s'", attr, v);
        }
    }

    private static HypervisorException error(String format, Object... args) {
        return HypervisorException.of(ErrorCode.XML_ERROR, ErrorDomain.XML, format, args);
    }
}
