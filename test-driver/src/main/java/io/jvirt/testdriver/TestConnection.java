package io.jvirt.testdriver;

import io.jvirt.testdriver.TestHost.DomainEntry;
import io.jvirt.spi.Connection;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainListFlag;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.HostInterface;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.Network;
import io.jvirt.spi.NodeInfo;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.StoragePool;
import io.jvirt.spi.StorageVolume;
import io.jvirt.spi.driver.DomainListFilter;
import io.jvirt.spi.event.DomainEvent;
import io.jvirt.spi.event.DomainEventListener;
import io.jvirt.spi.event.DomainEventStream;
import io.jvirt.spi.event.EventFilter;
import io.jvirt.spi.event.EventOrigin;
import io.jvirt.spi.event.EventRegistration;
import io.jvirt.spi.event.LifecycleEvent;
import io.jvirt.spi.DomainStats;
import io.jvirt.spi.StatsGroup;
import io.jvirt.spi.stats.StatsParams;
import io.jvirt.spi.TypedParameter;
import java.util.EnumSet;
import io.jvirt.spi.uri.ConnectionUri;
import io.jvirt.spi.xml.DomainDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/** A connection to one in-memory {@link TestHost}. */
final class TestConnection implements Connection {
    private final ConnectionUri uri;
    private final TestHost host;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final boolean readOnly;
    /** Events of changes made through this connection (like libvirt's test driver: per connection). */
    private final DomainEventStream events = new DomainEventStream();

    /** {@code readOnly}: opened through ConnectionFactory.openReadOnly (which also denies every change itself). */
    TestConnection(ConnectionUri uri, TestHost host, boolean readOnly) {
        this.uri = uri;
        this.host = host;
        this.readOnly = readOnly;
    }

    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    TestHost host() {
        checkOpen();
        return host;
    }

    void checkOpen() {
        if (!open.get()) {
            throw new HypervisorException(ErrorCode.CONNECTION_CLOSED, ErrorDomain.TEST,
                    "the connection to " + uri + " is closed");
        }
    }

    @Override
    public String type() {
        return "TEST";
    }

    @Override
    public long version() {
        checkOpen();
        return 2; // libvirt's test driver reports hypervisor version 0.0.2
    }

    @Override
    public ConnectionUri uri() {
        return uri;
    }

    @Override
    public String hostname() {
        checkOpen();
        return "localhost.localdomain";
    }

    @Override
    public boolean isAlive() {
        return open.get();
    }

    @Override
    public boolean isEncrypted() {
        return false;
    }

    @Override
    public boolean isSecure() {
        return true; // nothing leaves the JVM
    }

    @Override
    public NodeInfo nodeInfo() {
        checkOpen();
        TestHost.NodeInfoData n = TestHost.NODE;
        return new NodeInfo(n.model, n.memoryKiB, n.cpus, n.mhz, n.nodes, n.sockets, n.cores, n.threads);
    }

    @Override
    public long freeMemory() {
        checkOpen();
        long used = host.read(() -> host.domains().stream()
                .filter(e -> e.state.isActive()).mapToLong(e -> e.config.effectiveCurrentMemoryKiB()).sum());
        return Math.max(0, TestHost.NODE.memoryKiB - used) * 1024;
    }

    @Override
    public String capabilities() {
        checkOpen();
        return """
                <capabilities>
                  <host>
                    <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>
                    <cpu>
                      <arch>i686</arch>
                    </cpu>
                  </host>
                  <guest>
                    <os_type>hvm</os_type>
                    <arch name='i686'>
                      <wordsize>32</wordsize>
                      <domain type='test'/>
                    </arch>
                  </guest>
                  <guest>
                    <os_type>hvm</os_type>
                    <arch name='x86_64'>
                      <wordsize>64</wordsize>
                      <domain type='test'/>
                    </arch>
                  </guest>
                </capabilities>
                """;
    }

    @Override
    public int maxVcpus(String type) {
        checkOpen();
        return 32;
    }

    @Override
    public boolean supportsFeature(String feature) {
        return false;
    }

    @Override
    public void close() {
        open.set(false);
        events.close();
    }

