package io.jvirt.spi.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A libvirt {@code <capabilities>} document (the subset the ESX driver reports).
 *
 * @param hostUuid            or null
 * @param hostArch            e.g. {@code x86_64}
 * @param migrationTransports {@code <uri_transport>} values (ESX: {@code vpxmigr})
 * @param guests              the guest types
 */
public record CapabilitiesDef(UUID hostUuid, String hostArch, List<String> migrationTransports,
        List<Guest> guests) {

    public CapabilitiesDef {
        migrationTransports = List.copyOf(migrationTransports);
        guests = List.copyOf(guests);
    }

    /** {@code <guest>}: OS type, arch, word size and the domain types that run it. */
    public record Guest(String osType, String arch, int wordsize, List<String> domainTypes) {
        public Guest {
            domainTypes = List.copyOf(domainTypes);
        }
    }

    /** Whether a guest of that OS type, arch and domain type is offered. */
    public boolean offers(String osType, String arch, String domainType) {
        for (Guest g : guests) {
            if (g.osType().equals(osType) && g.arch().equals(arch) && g.domainTypes().contains(domainType)) {
                return true;
            }
        }
        return false;
    }

    public static CapabilitiesDef parse(String xml) {
        XmlNode root = SafeXml.parse(xml);
        if (!root.name().equals("capabilities")) {
            throw XmlValues.error(root, null, root.name(), "expected root element 'capabilities'");
        }
        XmlNode host = root.child("host");
        if (host == null) {
            throw XmlValues.missing(root, "element 'host'");
        }
        XmlNode uuid = host.child("uuid");
        XmlNode cpu = host.child("cpu");
        String arch = cpu == null || cpu.child("arch") == null ? null : cpu.child("arch").text().strip();
        List<String> transports = new ArrayList<>();
        XmlNode mig = host.child("migration_features");
        if (mig != null && mig.child("uri_transports") != null) {
            for (XmlNode t : mig.child("uri_transports").children("uri_transport")) {
                transports.add(t.text().strip());
            }
        }
        List<Guest> guests = new ArrayList<>();
        for (XmlNode g : root.children("guest")) {
            XmlNode os = g.child("os_type");
            XmlNode a = g.child("arch");
            if (os == null || a == null) {
                throw XmlValues.missing(g, "element 'os_type' or 'arch'");
            }
            XmlNode ws = a.child("wordsize");
            List<String> types = new ArrayList<>();
            for (XmlNode d : a.children("domain")) {
                types.add(XmlValues.required(d, "type"));
            }
            guests.add(new Guest(os.text().strip(), XmlValues.required(a, "name"),
                    ws == null ? 0 : (int) XmlValues.parseLong(ws, null, ws.text(), 1, 128), types));
        }
        return new CapabilitiesDef(uuid == null ? null : XmlValues.uuid(uuid, null, uuid.text()), arch, transports,
                guests);
    }

    public String format() {
        XmlWriter w = new XmlWriter();
        w.start("capabilities").open();
        w.start("host").open();
        w.element("uuid", hostUuid);
        w.start("cpu").open();
        w.element("arch", hostArch);
        w.end("cpu");
        if (!migrationTransports.isEmpty()) {
            w.start("migration_features").open();
            w.start("live").close();
            w.start("uri_transports").open();
            for (String t : migrationTransports) {
                w.element("uri_transport", t);
            }
            w.end("uri_transports");
            w.end("migration_features");
        }
        w.end("host");
        for (Guest g : guests) {
            w.start("guest").open();
            w.element("os_type", g.osType());
            w.start("arch").attr("name", g.arch()).open();
            if (g.wordsize() > 0) {
                w.element("wordsize", g.wordsize());
            }
            for (String t : g.domainTypes()) {
                w.start("domain").attr("type", t).close();
            }
            w.end("arch");
            w.end("guest");
        }
        w.end("capabilities");
        return w.toString();
    }
}
