package io.jvirt.esx.network;

import io.jvirt.esx.shared.AlwaysAutostarted;
import io.jvirt.spi.Connection;
import io.jvirt.spi.Network;

import java.util.UUID;

/** A host virtual switch as a libvirt network: always active, persistent and autostarted. */
final class EsxNetwork implements Network {
    private final NetworkDriver driver;
    private final String name;
    private final UUID uuid;

    EsxNetwork(NetworkDriver driver, String name, UUID uuid) {
        this.driver = driver;
        this.name = name;
        this.uuid = uuid;
    }

    @Override
    public Connection connection() {
        return driver.connection();
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
        return driver.xmlDesc(this);
    }

    @Override
    public boolean isActive() {
        return true;
    }

    @Override
    public boolean isPersistent() {
        return true;
    }

    @Override
    public boolean autostart() {
        return true;
    }

    @Override
    public void setAutostart(boolean autostart) {
        AlwaysAutostarted.set(autostart, "network");
    }

    @Override
    public void undefine() {
        driver.undefine(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EsxNetwork n && n.uuid.equals(uuid) && n.name.equals(name);
    }

    @Override
    public int hashCode() {
        return uuid.hashCode();
    }

    @Override
    public String toString() {
        return "EsxNetwork[" + name + ", " + uuid + "]";
    }
}
