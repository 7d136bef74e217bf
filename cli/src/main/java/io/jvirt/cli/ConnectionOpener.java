package io.jvirt.cli;

import io.jvirt.spi.Connection;
import io.jvirt.spi.ConnectionFactory;
import io.jvirt.spi.auth.Authenticator;

import java.util.Map;

/** Opens connections; the default asks {@link ConnectionFactory}, tests may substitute a fake. */
@FunctionalInterface
public interface ConnectionOpener {
    ConnectionOpener FACTORY = ConnectionFactory::open;

    Connection open(String uri, Authenticator auth, Map<String, ?> env);
}
