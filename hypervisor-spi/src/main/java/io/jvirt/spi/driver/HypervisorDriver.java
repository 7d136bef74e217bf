package io.jvirt.spi.driver;

import io.jvirt.spi.Connection;
import io.jvirt.spi.auth.Authenticator;
import io.jvirt.spi.uri.ConnectionUri;

import java.util.Map;
import java.util.Set;

/**
 * What a driver plugin implements, like JDBC's {@code Driver} or NIO's
 * {@code FileSystemProvider}. A plugin registers its implementation in
 * {@code META-INF/services/io.jvirt.spi.driver.HypervisorDriver} (and with {@code provides} in
 * its {@code module-info} when it has one) and annotates the class with {@link DriverSchemes} so
 * that {@link io.jvirt.spi.connect.ConnectionFactory} can pick it by URI scheme without instantiating
 * every installed driver.
 *
 * <p>Implementations need a public no-argument constructor, must be thread-safe and should do
 * no work in the constructor.
 */
public interface HypervisorDriver {

    /** A short name for messages, e.g. {@code "ESX"}. */
    String name();

    /** The URI schemes this driver owns; must equal the {@link DriverSchemes} annotation. */
    Set<String> schemes();

    /**
     * True when URIs must name a server ({@code esx://host/}); the factory then rejects
     * {@code esx:///} before calling {@link #open}.
     */
    default boolean requiresServer() {
        return false;
    }

    /**
     * Opens a connection.
     *
     * @param uri  the parsed URI; its scheme is one of {@link #schemes()}
     * @param auth asked for credentials; never {@code null} ({@link Authenticator#none()})
     * @param env  driver-specific options, like NIO's {@code newFileSystem} env (may be empty);
     *             {@link io.jvirt.spi.connect.ConnectionFactory#READ_ONLY} maps to {@code Boolean.TRUE} when the
     *             connection is opened read-only. The factory then hands out only a read-only view
     *             of the returned connection (every modifying call is denied before it reaches the
     *             driver); the driver may also use the flag to open its session read-only.
     * @throws io.jvirt.spi.error.HypervisorException with a code and a message naming the problem
     */
    Connection open(ConnectionUri uri, Authenticator auth, Map<String, ?> env);
}