    // ---- domains -----------------------------------------------------------------------------

    @Override
    public List<Domain> listAllDomains(Set<DomainListFlag> filters) {
        TestHost h = host();
        DomainListFilter filter = new DomainListFilter(filters);
        return h.read(() -> {
            List<Domain> result = new ArrayList<>();
            for (DomainEntry e : h.domains()) {
                if (filter.matches(new DomainListFilter.Facts(e.state, e.persistent, e.managedSave, e.autostart,
                        !e.snapshots.isEmpty()))) {
                    result.add(new TestDomain(this, e));
                }
            }
            return result;
        });
    }

    @Override
    public Domain lookupDomainById(int id) {
        TestHost h = host();
        return h.read(() -> new TestDomain(this,
                h.find(e -> e.id == id && e.state.isActive(), "no domain with matching id " + id)));
    }

    @Override
    public Domain lookupDomainByName(String name) {
        TestHost h = host();
        return h.read(() -> new TestDomain(this,
                h.find(e -> e.config.name().equals(name), "no domain with matching name '" + name + "'")));
    }

    @Override
    public Domain lookupDomainByUuid(UUID uuid) {
        TestHost h = host();
        return h.read(() -> new TestDomain(this, h.domain(uuid)));
    }

    @Override
    public Domain defineDomain(String xml, ProgressListener progress) {
        DomainDef config = TestDomains.parse(xml);
        TestHost h = host();
        progress.progress("define", 0);
        boolean[] existed = new boolean[1];
        Domain d = h.read(() -> {
            existed[0] = h.domains().stream().anyMatch(e -> e.config.uuid().equals(config.uuid())
                    || e.config.name().equals(config.name()));
            return new TestDomain(this, h.define(config));
        });
        lifecycle(d.name(), d.uuid(), LifecycleEvent.DEFINED,
                existed[0] ? LifecycleEvent.DEFINED_UPDATED : LifecycleEvent.DEFINED_ADDED);
        progress.progress("define", 100);
        return d;
    }

    // ---- storage -----------------------------------------------------------------------------

    @Override
    public List<StoragePool> listAllStoragePools() {
        TestHost h = host();
        return h.read(() -> h.pools().stream().<StoragePool>map(p -> new TestStoragePool(this, p)).toList());
    }

    @Override
    public StoragePool lookupStoragePoolByName(String name) {
        TestHost h = host();
        return h.read(() -> new TestStoragePool(this, h.pool(name)));
    }

    @Override
    public StoragePool lookupStoragePoolByUuid(UUID uuid) {
        TestHost h = host();
        return h.read(() -> h.pools().stream().filter(p -> p.uuid.equals(uuid)).findFirst()
                .<StoragePool>map(p -> new TestStoragePool(this, p))
                .orElseThrow(() -> new HypervisorException(ErrorCode.NO_STORAGE_POOL, ErrorDomain.TEST,
                        "Storage pool not found: no storage pool with matching uuid '" + uuid + "'")));
    }

    @Override
    public StorageVolume lookupStorageVolumeByPath(String path) {
        TestHost h = host();
        return h.read(() -> {
            for (TestHost.PoolEntry p : h.pools()) {
                String prefix = p.path + "/";
                if (path.startsWith(prefix) && p.volumes.containsKey(path.substring(prefix.length()))) {
                    return new TestStoragePool(this, p).volume(p.volumes.get(path.substring(prefix.length())));
                }
            }
            throw new HypervisorException(ErrorCode.NO_STORAGE_VOL, ErrorDomain.TEST,
                    "Storage volume not found: no storage vol with matching path '" + path + "'");
        });
    }

    @Override
    public StorageVolume lookupStorageVolumeByKey(String key) {
        return lookupStorageVolumeByPath(key);
    }

    // ---- networks and interfaces --------------------------------------------------------------

    @Override
    public List<Network> listAllNetworks() {
        TestHost h = host();
        return h.read(() -> h.networks().stream().<Network>map(n -> new TestNetwork(this, n)).toList());
    }

    @Override
    public Network lookupNetworkByName(String name) {
        TestHost h = host();
        return h.read(() -> new TestNetwork(this, h.network(name)));
    }

