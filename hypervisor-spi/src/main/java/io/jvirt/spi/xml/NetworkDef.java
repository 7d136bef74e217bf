package io.jvirt.spi.xml;

import static io.jvirt.spi.xml.XmlValues.longAttr;
import static io.jvirt.spi.xml.XmlValues.missing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A libvirt {@code <network>} (the ESX driver maps a HostVirtualSwitch to it).
 *
 * @param forwardMode       {@code <forward mode>}, or null
 * @param forwardInterfaces the {@code <forward><interface dev>} names (physical NICs)
 * @param bandwidth         the network's bandwidth, or null
 * @param portgroups        the port groups
 */
public record NetworkDef(String name, UUID uuid, String forwardMode, List<String> forwardInterfaces,
        Bandwidth bandwidth, List<PortGroup> portgroups) {

    private static final Set<String> FORWARD_MODES = Set.of("nat", "route", "open", "bridge", "private", "vepa",
            "passthrough", "hostdev");

    public NetworkDef {
        forwardInterfaces = List.copyOf(forwardInterfaces);
        portgroups = List.copyOf(portgroups);
    }

    /** {@code <inbound>}/{@code <outbound>} rates (KiB/s, KiB); either may be null. */
    public record Bandwidth(Rate inbound, Rate outbound) {
    }

    /** average/peak in KiB/s, burst in KiB; null when not given. */
    public record Rate(Long average, Long peak, Long burst) {
    }

    /** A {@code <portgroup name default>} with optional bandwidth. */
    public record PortGroup(String name, boolean isDefault, Bandwidth bandwidth) {
    }

    public static NetworkDef parse(String xml) {
        XmlNode root = SafeXml.parse(xml);
        if (!root.name().equals("network")) {
            throw XmlValues.error(root, null, root.name(), "expected root element 'network'");
        }
        XmlNode name = root.child("name");
        if (name == null || name.text().isEmpty()) {
            throw missing(root, "element 'name'");
        }
        XmlNode uuid = root.child("uuid");
        XmlNode forward = root.child("forward");
        String mode = null;
        List<String> devs = new ArrayList<>();
        if (forward != null) {
            mode = XmlValues.enumAttr(forward, "mode", FORWARD_MODES);
            for (XmlNode i : forward.children("interface")) {
                devs.add(XmlValues.required(i, "dev"));
            }
        }
        List<PortGroup> groups = new ArrayList<>();
        for (XmlNode pg : root.children("portgroup")) {
            groups.add(new PortGroup(XmlValues.required(pg, "name"), XmlValues.yesNo(pg, "default", false),
                    bandwidth(pg.child("bandwidth"))));
        }
        return new NetworkDef(name.text(), uuid == null ? null : XmlValues.uuid(uuid, null, uuid.text()), mode, devs,
                bandwidth(root.child("bandwidth")), groups);
    }

    private static Bandwidth bandwidth(XmlNode b) {
        if (b == null) {
            return null;
        }
        return new Bandwidth(rate(b.child("inbound")), rate(b.child("outbound")));
    }

    private static Rate rate(XmlNode r) {
        if (r == null) {
            return null;
        }
        long avg = longAttr(r, "average", 0, Long.MAX_VALUE, -1);
        long peak = longAttr(r, "peak", 0, Long.MAX_VALUE, -1);
        long burst = longAttr(r, "burst", 0, Long.MAX_VALUE, -1);
        if (avg < 0 && peak < 0 && burst < 0) {
            throw missing(r, "attribute 'average', 'peak' or 'burst'");
        }
        return new Rate(avg < 0 ? null : avg, peak < 0 ? null : peak, burst < 0 ? null : burst);
    }

    public String format() {
        XmlWriter w = new XmlWriter();
        w.start("network").open();
        w.element("name", name);
        w.element("uuid", uuid);
        if (forwardMode != null || !forwardInterfaces.isEmpty()) {
            w.start("forward").attr("mode", forwardMode);
            if (forwardInterfaces.isEmpty()) {
                w.close();
            } else {
                w.open();
                for (String dev : forwardInterfaces) {
                    w.start("interface").attr("dev", dev).close();
                }
                w.end("forward");
            }
        }
        formatBandwidth(w, bandwidth);
        for (PortGroup pg : portgroups) {
            w.start("portgroup").attr("name", pg.name()).attr("default", pg.isDefault() ? "yes" : null);
            if (pg.bandwidth() == null) {
                w.close();
            } else {
                w.open();
                formatBandwidth(w, pg.bandwidth());
                w.end("portgroup");
            }
        }
        w.end("network");
        return w.toString();
    }

    private static void formatBandwidth(XmlWriter w, Bandwidth b) {
        if (b == null || (b.inbound() == null && b.outbound() == null)) {
            return;
        }
        w.start("bandwidth").open();
        formatRate(w, "inbound", b.inbound());
        formatRate(w, "outbound", b.outbound());
        w.end("bandwidth");
    }

    private static void formatRate(XmlWriter w, String element, Rate r) {
        if (r != null) {
            w.start(element).attr("average", r.average()).attr("peak", r.peak()).attr("burst", r.burst()).close();
        }
    }
}
