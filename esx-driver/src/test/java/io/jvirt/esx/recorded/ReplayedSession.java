package io.jvirt.esx.recorded;

import io.jvirt.esx.domain.DomainDriver;
import io.jvirt.esx.inventory.InventoryLookup;
import io.jvirt.esx.inventory.InventoryScope;
import io.jvirt.esx.node.HostProperties;
import io.jvirt.esx.storage.StorageDriver;
import io.jvirt.esx.transport.TransportConfig;
import io.jvirt.esx.uri.Transport;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.fixtures.replay.Recording;
import io.jvirt.fixtures.replay.ReplayServer;
import io.jvirt.spi.auth.Secret;

import java.net.Proxy;
import java.time.Duration;
import java.util.Map;

/**
 * A recording replayed on loopback with a session logged in to it and the inventory read as a
 * {@code vpx://} connection reads it, scoped to a {@code <datacenter>/<compute resource>} path:
 * what the recorded-vCenter tests run the connection's own sub-drivers over (a recording without
 * host hardware cannot make a whole connection).
 */
record ReplayedSession(Recording rec, ReplayServer server, VimSession session, InventoryScope scope)
        implements AutoCloseable {

    static ReplayedSession open(String recording, String user, String path) throws Exception {
        Recording rec = Recording.load(recording);
        ReplayServer server = ReplayServer.start(rec);
        try {
            VimSession session = VimSession.connect("127.0.0.1", server.sdkUrl().toURL(),
                    new TransportConfig(Transport.HTTP, false, null, null, Proxy.NO_PROXY,
                            Duration.ofSeconds(10), Duration.ofSeconds(60)),
                    () -> new VimSession.Credentials(user, Secret.of("unused")),
                    new VimSession.Settings(Duration.ZERO, 100));
            try {
                InventoryScope scope = InventoryLookup.read(session, HostProperties.AT_CONNECT).pathScope(path);
                return new ReplayedSession(rec, server, session, scope);
            } catch (RuntimeException e) {
                session.close();
                throw e;
            }
        } catch (Exception e) {
            server.close();
            throw e;
        }
    }

    /** The connection's domain sub-driver over this session and scope. */
    DomainDriver domains() {
        return new DomainDriver(null, session, scope, Map.of());
    }

    /** The connection's storage sub-driver over this session and scope. */
    StorageDriver storage() {
        return new StorageDriver(null, session, scope);
    }

    @Override
    public void close() {
        session.close();
        server.close();
    }
}
