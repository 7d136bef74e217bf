package io.jvirt.testdriver;

import io.jvirt.spi.Connection;
import io.jvirt.spi.HostInterface;
import io.jvirt.spi.xml.HostInterfaceDef;
import io.jvirt.spi.xml.MacAddress;

import java.util.List;

/** A handle on the test host's NIC. */
record TestHostInterface(TestConnection connection0, TestHost.InterfaceEntry entry) implements HostInterface {

    @Override
    public Connection connection() {
        return connection0;
    }

    @Override
    public String name() {
        return entry.name();
    }

    @Override
    public String mac() {
        return entry.mac();
    }

    @Override
    public String xmlDesc(boolean inactive) {
        connection0.checkOpen();
        return new HostInterfaceDef("ethernet", entry.name(), "onboot", MacAddress.tryParse(entry.mac()),
                new HostInterfaceDef.Ipv4(true, List.of())).format();
    }
}
