package io.jvirt.cli.completion;

import io.jvirt.cli.session.Session;
import io.jvirt.spi.Connection;
import io.jvirt.spi.Domain;
import io.jvirt.spi.Network;
import io.jvirt.spi.StoragePool;

import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Names from the session's connection (opened on first use). Completion never prints an error:
 * when there is no connection or listing fails, there is simply nothing to offer (the reason
 * goes to the debug log).
 */
public final class SessionNames implements Names {
    private static final Logger LOG = Logger.getLogger(SessionNames.class.getName());
    private final Session session;

    public SessionNames(Session session) {
        this.session = session;
    }

    @Override
    public List<String> domains() {
        return list(c -> c.listAllDomains(EnumSet.noneOf(io.jvirt.spi.DomainListFlag.class)).stream()
                .map(Domain::name).toList());
    }

    @Override
    public List<String> pools() {
        return list(c -> c.listAllStoragePools().stream().map(StoragePool::name).toList());
    }

    @Override
    public List<String> networks() {
        return list(c -> c.listAllNetworks().stream().map(Network::name).toList());
    }

    private List<String> list(Function<Connection, List<String>> names) {
        if (session.settings().uri() == null || session.settings().uri().isBlank()) {
            return List.of();
        }
        try {
            return names.apply(session.connection());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "completion: cannot list names", e);
            return List.of();
        }
    }
}
