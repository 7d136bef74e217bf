package io.jvirt.cli.session;

import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.auth.Authenticator;

import java.util.Map;

/**
 * Opens connections; the default asks {@link ConnectionFactory}, tests may substitute a fake.
 * {@code env} maps {@link ConnectionFactory#READ_ONLY} to true under {@code -r}: the default then
 * opens with {@link ConnectionFactory#openReadOnly}.
 */
@FunctionalInterface
public interface ConnectionOpener {
    ConnectionOpener FACTORY = (uri, auth, env) -> Boolean.TRUE.equals(env.get(ConnectionFactory.READ_ONLY))
            ? ConnectionFactory.openReadOnly(uri, auth, env) : ConnectionFactory.open(uri, auth, env);

    Connection open(String uri, Authenticator auth, Map<String, ?> env);
}
