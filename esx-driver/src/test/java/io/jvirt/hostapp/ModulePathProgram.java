package io.jvirt.hostapp;

import io.jvirt.spi.Connection;
import io.jvirt.spi.auth.Authenticator;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.driver.HypervisorDriver;

import java.util.Map;
import java.util.ServiceLoader;

/**
 * A host application in the unnamed module, started by {@code io.jvirt.esx.ModulePathTest} with
 * the jvirt jars on the module path: it finds the ESX driver in the named module
 * {@code io.jvirt.esx} and lists the domains of the server given as {@code URI USER PASSWORD}.
 * Its package is in no jvirt module, so it cannot reach their unexported packages by accident.
 */
public final class ModulePathProgram {
    private ModulePathProgram() {
    }

    public static void main(String[] args) {
        Module esx = ModuleLayer.boot().findModule("io.jvirt.esx").orElseThrow();
        for (HypervisorDriver d : ServiceLoader.load(HypervisorDriver.class)) {
            if (d.getClass().getModule() == esx) {
                System.out.println("driver " + d.getClass().getName() + " in module " + esx.getName());
            }
        }
        System.out.println("io.jvirt.esx exported: " + esx.isExported("io.jvirt.esx"));
        System.out.println("io.jvirt.esx.domain exported: " + esx.isExported("io.jvirt.esx.domain"));
        System.out.println("io.jvirt.esx.vi exported: " + esx.isExported("io.jvirt.esx.vi"));
        try (Connection c = ConnectionFactory.open(args[0], Authenticator.fixed(args[1], args[2].toCharArray()),
                Map.of("esx.keepaliveInterval", "0s"))) {
            System.out.println("connection in module " + c.getClass().getModule().getName());
            System.out.println("domains " + c.listAllDomains().size());
        }
    }
}
