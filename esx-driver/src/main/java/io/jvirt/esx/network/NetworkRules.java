package io.jvirt.esx.network;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.xml.NetworkDef;

import java.util.HashSet;
import java.util.Set;

/**
 * The API's network model ({@link NetworkDef}) plus the rules the ESX driver adds before it maps
 * a network to a vSwitch: no {@code /} in the name, unique port group names, every rate with an
 * average (or floor).
 */
final class NetworkRules {
    private NetworkRules() {
    }

    /** Parses {@code <network>} XML and checks the driver's rules; an XML error names the first broken one. */
    static NetworkDef parse(String xml) {
        NetworkDef def = NetworkDef.parse(xml);
        String name = def.name().trim();
        if (name.isEmpty()) {
            throw error("missing network name element");
        }
        if (name.contains("/")) {
            throw error("name %s cannot contain '/'", name);
        }
        checkRates(def.bandwidth(), name);
        Set<String> seen = new HashSet<>();
        for (NetworkDef.PortGroup pg : def.portgroups()) {
            if (pg.name().isEmpty()) {
                throw error("missing required name attribute in portgroup of network '%s'", name);
            }
            if (!seen.add(pg.name())) {
                throw error("portgroup name '%s' is used twice in network '%s'", pg.name(), name);
            }
            checkRates(pg.bandwidth(), name);
        }
        for (String dev : def.forwardInterfaces()) {
            if (dev.isEmpty()) {
                throw error("missing required dev attribute in network '%s' forward interface element", name);
            }
        }
        return def;
    }

    private static void checkRates(NetworkDef.Bandwidth b, String network) {
        if (b != null) {
            checkRate(b.inbound(), "inbound", network);
            checkRate(b.outbound(), "outbound", network);
        }
    }

    private static void checkRate(NetworkDef.Rate r, String element, String network) {
        if (r != null && r.average() == null && r.floor() == null) {
            throw error("Missing mandatory average or floor attributes in <%s> of network '%s'", element, network);
        }
    }

    private static HypervisorException error(String format, Object... args) {
        return HypervisorException.of(ErrorCode.XML_ERROR, ErrorDomain.XML, format, args);
    }
}
