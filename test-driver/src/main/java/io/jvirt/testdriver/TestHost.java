package io.jvirt.testdriver;

import io.jvirt.spi.DomainState;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.xml.DomainDef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The state of one simulated host: its domains, storage pool, network and interface. All
 * access goes through {@link #read} and {@link #write}, which hold the host's lock, so the
 * handles of a connection can be used from many threads.
 */
final class TestHost {
    static final NodeInfoData NODE = new NodeInfoData();

    private final Object lock = new Object();
    private final Map<UUID, DomainEntry> domains = new LinkedHashMap<>();
    private final Map<String, PoolEntry> pools = new LinkedHashMap<>();
    private final Map<String, NetworkEntry> networks = new LinkedHashMap<>();
    private final List<InterfaceEntry> interfaces = new ArrayList<>();
    private int nextId = 1;

    /** Static node facts, as libvirt's test driver reports them. */
    static final class NodeInfoData {
        final String model = "i686";
        final long memoryKiB = 3_145_728;
        final int cpus = 16;
        final int mhz = 1400;
        final int nodes = 2;
        final int sockets = 2;
        final int cores = 2;
        final int threads = 2;
    }

    /** A fresh host with libvirt's default test inventory. */
    static TestHost createDefault() {
        TestHost host = new TestHost();
        DomainEntry test = new DomainEntry(TestDomains.defaultTestDomain());
        host.domains.put(test.config.uuid(), test);
        host.start(test);
        PoolEntry pool = new PoolEntry("default-pool", UUID.fromString("dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566"),
                "/default-pool", 100L * 1024 * 1024 * 1024);
        host.pools.put(pool.name, pool);
        NetworkEntry net = new NetworkEntry("default", UUID.fromString("dd8fe884-6c02-601e-7551-cca97df1c5df"), "virbr0");
        host.networks.put(net.name, net);
        host.interfaces.add(new InterfaceEntry("eth1", "aa:bb:cc:dd:ee:ff"));
        return host;
    }

    /** Runs {@code action} under the host lock. */
    <T> T read(java.util.function.Supplier<T> action) {
        synchronized (lock) {
            return action.get();
        }
    }

    /** Runs {@code action} under the host lock. */
    void write(Runnable action) {
        synchronized (lock) {
            action.run();
        }
    }

    // ---- domains (call under the lock) -------------------------------------------------------

    List<DomainEntry> domains() {
        return new ArrayList<>(domains.values());
    }

    DomainEntry domain(UUID uuid) {
        DomainEntry e = domains.get(uuid);
        if (e == null) {
            throw new HypervisorException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST,
                    "Domain not found: no domain with matching uuid '" + uuid + "'");
        }
        return e;
    }

    DomainEntry find(Predicate<DomainEntry> match, String what) {
        for (DomainEntry e : domains.values()) {
            if (match.test(e)) {
                return e;
            }
        }
        throw new HypervisorException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, "Domain not found: " + what);
    }

    DomainEntry define(DomainDef config) {
        DomainEntry byUuid = domains.get(config.uuid());
        for (DomainEntry e : domains.values()) {
            if (e.config.name().equals(config.name()) && !e.config.uuid().equals(config.uuid())) {
                throw new HypervisorException(ErrorCode.DOM_EXIST, ErrorDomain.TEST,
                        "domain '" + config.name() + "' already exists with uuid " + e.config.uuid());
            }
        }
        if (byUuid != null) {
            if (!byUuid.config.name().equals(config.name())) {
                throw new HypervisorException(ErrorCode.DOM_EXIST, ErrorDomain.TEST,
                        "domain '" + byUuid.config.name() + "' is already defined with uuid " + config.uuid());
            }
            byUuid.config = config;
            byUuid.persistent = true;
            return byUuid;
        }
        DomainEntry entry = new DomainEntry(config);
        domains.put(config.uuid(), entry);
        return entry;
    }

    void start(DomainEntry e) {
        e.state = DomainState.RUNNING;
        e.id = nextId++;
    }

    /** Stops a domain; a transient (undefined while running) domain disappears. */
    void stop(DomainEntry e) {
        e.state = DomainState.SHUTOFF;
        e.id = -1;
        if (!e.persistent) {
            domains.remove(e.config.uuid());
        }
    }

    void remove(DomainEntry e) {
        domains.remove(e.config.uuid());
    }

    // ---- storage, networks, interfaces (call under the lock) ---------------------------------

    List<PoolEntry> pools() {
        return new ArrayList<>(pools.values());
    }

    PoolEntry pool(String name) {
        PoolEntry p = pools.get(name);
        if (p == null) {
            throw new HypervisorException(ErrorCode.NO_STORAGE_POOL, ErrorDomain.TEST,
                    "Storage pool not found: no storage pool with matching name '" + name + "'");
        }
        return p;
    }

    List<NetworkEntry> networks() {
        return new ArrayList<>(networks.values());
    }

    NetworkEntry network(String name) {
        NetworkEntry n = networks.get(name);
        if (n == null) {
            throw new HypervisorException(ErrorCode.NO_NETWORK, ErrorDomain.TEST,
                    "Network not found: no network with matching name '" + name + "'");
        }
        return n;
    }

    void addNetwork(NetworkEntry n) {
        if (networks.containsKey(n.name)) {
            throw new HypervisorException(ErrorCode.NETWORK_EXIST, ErrorDomain.TEST,
                    "network '" + n.name + "' already exists");
        }
        networks.put(n.name, n);
    }

    void removeNetwork(String name) {
        networks.remove(name);
    }

    List<InterfaceEntry> interfaces() {
        return List.copyOf(interfaces);
    }

    // ---- entries ------------------------------------------------------------------------------

    /** Mutable state of one domain; guarded by the host lock. */
    static final class DomainEntry {
        DomainDef config;
        DomainState state = DomainState.SHUTOFF;
        int id = -1;
        boolean persistent = true;
        boolean autostart;
        boolean managedSave;
        int schedulerWeight = 50;
        long minGuaranteeKiB;
        final List<SnapshotEntry> snapshots = new ArrayList<>();
        String currentSnapshot;

        DomainEntry(DomainDef config) {
            this.config = config;
        }

        SnapshotEntry snapshot(String name) {
            for (SnapshotEntry s : snapshots) {
                if (s.name.equals(name)) {
                    return s;
                }
            }
            throw new HypervisorException(ErrorCode.NO_DOMAIN_SNAPSHOT, ErrorDomain.TEST,
                    "Domain snapshot not found: no domain snapshot with matching name '" + name + "'");
        }
    }

    /** One snapshot: its parent's name (or null), the state and config it captured. */
    static final class SnapshotEntry {
        final String name;
        final String description;
        final String parent;
        final long creationTime;
        final DomainState state;
        final DomainDef config;

        SnapshotEntry(String name, String description, String parent, long creationTime, DomainState state,
                      DomainDef config) {
            this.name = name;
            this.description = description;
            this.parent = parent;
            this.creationTime = creationTime;
            this.state = state;
            this.config = config;
        }
    }

    /** A directory-backed pool of in-memory volumes. */
    static final class PoolEntry {
        final String name;
        final UUID uuid;
        final String path;
        final long capacity;
        boolean autostart;
        final Map<String, VolumeEntry> volumes = new LinkedHashMap<>();

        PoolEntry(String name, UUID uuid, String path, long capacity) {
            this.name = name;
            this.uuid = uuid;
            this.path = path;
            this.capacity = capacity;
        }

        long allocation() {
            return volumes.values().stream().mapToLong(v -> v.allocation).sum();
        }

        VolumeEntry volume(String volName) {
            VolumeEntry v = volumes.get(volName);
            if (v == null) {
                throw new HypervisorException(ErrorCode.NO_STORAGE_VOL, ErrorDomain.TEST,
                        "Storage volume not found: no storage vol with matching name '" + volName + "'");
            }
            return v;
        }
    }

    /** A volume whose bytes live in memory (sparse up to its capacity). */
    static final class VolumeEntry {
        final String name;
        final long capacity;
        long allocation;
        final String format;
        byte[] data = new byte[0];

        VolumeEntry(String name, long capacity, long allocation, String format) {
            this.name = name;
            this.capacity = capacity;
            this.allocation = allocation;
            this.format = format;
        }
    }

    /** A virtual network with a bridge. */
    static final class NetworkEntry {
        final String name;
        final UUID uuid;
        final String bridge;
        boolean active = true;
        boolean autostart;

        NetworkEntry(String name, UUID uuid, String bridge) {
            this.name = name;
            this.uuid = uuid;
            this.bridge = bridge;
        }
    }

    /** A host NIC. */
    record InterfaceEntry(String name, String mac) {
    }
}
