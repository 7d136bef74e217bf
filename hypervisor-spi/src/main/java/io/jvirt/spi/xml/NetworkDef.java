package io.jvirt.spi.xml;

import static io.jvirt.spi.xml.XmlValues.longAttr;
import static io.jvirt.spi.xml.XmlValues.missing;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A libvirt {@code <network>} (the ESX driver maps a HostVirtualSwitch to it), read with
 * libvirt's rules ({@code virNetworkDefParseXML}) and written in its layout
 * ({@code virNetworkDefFormat}).
 *
 * @param forwardMode       {@code <forward mode>} ({@code nat} when {@code <forward>} has no mode,
 *                          as in libvirt), or null without {@code <forward>}
 * @param forwardInterfaces the forward pool's network devices: {@code <forward dev>} first, then
 *                          each {@code <interface dev>} not named yet
 * @param forwardAddresses  the forward pool's PCI devices ({@code <address type='pci'>} as
 *                          {@code domain:bus:slot.function})
 * @param bandwidth         the network's bandwidth, or null
 * @param portgroups        the port groups
 */
public record NetworkDef(String name, UUID uuid, String forwardMode, List<String> forwardInterfaces,
        List<String> forwardAddresses, Bandwidth bandwidth, List<PortGroup> portgroups) {

    private static final Set<String> FORWARD_MODES = Set.of("nat", "route", "open", "bridge", "private", "vepa",
            "passthrough", "hostdev");

    public NetworkDef {
        forwardInterfaces = List.copyOf(forwardInterfaces);
        forwardAddresses = List.copyOf(forwardAddresses);
        portgroups = List.copyOf(portgroups);
    }

    /** {@code <inbound>}/{@code <outbound>} rates; either may be null. */
    public record Bandwidth(Rate inbound, Rate outbound) {
    }

    /** average, peak and floor in KB/s (1000 bytes per second), burst in KiB; null when not given. */
    public record Rate(Long average, Long peak, Long floor, Long burst) {
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
        List<String> addresses = new ArrayList<>();
        if (forward != null) {
            mode = XmlValues.enumAttr(forward, "mode", FORWARD_MODES);
            if (mode == null) {
                mode = "nat";
            }
            if (forward.attr("dev") != null) {
                devs.add(forward.attr("dev"));
            }
            for (XmlNode i : forward.children("interface")) {
                String dev = XmlValues.required(i, "dev");
                if (!devs.contains(dev)) {
                    devs.add(dev);
                }
            }
            for (XmlNode a : forward.children("address")) {
                addresses.add(a.attr("domain") + ":" + a.attr("bus") + ":" + a.attr("slot") + "." + a.attr("function"));
            }
        }
        List<PortGroup> groups = new ArrayList<>();
        for (XmlNode pg : root.children("portgroup")) {
            groups.add(new PortGroup(XmlValues.required(pg, "name"), XmlValues.yesNo(pg, "default", false),
                    bandwidth(pg.child("bandwidth"), name.text())));
        }
        return new NetworkDef(name.text(), uuid == null ? null : XmlValues.uuid(uuid, null, uuid.text()), mode, devs,
                addresses, bandwidth(root.child("bandwidth"), name.text()), groups);
    }

    private static Bandwidth bandwidth(XmlNode b, String network) {
        if (b == null) {
            return null;
        }
        if (b.children("inbound").size() > 1 || b.children("outbound").size() > 1) {
            throw HypervisorException.of(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "only one child <inbound> and <outbound> element allowed in bandwidth of network '%s'", network);
        }
        return new Bandwidth(rate(b.child("inbound")), rate(b.child("outbound")));
    }

    private static Rate rate(XmlNode r) {
        if (r == null) {
            return null;
        }
        long avg = longAttr(r, "average", 0, Long.MAX_VALUE, -1);
        long peak = longAttr(r, "peak", 0, Long.MAX_VALUE, -1);
        long floor = longAttr(r, "floor", 0, Long.MAX_VALUE, -1);
        long burst = longAttr(r, "burst", 0, Long.MAX_VALUE, -1);
        if (avg < 0 && peak < 0 && floor < 0 && burst < 0) {
            throw missing(r, "attribute 'average', 'peak', 'floor' or 'burst'");
        }
        return new Rate(given(avg), given(peak), given(floor), given(burst));
    }

    private static Long given(long value) {
        return value < 0 ? null : value;
    }

    /**
     * libvirt's layout: {@code <forward dev mode>} naming the first network device, a
     * {@code <portgroup>} always with an end tag, a rate only with a non-zero average or floor and
     * each of its values only when non-zero.
     */
    public String format() {
        XmlWriter w = new XmlWriter();
        w.start("network").open();
        w.element("name", name);
        w.element("uuid", uuid);
        if (forwardMode != null) {
            w.start("forward").attr("dev", forwardInterfaces.isEmpty() ? null : forwardInterfaces.get(0))
                    .attr("mode", forwardMode);
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
            w.start("portgroup").attr("name", pg.name()).attr("default", pg.isDefault() ? "yes" : null).open();
            formatBandwidth(w, pg.bandwidth());
            w.end("portgroup");
        }
        w.end("network");
        return w.toString();
    }

    private static void formatBandwidth(XmlWriter w, Bandwidth b) {
        if (b == null || (!written(b.inbound()) && !written(b.outbound()))) {
            return;
        }
        w.start("bandwidth").open();
        formatRate(w, "inbound", b.inbound());
        formatRate(w, "outbound", b.outbound());
        w.end("bandwidth");
    }

    /** As libvirt: a rate without average or floor is not written (it could not be read back). */
    private static boolean written(Rate r) {
        return r != null && (nonZero(r.average()) != null || nonZero(r.floor()) != null);
    }

    private static Long nonZero(Long value) {
        return value == null || value == 0 ? null : value;
    }

    private static void formatRate(XmlWriter w, String element, Rate r) {
        if (written(r)) {
            w.start(element).attr("average", nonZero(r.average())).attr("peak", nonZero(r.peak()))
                    .attr("floor", nonZero(r.floor())).attr("burst", nonZero(r.burst())).close();
        }
    }
}
