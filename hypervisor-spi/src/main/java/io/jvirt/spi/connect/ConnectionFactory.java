package io.jvirt.spi.connect;

import io.jvirt.spi.Connection;
import io.jvirt.spi.Domain;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.ReadOnlyAllowed;
import io.jvirt.spi.auth.Authenticator;
import io.jvirt.spi.driver.DriverRegistry;
import io.jvirt.spi.driver.HypervisorDriver;
import io.jvirt.spi.readonly.ReadOnlyHandles;
import io.jvirt.spi.uri.ConnectionUri;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The entry point: opens a {@link Connection} for a URI by finding the installed driver that
 * owns the URI's scheme, the way JDBC's {@code DriverManager} picks a driver by URL.
 * <pre>{@code
 * try (Connection conn = ConnectionFactory.open("esx://root@esx1.example.com/", Authenticator.console())) {
 *     for (Domain d : conn.listAllDomains()) System.out.println(d.name() + " " + d.state());
 * }
 * }</pre>
 * Drivers are found with {@link java.util.ServiceLoader} in the thread's context class loader
 * (or an explicit one). Errors: {@link ErrorCode#INVALID_ARG} for a malformed URI or a remote
 * transport scheme such as {@code esx+ssh}, {@link ErrorCode#NO_CONNECT} when no driver owns
 * the scheme (the message lists the installed schemes, or names the artifact to add for a
 * scheme jvirt knows).
 */
public final class ConnectionFactory {

    /** Schemes of jvirt's own drivers and the artifact that provides each. */
    private static final Map<String, String> KNOWN_ARTIFACTS = Map.of(
            "esx", "io.jvirt:esx-driver",
            "gsx", "io.jvirt:esx-driver",
            "vpx", "io.jvirt:esx-driver",
            "test", "io.jvirt:test-driver");

    /**
     * The {@code env} key that asks {@link #open(String, Authenticator, Map)} for a read-only
     * connection (value {@code Boolean.TRUE}, {@code "true"} or {@code "1"}), the same as
     * {@link #openReadOnly}. Drivers find it set to {@code Boolean.TRUE} in the {@code env} of
     * {@link HypervisorDriver#open} when the connection is read-only.
     */
    public static final String READ_ONLY = "jvirt.readOnly";

    private ConnectionFactory() {
    }

    /**
     * Opens a read-only connection, like libvirt's {@code virConnectOpenReadOnly}: every method
     * that would change something (or disclose secrets: secure XML, native configs, volume
     * contents, the guest's host name) fails with {@link ErrorCode#OPERATION_DENIED} before any
     * request is sent, whatever the driver; reads work as usual. See
     * {@link io.jvirt.spi.readonly.ReadOnlyHandles} and {@link ReadOnlyAllowed}.
     */
    public static Connection openReadOnly(String uri, Authenticator auth) {
        return openReadOnly(uri, auth, Map.of());
    }

    /** {@link #openReadOnly(String, Authenticator)} with driver-specific options. */
    public static Connection openReadOnly(String uri, Authenticator auth, Map<String, ?> env) {
        return openReadOnly(uri, auth, env, contextLoader());
    }

    /** {@link #openReadOnly(String, Authenticator)} with the drivers visible from {@code loader}. */
    public static Connection openReadOnly(String uri, Authenticator auth, Map<String, ?> env, ClassLoader loader) {
        Map<String, Object> withFlag = new HashMap<>(env != null ? env : Map.of());
        withFlag.put(READ_ONLY, Boolean.TRUE);
        return open(uri, auth, withFlag, loader);
    }

    /** Opens a connection with the context class loader's drivers. */
    public static Connection open(String uri, Authenticator auth) {
        return open(uri, auth, Map.of());
    }

    /** Opens a connection, passing driver-specific options. */
    public static Connection open(String uri, Authenticator auth, Map<String, ?> env) {
        return open(uri, auth, env, contextLoader());
    }

    /**
     * Opens a connection with the drivers visible from {@code loader}; read-only when
     * {@code env} maps {@link #READ_ONLY} to true.
     */
    public static Connection open(String uri, Authenticator auth, Map<String, ?> env, ClassLoader loader) {
        boolean readOnly = readOnly(env);
        ConnectionUri parsed = ConnectionUri.parse(uri);
        HypervisorDriver driver = driverFor(parsed, loader);
        if (driver.requiresServer() && !parsed.hasServer()) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.URI,
                    "URI '" + parsed + "' is missing the server part: the " + driver.name()
                            + " driver connects to a remote host, e.g. " + parsed.scheme() + "://host.example.com/");
        }
        Map<String, ?> options = env != null ? env : Map.of();
        if (readOnly && !Boolean.TRUE.equals(options.get(READ_ONLY))) {
            Map<String, Object> normalized = new HashMap<>(options);
            normalized.put(READ_ONLY, Boolean.TRUE);
            options = normalized;
        }
        Connection connection = driver.open(parsed, auth != null ? auth : Authenticator.none(), options);
        return readOnly ? ReadOnlyHandles.wrap(connection) : connection;
    }

    private static boolean readOnly(Map<String, ?> env) {
        Object v = env == null ? null : env.get(READ_ONLY);
        if (v == null || Boolean.FALSE.equals(v) || "false".equals(v) || "0".equals(v)) {
            return false;
        }
        if (Boolean.TRUE.equals(v) || "true".equals(v) || "1".equals(v)) {
            return true;
        }
        throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.CORE,
                "option '" + READ_ONLY + "' has unexpected value '" + v + "' (should be true or false)");
    }

    /** The schemes of the installed drivers, sorted. */
    public static Set<String> installedSchemes() {
        return DriverRegistry.forClassLoader(contextLoader()).schemes();
    }

    /** The installed driver for a scheme, if any. */
    public static Optional<HypervisorDriver> driver(String scheme) {
        return DriverRegistry.forClassLoader(contextLoader()).driverFor(scheme);
    }

    /** jvirt's own version, encoded like {@link Connection#version()}. */
    public static long libraryVersion() {
        return 9_000_000L; // the libvirt API level this release follows (9.0.0)
    }

    private static HypervisorDriver driverFor(ConnectionUri uri, ClassLoader loader) {
        DriverRegistry registry = DriverRegistry.forClassLoader(loader);
        String scheme = uri.scheme();
        Optional<HypervisorDriver> driver = registry.driverFor(scheme);
        if (driver.isPresent()) {
            return driver.get();
        }
        int plus = scheme.indexOf('+');
        if (plus > 0) {
            String base = scheme.substring(0, plus);
            if (registry.schemes().contains(base) || KNOWN_ARTIFACTS.containsKey(base)) {
                String host = uri.hasServer() ? uri.host() : "example.com";
                String example = base + "://" + host + "/";
                throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.URI,
                        "URI scheme '" + scheme + "' asks for the remote transport '" + scheme.substring(plus + 1)
                                + "', but jvirt drivers are client-side only and talk to the hypervisor directly"
                                + (isVmware(base) ? " over HTTPS (no libvirtd is needed on the ESX host)" : "")
                                + ": use '" + example + "' instead");
            }
        }
        String artifact = KNOWN_ARTIFACTS.get(scheme);
        if (artifact != null) {
            throw new HypervisorException(ErrorCode.NO_CONNECT, ErrorDomain.CORE,
                    "jvirt was set up without the '" + scheme + "' driver: add the artifact " + artifact
                            + " to the class path to use " + scheme + ":// URIs");
        }
        throw new HypervisorException(ErrorCode.NO_CONNECT, ErrorDomain.CORE,
                "no driver for URI scheme '" + scheme + "'; installed schemes: "
                        + (registry.schemes().isEmpty() ? "(none)" : String.join(", ", registry.schemes())));
    }

    private static boolean isVmware(String scheme) {
        return scheme.equals("esx") || scheme.equals("gsx") || scheme.equals("vpx");
    }

    private static ClassLoader contextLoader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : ConnectionFactory.class.getClassLoader();
    }
}
