package io.jvirt.cli.session;

import io.jvirt.cli.CommandRunner;
import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.auth.Authenticator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one connection a jvirsh run shares between its commands (virsh's session), opened on
 * first use so that commands needing no server (help, offline conversion) work without one.
 * A failed open is reported like virsh ({@code failed to connect to the hypervisor} and the
 * reason) and retried by the next command.
 */
public final class Session implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Session.class.getName());
    private final SessionSettings settings;
    private final CliEnvironment io;
    private final ConnectionOpener opener;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private Connection connection;

    public Session(SessionSettings settings, CliEnvironment io, ConnectionOpener opener) {
        this.settings = settings;
        this.io = io;
        this.opener = opener;
    }

    public SessionSettings settings() {
        return settings;
    }

    /** True once a connection is open. */
    public boolean isConnected() {
        return connection != null;
    }

    /** The session's connection, opened on first use. */
    public Connection connection() {
        if (connection == null) {
            String uri = settings.uri();
            if (uri == null || uri.isBlank()) {
                throw new CliFailure("failed to connect to the hypervisor",
                        "no connection URI: use -c URI, set LIBVIRT_DEFAULT_URI, or try --sim");
            }
            connection = openConnection(uri);
        }
        return connection;
    }

    /** Opens another connection with the same credentials source (migrate's destination); the caller closes it. */
    public Connection openAdditional(String uri) {
        return openConnection(uri);
    }

    private Connection openConnection(String uri) {
        LOG.fine(() -> "opening a connection to " + uri);
        try {
            Connection c = opener.open(uri, authenticator(), driverEnv());
            LOG.fine(() -> "connected to " + uri);
            return c;
        } catch (HypervisorException e) {
            // driver messages never carry passwords (the SPI's contract)
            LOG.log(Level.FINE, "connecting to " + uri + " failed: " + e.getMessage());
            throw new CliFailure("failed to connect to the hypervisor", e);
        } catch (RuntimeException e) {
            throw new CliFailure("failed to connect to the hypervisor", String.valueOf(e.getMessage()));
        }
    }

    /** Credentials: the auth file first (--auth-file), then prompts like virsh. */
    Authenticator authenticator() {
        List<Authenticator> chain = new ArrayList<>();
        if (settings.fixedCredentials() != null) {
            chain.add(settings.fixedCredentials());
        }
        Path file = settings.authFile();
        if (file != null) {
            chain.add(Authenticator.authFile(file));
        }
        if (io.terminal() && System.console() != null) {
            chain.add(Authenticator.console());
        } else {
            // libvirt's default callback prompts on standard output and reads standard input.
            chain.add(Authenticator.prompting(io.in(), io.out()));
        }
        return Authenticator.chain(chain.toArray(Authenticator[]::new));
    }

    private Map<String, Object> driverEnv() {
        Map<String, Object> env = new HashMap<>(io.env());
        if (settings.authFile() != null) {
            env.put("LIBVIRT_AUTH_FILE", settings.authFile().toString());
        }
        if (settings.readOnly()) {
            // -r: a read-only connection (ConnectionFactory.openReadOnly's option), so the API
            // itself denies every change, behind the command-level refusal of CommandRunner
            env.put(ConnectionFactory.READ_ONLY, Boolean.TRUE);
        }
        return env;
    }

    /** Keeps something (an embedded simulator) alive until the session closes. */
    public void closeLater(AutoCloseable resource) {
        resources.add(resource);
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException ignored) {
                // closing a broken session must not hide the command's own result
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        closeConnection();
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception ignored) {
                // best effort: the process is ending
            }
        }
        resources.clear();
    }
}
