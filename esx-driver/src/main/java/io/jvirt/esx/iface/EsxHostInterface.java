package io.jvirt.esx.iface;

import io.jvirt.spi.Connection;
import io.jvirt.spi.HostInterface;

/** A physical NIC of the host as a host interface. */
final class EsxHostInterface implements HostInterface {
    private final InterfaceDriver driver;
    private final String name;
    private final String mac;

    EsxHostInterface(InterfaceDriver driver, String name, String mac) {
        this.driver = driver;
        this.name = name;
        this.mac = mac;
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
    public String mac() {
        return mac;
    }

    @Override
    public boolean isActive() {
        return true;
    }

    @Override
    public String xmlDesc(boolean inactive) {
        return driver.xmlDesc(this, inactive);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EsxHostInterface i && i.name.equals(name) && i.mac.equals(mac);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "EsxHostInterface[" + name + ", " + mac + "]";
    }
}
