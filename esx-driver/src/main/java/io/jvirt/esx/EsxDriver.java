package io.jvirt.esx;

import io.jvirt.esx.shared.EsxOptions;
import io.jvirt.esx.vi.VimServiceHolder;
import io.jvirt.vim25.typing.VimTypeHierarchy;
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
     * Builds the SOAP client model shared by all connections (the vSphere WSDL and the JAXB
     * binding of the read operations: most of a first {@code ConnectionFactory.open}'s time in a
     * fresh JVM) and reads the vim25 type hierarchy ({@link #prepareTypes}) now rather than in the
     * first open. An application that will connect soon can call this on another thread during
     * its own start-up; calling it again, or opening meanwhile, never builds anything twice. The
     * model of the operations that change things is built when a connection first calls one.
     */
    public static void prepare() {
        VimServiceHolder.prepare();
        prepareTypes();
    }

    /**
     * The part of {@link #prepare} that reads the vim25 type hierarchy (which bound type a value
     * of a newer vSphere is read as; every connection needs it before its first answer). Separate
     * so that it can run on a thread of its own, beside the model.
     */
    public static void prepareTypes() {
        VimTypeHierarchy.standard();
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
