package io.jvirt.spi.driver.plugin;

import io.jvirt.spi.Connection;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.auth.Authenticator;
import io.jvirt.spi.driver.DriverSchemes;
import io.jvirt.spi.driver.HypervisorDriver;
import io.jvirt.spi.uri.ConnectionUri;

import java.util.Map;
import java.util.Set;

/**
 * A driver that {@code DriverUnloadTest} loads in a class loader of its own (child-first for this
 * package), like a plugin in an application server. Never registered on the test class path.
 */
@DriverSchemes("plugin")
public final class PluginDriver implements HypervisorDriver {

    @Override
    public String name() {
        return "PLUGIN";
    }

    @Override
    public Set<String> schemes() {
        return Set.of("plugin");
    }

    @Override
    public Connection open(ConnectionUri uri, Authenticator auth, Map<String, ?> env) {
        return new PluginConnection(uri);
    }

    /** A connection holding nothing but its URI. */
    static final class PluginConnection implements Connection {
        private final ConnectionUri uri;
        private volatile boolean open = true;

        PluginConnection(ConnectionUri uri) {
            this.uri = uri;
        }

        @Override
        public String type() {
            return "PLUGIN";
        }

        @Override
        public long version() {
            return 1;
        }

        @Override
        public ConnectionUri uri() {
            return uri;
        }

        @Override
        public String hostname() {
            if (!open) {
                throw new HypervisorException(ErrorCode.CONNECTION_CLOSED, ErrorDomain.CORE, "closed");
            }
            return "plugin-host";
        }

        @Override
        public boolean isAlive() {
            return open;
        }

        @Override
        public boolean isEncrypted() {
            return false;
        }

        @Override
        public boolean isSecure() {
            return true;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
