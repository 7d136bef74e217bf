package io.jvirt.cli.session;

import io.jvirt.spi.Connection;
import io.jvirt.spi.Domain;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.HostInterface;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.Network;
import io.jvirt.spi.StoragePool;
import io.jvirt.spi.StorageVolume;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Finds objects from what a user typed, the way virsh does: a domain by id, then UUID, then
 * name; a pool or network by name, then UUID; a volume by name in a pool, else by key, then path;
 * an interface by name, then MAC. Failures read like virsh's: {@code failed to get domain 'x'}
 * (with the driver's reason when it is not just "no such domain").
 */
public final class Lookups {
    private final Connection conn;

    public Lookups(Connection conn) {
        this.conn = conn;
    }

    public Domain domain(String arg) {
        return domain(arg, true);
    }

    /** @param byName false for {@code domname}, which accepts only an id or UUID */
    public Domain domain(String arg, boolean byName) {
        HypervisorException last = null;
        try {
            if (arg.matches("\\d{1,9}")) {
                Optional<Domain> d = attempt(() -> conn.lookupDomainById(Integer.parseInt(arg)), ErrorCode.NO_DOMAIN);
                if (d.isPresent()) {
                    return d.get();
                }
            }
            UUID uuid = parseUuid(arg);
            if (uuid != null) {
                Optional<Domain> d = attempt(() -> conn.lookupDomainByUuid(uuid), ErrorCode.NO_DOMAIN);
                if (d.isPresent()) {
                    return d.get();
                }
            }
            if (byName) {
                Optional<Domain> d = attempt(() -> conn.lookupDomainByName(arg), ErrorCode.NO_DOMAIN);
                if (d.isPresent()) {
                    return d.get();
                }
            }
        } catch (HypervisorException e) {
            last = e;
        }
        if (last != null) {
            throw new CliFailure("failed to get domain '" + arg + "'", last);
        }
        throw new CliFailure("failed to get domain '" + arg + "'");
    }

    public StoragePool pool(String arg) {
        try {
            return conn.lookupStoragePoolByName(arg);
        } catch (HypervisorException e) {
            UUID uuid = parseUuid(arg);
            if (uuid != null && e.code() == ErrorCode.NO_STORAGE_POOL) {
                try {
                    return conn.lookupStoragePoolByUuid(uuid);
                } catch (HypervisorException e2) {
                    throw new CliFailure("failed to get pool '" + arg + "'", e2);
                }
            }
            throw new CliFailure("failed to get pool '" + arg + "'", e);
        }
    }

    /** @param pool the {@code --pool} option, or {@code null} to look up by key or path */
    public StorageVolume volume(String arg, String pool) {
        if (pool != null) {
            StoragePool p = pool(pool);
            try {
                return p.lookupVolumeByName(arg);
            } catch (HypervisorException e) {
                throw new CliFailure("failed to get vol '" + arg + "'", e);
            }
        }
        try {
            return conn.lookupStorageVolumeByKey(arg);
        } catch (HypervisorException e) {
            try {
                return conn.lookupStorageVolumeByPath(arg);
            } catch (HypervisorException e2) {
                throw new CliFailure("failed to get vol '" + arg + "'", e2);
            }
        }
    }

    public Network network(String arg) {
        try {
            return conn.lookupNetworkByName(arg);
        } catch (HypervisorException e) {
            UUID uuid = parseUuid(arg);
            if (uuid != null && e.code() == ErrorCode.NO_NETWORK) {
                try {
                    return conn.lookupNetworkByUuid(uuid);
                } catch (HypervisorException e2) {
                    throw new CliFailure("failed to get network '" + arg + "'", e2);
                }
            }
            throw new CliFailure("failed to get network '" + arg + "'", e);
        }
    }

    public HostInterface iface(String arg) {
        try {
            return conn.lookupInterfaceByName(arg);
        } catch (HypervisorException e) {
            if (arg.matches("(?i)([0-9a-f]{2}:){5}[0-9a-f]{2}") && e.code() == ErrorCode.NO_INTERFACE) {
                try {
                    return conn.lookupInterfaceByMac(arg.toLowerCase(java.util.Locale.ROOT));
                } catch (HypervisorException e2) {
                    throw new CliFailure("failed to get interface '" + arg + "'", e2);
                }
            }
            throw new CliFailure("failed to get interface '" + arg + "'", e);
        }
    }

    /** Runs a lookup; empty when it fails with {@code notFound} or NO_SUPPORT, other errors propagate. */
    private static <T> Optional<T> attempt(Supplier<T> lookup, ErrorCode notFound) {
        try {
            return Optional.ofNullable(lookup.get());
        } catch (HypervisorException e) {
            if (e.code() == notFound || e.code() == ErrorCode.NO_SUPPORT || e.code() == ErrorCode.INVALID_ARG) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static UUID parseUuid(String s) {
        String hex = s.replace("-", "");
        if (!hex.matches("[0-9a-fA-F]{32}")) {
            return null;
        }
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    }
}