    @Override
    public Network lookupNetworkByUuid(UUID uuid) {
        TestHost h = host();
        return h.read(() -> h.networks().stream().filter(n -> n.uuid.equals(uuid)).findFirst()
                .<Network>map(n -> new TestNetwork(this, n))
                .orElseThrow(() -> new HypervisorException(ErrorCode.NO_NETWORK, ErrorDomain.TEST,
                        "Network not found: no network with matching uuid '" + uuid + "'")));
    }

    @Override
    public Network defineNetwork(String xml) {
        TestHost.NetworkEntry entry = TestNetwork.parse(xml);
        TestHost h = host();
        h.write(() -> h.addNetwork(entry));
        return new TestNetwork(this, entry);
    }

    @Override
    public List<HostInterface> listAllInterfaces() {
        TestHost h = host();
        return h.read(() -> h.interfaces().stream().<HostInterface>map(i -> new TestHostInterface(this, i)).toList());
    }

    @Override
    public HostInterface lookupInterfaceByName(String name) {
        return find(i -> i.name().equals(name), "name '" + name + "'");
    }

    @Override
    public HostInterface lookupInterfaceByMac(String mac) {
        return find(i -> i.mac().equalsIgnoreCase(mac), "MAC address '" + mac + "'");
    }

    private HostInterface find(java.util.function.Predicate<TestHost.InterfaceEntry> match, String what) {
        TestHost h = host();
        return h.read(() -> h.interfaces().stream().filter(match).findFirst()
                .<HostInterface>map(i -> new TestHostInterface(this, i))
                .orElseThrow(() -> new HypervisorException(ErrorCode.NO_INTERFACE, ErrorDomain.TEST,
                        "Interface not found: no interface with matching " + what)));
    }

    // ---- events ------------------------------------------------------------------------------

    @Override
    public EventRegistration registerDomainEvents(EventFilter filter, DomainEventListener listener) {
        checkOpen();
        return events.register(filter, listener);
    }

    /** Publishes a lifecycle event of a change made through this connection (outside the host lock). */
    void lifecycle(String name, UUID uuid, LifecycleEvent type, int detail) {
        events.publish(DomainEvent.lifecycle(name, uuid, type, detail, EventOrigin.LIVE));
    }

    /** Publishes another event of a change made through this connection. */
    void publish(DomainEvent event) {
        events.publish(event);
    }

    // ---- statistics --------------------------------------------------------------------------

    /** The groups this driver reports: state, balloon, vcpu and block (names and paths). */
    static final Set<StatsGroup> STATS_GROUPS = EnumSet.of(StatsGroup.STATE, StatsGroup.BALLOON, StatsGroup.VCPU,
            StatsGroup.BLOCK);

    @Override
    public List<DomainStats> allDomainStats(Set<StatsGroup> groups, Set<DomainListFlag> filters) {
        return domainStats(listAllDomains(filters), groups);
    }

    @Override
    public List<DomainStats> domainStats(List<Domain> domains, Set<StatsGroup> groups) {
        Set<StatsGroup> wanted = groups.isEmpty() ? STATS_GROUPS : EnumSet.copyOf(groups);
        TestHost h = host();
        return h.read(() -> {
            List<DomainStats> out = new ArrayList<>();
            for (Domain d : domains) {
                DomainEntry e = h.domain(d.uuid());
                List<TypedParameter> p = new ArrayList<>();
                if (wanted.contains(StatsGroup.STATE)) {
                    StatsParams.state(p, e.state);
                }
                if (wanted.contains(StatsGroup.BALLOON)) {
                    StatsParams.balloon(p, e.config.effectiveCurrentMemoryKiB(), e.config.memoryKiB());
                }
                if (wanted.contains(StatsGroup.VCPU)) {
                    StatsParams.vcpu(p, e.config.vcpus(), e.config.vcpus());
                }
                if (wanted.contains(StatsGroup.BLOCK)) {
                    StatsParams.block(p, e.config);
                }
                out.add(new DomainStats(new TestDomain(this, e), p));
            }
            return out;
        });
    }
}
