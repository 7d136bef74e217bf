package io.jvirt.esx.network;

import io.jvirt.spi.xml.XmlWriter;

import java.util.List;
import java.util.UUID;

/** Writes {@code <network>} XML in libvirt's layout (order of {@code virNetworkDefFormat}). */
final class NetworkXml {
    private NetworkXml() {
    }

    /**
     * @param forwardDevices physical NIC device names: forward mode {@code bridge} when non-empty
     * @param portGroups     port groups with their bandwidth (null for none)
     */
    static String format(String name, UUID uuid, List<String> forwardDevices, Bandwidth bandwidth,
                         List<NetworkDef.PortGroupDef> portGroups) {
        XmlWriter w = new XmlWriter();
        w.start("network").open();
        w.element("name", name);
        w.element("uuid", uuid);
        if (!forwardDevices.isEmpty()) {
            // libvirt's virNetworkDefFormat: dev= names the first forward interface, before mode
            w.start("forward").attr("dev", forwardDevices.get(0)).attr("mode", "bridge").open();
            for (String dev : forwardDevices) {
                w.start("interface").attr("dev", dev).close();
            }
            w.end("forward");
        }
        bandwidth(w, bandwidth);
        for (NetworkDef.PortGroupDef pg : portGroups) {
            w.start("portgroup").attr("name", pg.name()).open();
            bandwidth(w, pg.bandwidth());
            w.end("portgroup");
        }
        w.end("network");
        return w.toString();
    }

    private static void bandwidth(XmlWriter w, Bandwidth b) {
        // As libvirt: a rate without average is not written (it could not be parsed back).
        if (b == null || (!written(b.inbound()) && !written(b.outbound()))) {
            return;
        }
        w.start("bandwidth").open();
        rate(w, "inbound", b.inbound());
        rate(w, "outbound", b.outbound());
        w.end("bandwidth");
    }

    private static boolean written(Bandwidth.Rate r) {
        return r != null && r.average() > 0;
    }

    private static void rate(XmlWriter w, String element, Bandwidth.Rate r) {
        if (!written(r)) {
            return;
        }
        w.start(element).attr("average", r.average())
                .attr("peak", r.peak() > 0 ? r.peak() : null)
                .attr("burst", r.burst() > 0 ? r.burst() : null).close();
    }
}
