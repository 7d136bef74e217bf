package io.jvirt.esx;

import io.jvirt.esx.shared.EsxOptions;
import io.jvirt.esx.soap.SoapClient;
import io.jvirt.esx.transport.TransportConfig;
import io.jvirt.esx.uri.EsxUriParameters;
import io.jvirt.vim25.VimReadPortType;
import io.jvirt.vim25.typing.VimTypeHierarchy;
import io.jvirt.vim25.typing.XsiTypeFallback;
import io.jvirt.spi.Connection;
import io.jvirt.spi.auth.Authenticator;
import io.jvirt.spi.driver.DriverSchemes;
import io.jvirt.spi.driver.HypervisorDriver;
import io.jvirt.spi.uri.ConnectionUri;

import java.security.GeneralSecurityException;
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
     * Loads now what a first {@code ConnectionFactory.open} in a fresh JVM would load on its
     * thread: the SOAP client of the read operations (the XML parser and the classes of a typical
     * answer, read from a canned one; nothing is sent) and the vim25 type hierarchy
     * ({@link #prepareTypes}). An application that will connect soon can call this on another
     * thread during its own start-up; calling it again, or opening meanwhile, is harmless. The
     * JAX-WS model of the operations that change things is built when a connection first calls one.
     */
    public static void prepare() {
        prepareTypes();
        try {
            SoapClient.prepare(VimReadPortType.class, XsiTypeFallback.create(m -> { }));
        } catch (Exception e) {
            // the first call does the same work and reports what is wrong
            System.getLogger(EsxDriver.class.getName()).log(System.Logger.Level.DEBUG, "SOAP client preparation failed", e);
        }
    }

    /**
     * Makes the JDK's TLS engine ready for a connection to {@code uri}, nothing sent: its
     * provider and, unless the URI says {@code no_verify=1}, the JDK's CA certificates. Like {@link #prepare}, for a thread beside a process's other start-up
     * work (jvirsh runs both); failures are left for the connection to report.
     */
    public static void prepareTls(String uri) {
        try {
            TransportConfig.prepare(EsxUriParameters.parse(ConnectionUri.parse(uri)));
        } catch (RuntimeException | GeneralSecurityException e) {
            System.getLogger(EsxDriver.class.getName()).log(System.Logger.Level.DEBUG, "TLS preparation failed", e);
        }
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
