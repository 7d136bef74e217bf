package io.jvirt.testdriver;

import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.auth.AuthConfig;
import io.jvirt.spi.auth.Authenticator;
import io.jvirt.spi.auth.CredentialCollector;
import io.jvirt.spi.auth.Secret;
import io.jvirt.spi.driver.DriverSchemes;
import io.jvirt.spi.driver.HypervisorDriver;
import io.jvirt.spi.uri.ConnectionUri;

import java.util.Map;
import java.util.Set;

/**
 * The in-memory reference driver for {@code test:///default}, like libvirt's test driver: each
 * connection gets a fresh host with a running domain {@code test}, a storage pool
 * {@code default-pool}, a network {@code default} and an interface {@code eth1}. Host
 * applications use it in their own unit tests.
 *
 * <p>{@code test:///default?auth=1} asks for credentials through the authenticator and accepts
 * only user {@code test} with password {@code test}, to exercise authentication paths.
 */
@DriverSchemes("test")
public final class TestDriver implements HypervisorDriver {
    /** The only user name accepted by {@code ?auth=1}. */
    public static final String AUTH_USER = "test";
    private static final String AUTH_PASSWORD = "test";

    @Override
    public String name() {
        return "TEST";
    }

    @Override
    public Set<String> schemes() {
        return Set.of("test");
    }

    @Override
    public Connection open(ConnectionUri uri, Authenticator auth, Map<String, ?> env) {
        if (uri.hasServer()) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                    "the test driver runs in memory and takes no server: use test:///default, not " + uri);
        }
        if (!uri.path().equals("/default")) {
            throw new HypervisorException(ErrorCode.NO_CONNECT, ErrorDomain.TEST,
                    "the test driver knows only test:///default, not path '" + uri.path() + "'");
        }
        String authParam = uri.parameter("auth").orElse("0");
        if (!authParam.equals("0") && !authParam.equals("1")) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                    "Query parameter 'auth' has unexpected value '" + authParam + "' (should be 0 or 1)");
        }
        if (authParam.equals("1")) {
            authenticate(uri, auth, env);
        }
        return new TestConnection(uri, TestHost.createDefault(), Boolean.TRUE.equals(env.get(ConnectionFactory.READ_ONLY)));
    }

    private static void authenticate(ConnectionUri uri, Authenticator auth, Map<String, ?> env) {
        CredentialCollector credentials = new CredentialCollector("test", auth, uri, AuthConfig.environment(env));
        String user = credentials.username(uri, "localhost", AUTH_USER);
        try (Secret password = credentials.password(user, "localhost")) {
            if (!user.equals(AUTH_USER) || !password.reveal().equals(AUTH_PASSWORD)) {
                throw new HypervisorException(ErrorCode.AUTH_FAILED, ErrorDomain.TEST,
                        "authentication failed: wrong user name or password for user '" + user + "'");
            }
        }
    }
}
