package io.jvirt.testdriver;

import io.jvirt.testdriver.TestHost.NetworkEntry;
import io.jvirt.spi.Connection;
import io.jvirt.spi.Network;
import io.jvirt.spi.xml.NetworkDef;
import io.jvirt.spi.xml.SafeXml;
import io.jvirt.spi.xml.XmlNode;
import io.jvirt.spi.xml.XmlWriter;

import java.util.UUID;

/** A handle on a test network. */
final class TestNetwork implements Network {
    private final TestConnection conn;
    private final String name;
    private final UUID uuid;

    TestNetwork(TestConnection conn, NetworkEntry n) {
        this.conn = conn;
        this.name = n.name;
        this.uuid = n.uuid;
    }

    static NetworkEntry parse(String xml) {
        NetworkDef def = NetworkDef.parse(xml);
        XmlNode bridge = SafeXml.parse(xml).child("bridge");
        String bridgeName = bridge != null && bridge.attr("name") != null ? bridge.attr("name") : "virbr1";
        return new NetworkEntry(def.name(), def.uuid() == null ? UUID.randomUUID() : def.uuid(), bridgeName);
    }

    private <T> T read(java.util.function.Function<NetworkEntry, T> f) {
        TestHost h = conn.host();
        return h.read(() -> f.apply(h.network(name)));
    }

    @Override
    public Connection connection() {
        return conn;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public UUID uuid() {
        return uuid;
    }

    @Override
    public String xmlDesc() {
        return read(n -> {
            XmlWriter w = new XmlWriter();
            w.start("network").open();
            w.element("name", n.name);
            w.element("uuid", n.uuid);
            w.start("bridge").attr("name", n.bridge).close();
            w.end("network");
            return w.toString();
        });
    }

    @Override
    public String bridgeName() {
        return read(n -> n.bridge);
    }

    @Override
    public boolean isActive() {
        return read(n -> n.active);
    }

    @Override
    public boolean autostart() {
        return read(n -> n.autostart);
    }

    @Override
    public void setAutostart(boolean autostart) {
        read(n -> n.autostart = autostart);
    }

    @Override
    public void undefine() {
        TestHost h = conn.host();
        h.write(() -> {
            h.network(name);
            h.removeNetwork(name);
        });
    }

    @Override
    public String toString() {
        return "TestNetwork[" + name + "]";
    }
}
