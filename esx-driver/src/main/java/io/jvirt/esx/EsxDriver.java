package io.jvirt.esx;

import io.jvirt.esx.shared.EsxOptions;
import io.jvirt.esx.vi.VimServiceHolder;
import io.jvirt.spi.Connection;
import io.jvirt.spi.auth.Authenticator;
import io.jvirt.spi.driver.DriverSchemes;
import io.jvirt.spi.driver.HypervisorDriver;
import io.jvirt.spi.uri.ConnectionUri;

import java.util.Map;
import java.util.Set;

/**
 * The ESX driver plugin: {@code esx://} (ESX/ESXi hosts), {@code gsx://} (VMware Server) and
 * {@code vpx://} (vCenter). Stateless; every connection is an {@link EsxConnection}. The options
 * of the {@code env} map are listed in {@link EsxOptions}.
 */
@DriverSchemes({"esx", "gsx", "vpx"})
public final class EsxDriver implements HypervisorDriver {

    /**
     * Builds the SOAP client model shared by all connections (the vSphere WSDL and its JAXB
     * context: most of a first {@code ConnectionFactory.open}'s time in a fresh JVM) now rather
     * than in the first open. An application that will connect soon can call this on another
     * thread during its own start-up; calling it again, or opening meanwhile, never builds the
     * model twice.
     */
    public static void prepare() {
        VimServiceHolder.prepare();
    }

    @Override
    public String name() {
        return "ESX";
    }

    @Override
    public Set<String> schemes() {
        return Set.of("esx", "gsx", "vpx");
    }

    @Override
    public boolean requiresServer() {
        return true;
    }

    @Override
    public Connection open(ConnectionUri uri, Authenticator auth, Map<String, ?> env) {
        return EsxConnection.open(uri, auth, env);
    }
}
