package io.jvirt.spi.driver;

import io.jvirt.spi.Connection;
import io.jvirt.spi.auth.Authenticator;
import io.jvirt.spi.uri.ConnectionUri;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Drivers registered only through class loaders made by the tests. */
public final class FakeDrivers {
    /** How many FakeDrivers.Alpha instances were made (to check lazy, cached instantiation). */
    public static final AtomicInteger ALPHA_INSTANCES = new AtomicInteger();

    private FakeDrivers() {
    }

    @DriverSchemes({"alpha", "alpha2"})
    public static final class Alpha implements HypervisorDriver {
        public Alpha() {
            ALPHA_INSTANCES.incrementAndGet();
        }

        @Override
        public String name() {
            return "ALPHA";
        }

        @Override
        public Set<String> schemes() {
            return Set.of("alpha", "alpha2");
        }

        @Override
        public boolean requiresServer() {
            return true;
        }

        @Override
        public Connection open(ConnectionUri uri, Authenticator auth, Map<String, ?> env) {
            throw new UnsupportedOperationException("opened " + uri);
        }
    }

    @DriverSchemes("alpha")
    public static final class AlphaClone implements HypervisorDriver {
        @Override
        public String name() {
            return "CLONE";
        }

        @Override
        public Set<String> schemes() {
            return Set.of("alpha");
        }

        @Override
        public Connection open(ConnectionUri uri, Authenticator auth, Map<String, ?> env) {
            throw new UnsupportedOperationException();
        }
    }

    /** Must never be instantiated: its constructor throws. */
    @DriverSchemes("beta")
    public static final class Beta implements HypervisorDriver {
        public Beta() {
            throw new IllegalStateException("Beta must not be created when another scheme is asked for");
        }

        @Override
        public String name() {
            return "BETA";
        }

        @Override
        public Set<String> schemes() {
            return Set.of("beta");
        }

        @Override
        public Connection open(ConnectionUri uri, Authenticator auth, Map<String, ?> env) {
            throw new UnsupportedOperationException();
        }
    }
}
