package io.jvirt.esx;

import io.jvirt.esx.domain.DomainDriver;
import io.jvirt.esx.events.DomainWatcher;
import io.jvirt.esx.shared.EsxOptions;
import io.jvirt.esx.stats.DomainStatsReader;
import io.jvirt.esx.stats.EsxIoStats;
import io.jvirt.esx.stats.NodeStatsReader;
import io.jvirt.esx.stats.PerfServer;
import io.jvirt.spi.TypedParameter;
import io.jvirt.spi.DomainStats;
import io.jvirt.spi.StatsGroup;
import io.jvirt.spi.event.DomainEventListener;
import io.jvirt.spi.event.DomainEventStream;
import io.jvirt.spi.event.EventFilter;
import io.jvirt.spi.event.EventRegistration;
import io.jvirt.esx.domain.DomainWrites;
import io.jvirt.esx.domain.MigrationDestination;
import io.jvirt.esx.domain.EsxFileNameMapper;
import io.jvirt.esx.inventory.InventoryLookup;
import io.jvirt.esx.inventory.InventoryScope;
import io.jvirt.esx.node.Capabilities;
import io.jvirt.esx.iface.InterfaceDriver;
import io.jvirt.esx.network.NetworkDriver;
import io.jvirt.esx.storage.StorageDriver;
import io.jvirt.esx.node.HostProperties;
import io.jvirt.esx.node.NodeFacts;
import io.jvirt.esx.transport.TransportConfig;
import io.jvirt.esx.uri.EsxScheme;
import io.jvirt.esx.uri.EsxUriParameters;
import io.jvirt.esx.uri.Transport;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.esx.vi.ProductLine;
import io.jvirt.esx.vi.PropertyReader;
import io.jvirt.esx.vi.Specs;
import io.jvirt.esx.vi.Tasks;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.esx.vi.VirtualHardware;
import io.jvirt.spi.Connection;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainListFlag;
import io.jvirt.spi.DomainXmlFlag;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.HostInterface;
import io.jvirt.spi.Network;
import io.jvirt.spi.NodeInfo;
import io.jvirt.spi.StoragePool;
import io.jvirt.spi.StorageVolume;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.auth.AuthConfig;
import io.jvirt.spi.auth.Authenticator;
import io.jvirt.spi.auth.CredentialCollector;
import io.jvirt.spi.uri.ConnectionUri;
import io.jvirt.spi.xml.DomainXml;
import io.jvirt.vim25.HostCpuIdInfo;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.esx.domain.ScsiAutodetect;
import io.jvirt.spi.xml.CapabilitiesDef;
import io.jvirt.vmx.convert.Vmx;
import io.jvirt.vmx.VmxContext;

import java.net.MalformedURLException;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An open connection to an ESX/GSX host or a vCenter. Opening follows esx-spec section 1:
 * parameters, default port, credentials (auth.conf, then the authenticator), login, product
 * line and API checks, inventory scope, optional vCenter for {@code esx://...?vcenter=}; it
 * costs three SOAP requests. Thread-safe; {@link #close()} logs out and stops the keepalive.
 */
public final class EsxConnection implements Connection, MigrationDestination {
    private static final System.Logger LOG = System.getLogger(EsxConnection.class.getName());

    private final ConnectionUri uri;
    private final EsxUriParameters params;
    private final VimSession primary;
    private final VimSession host;
    private final VimSession vcenter;
    private final InventoryScope scope;
    private final String capabilities;
    private final DomainDriver domains;
    /** PerformanceManager facts (counter ids, refresh rate, limits), read once per connection. */
    private final PerfServer perfServer;
    private final StorageDriver storage;
    private final NetworkDriver networks;
    private final InterfaceDriver interfaces;
    /** Domain events: the stream exists from the start, the watcher from the first registration. */
    private final DomainEventStream events = new DomainEventStream(10_000, n -> { });
    private DomainWatcher watcher;
    private final int eventWaitSeconds;

    private EsxConnection(ConnectionUri uri, EsxUriParameters params, VimSession host, VimSession vcenter,
                          VimSession primary, InventoryScope scope, OpenOptions options) {
        this.uri = uri;
        this.params = params;
        this.host = host;
        this.vcenter = vcenter;
        this.primary = primary;
        this.scope = scope;
        ObjectProps hostProps = scope.primaryHost().orElseThrow(() -> new HypervisorException(ErrorCode.INTERNAL_ERROR,
                ErrorDomain.ESX, "The inventory path '" + uri.path() + "' contains no host system"));
        boolean longMode = NodeFacts.supportsLongMode(hostProps.list(HostProperties.CPU_FEATURE, HostCpuIdInfo.class));
        this.capabilities = Capabilities.xml(NodeFacts.hostUuid(hostProps), longMode);
        Map<String, ManagedObjectReference> managers = new HashMap<>();
        for (ObjectProps h : scope.hosts()) {
            h.get(HostProperties.AUTOSTART_MANAGER, ManagedObjectReference.class)
                    .ifPresent(m -> managers.put(h.value(), m));
        }
        this.domains = new DomainDriver(this, primary, scope, managers,
                new DomainDriver.WriteSettings(vcenter, params.autoAnswer(), options.taskTimeout()),
                new DomainExtensionSet(Clock.systemUTC()));
        this.eventWaitSeconds = options.eventWaitSeconds();
        this.perfServer = new PerfServer(primary);
        this.domains.setIoStats(new EsxIoStats(primary, perfServer));
        this.storage = new StorageDriver(this, primary, scope);
        this.networks = new NetworkDriver(this, primary, scope);
        this.interfaces = new InterfaceDriver(this, primary, scope);
    }

    /**
     * The options of the open environment that the connection keeps: the longest wait for one
     * vSphere task ({@value #TASK_TIMEOUT_OPTION}) and for one event poll ({@value #EVENT_WAIT_OPTION}).
     * Read before anything is opened, so that a bad option costs no login.
     */
    private record OpenOptions(Duration taskTimeout, int eventWaitSeconds) {
        static OpenOptions of(Map<String, ?> env) {
            Duration timeout = EsxOptions.duration(env, TASK_TIMEOUT_OPTION, Tasks.DEFAULT_TIMEOUT);
            if (timeout.isZero()) {
                throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                        "Option '" + TASK_TIMEOUT_OPTION + "' must be a positive duration such as 30m");
            }
            Duration eventWait = EsxOptions.duration(env, EVENT_WAIT_OPTION, Duration.ofSeconds(DEFAULT_EVENT_WAIT_SECONDS));
            if (eventWait.toSeconds() < 1) {
                throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                        "Option '" + EVENT_WAIT_OPTION + "' must be at least one second");
            }
            return new OpenOptions(timeout, (int) Math.min(Integer.MAX_VALUE, eventWait.toSeconds()));
        }
    }

    /** Environment option: how long one event poll waits on the server when nothing changes. */
    public static final String EVENT_WAIT_OPTION = "esx.eventWait";
    static final int DEFAULT_EVENT_WAIT_SECONDS = 5;

    /** Environment option: the longest wait for one vSphere task (ISO-8601 or as EsxOptions parses). */
    public static final String TASK_TIMEOUT_OPTION = "esx.taskTimeout";

    /** The write operations on domains (used by {@link io.jvirt.esx.domain.EsxDomain}). */
    public DomainWrites domainWrites() {
        return domains.writes();
    }

    @Override
    public String prepareMigration() {
        return domains.writes().migration().prepare();
    }

    /** Opens a connection (see the class comment). */
    public static EsxConnection open(ConnectionUri uri, Authenticator auth, Map<String, ?> env) {
        EsxScheme scheme = EsxScheme.of(uri.scheme());
        if (!uri.hasServer()) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                    "URI '" + uri + "' is missing the server part, e.g. " + scheme.scheme() + "://esx.example.com/");
        }
        EsxUriParameters params = EsxUriParameters.parse(uri);
        ConnectionUri withPort = uri.port() > 0 ? uri : uri.withPort(scheme.defaultPort(params.transport()));
        TransportConfig transport = TransportConfig.create(params, env);
        OpenOptions options = OpenOptions.of(env);
        VimSession.Settings settings = new VimSession.Settings(
                EsxOptions.duration(env, EsxOptions.KEEPALIVE_INTERVAL, EsxOptions.DEFAULT_KEEPALIVE_INTERVAL),
                EsxOptions.positiveInt(env, EsxOptions.PAGE_SIZE, EsxOptions.DEFAULT_PAGE_SIZE));
        CredentialCollector credentials = new CredentialCollector("esx", auth, withPort, AuthConfig.environment(env));
        Opener opener = new Opener(withPort, scheme, params, transport, settings, credentials, options);
        return scheme == EsxScheme.VPX ? opener.openVpx() : opener.openHost();
    }

    /** The steps of opening, with cleanup of whatever was opened when a later step fails. */
    private record Opener(ConnectionUri uri, EsxScheme scheme, EsxUriParameters params, TransportConfig transport,
                          VimSession.Settings settings, CredentialCollector credentials, OpenOptions options) {

        EsxConnection openHost() {
            if (!uri.path().equals("/") && !uri.path().isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "Ignoring unexpected path ''{0}'' for non-vpx scheme ''{1}''",
                        uri.path(), uri.scheme());
            }
            String hostIp = Hostnames.resolveIPv4(uri.host());
            VimSession hostSession = login(uri.host(), uri.port(), uri.host(), scheme.defaultUser(), ProductLine.expectedFor(scheme));
            VimSession vc = null;
            try {
                InventoryScope scope = InventoryLookup.read(hostSession, HostProperties.AT_CONNECT).hostScope();
                ObjectProps hostProps = scope.primaryHost().orElseThrow();
                if (hostProps.get(HostProperties.MAINTENANCE, Boolean.class).orElse(false)) {
                    LOG.log(System.Logger.Level.WARNING, "The server is in maintenance mode");
                }
                if (params.vcenter() != null) {
                    vc = connectVcenter(hostProps, hostIp);
                }
                return new EsxConnection(uri, params, hostSession, vc, hostSession, scope, options);
            } catch (RuntimeException e) {
                if (vc != null) {
                    vc.close();
                }
                hostSession.close();
                throw e;
            }
        }

        private VimSession connectVcenter(ObjectProps hostProps, String hostIp) {
            String managementIp = hostProps.string(HostProperties.MANAGEMENT_SERVER_IP).filter(s -> !s.isEmpty()).orElse(null);
            String vcenterIp;
            int port = uri.port();
            if (EsxUriParameters.ANY_VCENTER.equals(params.vcenter())) {
                if (managementIp == null) {
                    throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                            "This host is not managed by a vCenter");
                }
                vcenterIp = managementIp;
            } else {
                // Beyond libvirt: "vcenter=host:port" names the vCenter's port; without it the
                // vCenter is contacted on the port of this URI, as libvirt does.
                String name = params.vcenter();
                int colon = name.lastIndexOf(':');
                if (colon > 0 && name.indexOf(':') == colon && name.substring(colon + 1).matches("\\d{1,5}")) {
                    port = Integer.parseInt(name.substring(colon + 1));
                    name = name.substring(0, colon);
                }
                vcenterIp = Hostnames.resolveIPv4(name);
                if (managementIp != null && !managementIp.equals(vcenterIp)) {
                    throw HypervisorException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                            "This host is managed by a vCenter with IP address %s, but a mismatching vCenter '%s' (%s) has been specified",
                            managementIp, params.vcenter(), vcenterIp);
                }
            }
            VimSession vc = login(vcenterIp, port, vcenterIp, EsxScheme.VPX.defaultUser(), ProductLine.VPX);
            try {
                ManagedObjectReference searchIndex = vc.content().getSearchIndex();
                ManagedObjectReference found = vc.call("FindByIp", p -> p.findByIp(searchIndex, null, hostIp, false));
                if (found == null) {
                    throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                            "vCenter '" + vcenterIp + "' does not manage a host system with IP address " + hostIp);
                }
                return vc;
            } catch (RuntimeException e) {
                vc.close();
                throw e;
            }
        }

        EsxConnection openVpx() {
            if (uri.path().equals("/")) {
                throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                        "Path has to specify the datacenter and compute resource");
            }
            if (uri.path().replace("/", "").isEmpty()) {
                throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                        "Path '" + uri.path() + "' does not specify a datacenter");
            }
            Hostnames.resolveIPv4(uri.host());
            VimSession vc = login(uri.host(), uri.port(), uri.host(), scheme.defaultUser(), ProductLine.VPX);
            try {
                InventoryScope scope = InventoryLookup.read(vc, HostProperties.AT_CONNECT).pathScope(uri.path());
                return new EsxConnection(uri, params, null, vc, vc, scope, options);
            } catch (RuntimeException e) {
                vc.close();
                throw e;
            }
        }

        /** Credentials (challenge = {@code challenge}), RetrieveServiceContent, checks, Login. */
        private VimSession login(String server, int port, String challenge, String defaultUser, ProductLine expected) {
            URL sdk;
            try {
                String h = server.indexOf(':') >= 0 ? "[" + server + "]" : server;
                sdk = new URL(params.transport().scheme() + "://" + h + ":" + port + "/sdk");
            } catch (MalformedURLException e) {
                throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                        "Cannot build the SOAP URL for host '" + server + "': " + e.getMessage(), e);
            }
            VimSession s = VimSession.connect(server, sdk, transport, () -> {
                String user = credentials.username(uri, challenge, defaultUser);
                return new VimSession.Credentials(user, credentials.password(user, challenge));
            }, settings);
            if (s.productLine() != expected) {
                s.close();
                throw HypervisorException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                        "Expecting '%s' to be a %s host but found a %s host", server, expected.displayName(),
                        s.productLine().displayName());
            }
            return s;
        }
    }

    // ---- connection --------------------------------------------------------------------------

    @Override
    public String type() {
        return "ESX";
    }

    @Override
    public long version() {
        return primary.productVersion();
    }

    @Override
    public ConnectionUri uri() {
        return uri;
    }

    /** The parsed query parameters. */
    public EsxUriParameters parameters() {
        return params;
    }

    /** The part of the inventory this connection manages. */
    public InventoryScope scope() {
        return scope;
    }

    /** SOAP and HTTP requests made so far on every session of this connection, per method. */
    public Map<String, Long> requestCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>(primary.requestCounts());
        if (vcenter != null && vcenter != primary) {
            vcenter.requestCounts().forEach((k, v) -> counts.merge(k, v, Long::sum));
        }
        return counts;
    }

    /** Total requests made so far. */
    public long requestCount() {
        return requestCounts().values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String hostname() {
        ensureOpen();
        return NodeFacts.hostname(primaryHost());
    }

    @Override
    public boolean isAlive() {
        return primary.isOpen();
    }

    @Override
    public boolean isEncrypted() {
        return params.transport() == Transport.HTTPS;
    }

    @Override
    public boolean isSecure() {
        return isEncrypted();
    }

    /** libvirt's SMBIOS sysinfo XML from the primary host's hardware (one request; see {@link io.jvirt.esx.node.Sysinfo}). */
    @Override
    public String sysinfo() {
        ensureOpen();
        if (scope.hostSystem() == null) {
            throw new HypervisorException(ErrorCode.OPERATION_INVALID, ErrorDomain.ESX,
                    "the connection's scope has no host to read system information from");
        }
        ObjectProps h = PropertyReader.retrieve(primary, Specs.filter(Specs.from(scope.hostSystem(), false),
                Specs.props("HostSystem", io.jvirt.esx.node.Sysinfo.BIOS, io.jvirt.esx.node.Sysinfo.SYSTEM))).get(0);
        return io.jvirt.esx.node.Sysinfo.xml(h.get(io.jvirt.esx.node.Sysinfo.BIOS, io.jvirt.vim25.HostBIOSInfo.class).orElse(null),
                h.get(io.jvirt.esx.node.Sysinfo.SYSTEM, io.jvirt.vim25.HostSystemInfo.class).orElse(null));
    }

    @Override
    public NodeInfo nodeInfo() {
        ensureOpen();
        return NodeFacts.nodeInfo(primaryHost());
    }

    @Override
    public long freeMemory() {
        ObjectProps h = PropertyReader.retrieve(primary, Specs.filter(Specs.from(scope.hostSystem(), false),
                Specs.props("HostSystem", HostProperties.MEMORY_USAGE, HostProperties.MEMORY_SIZE))).get(0);
        long usageMiB = h.require(HostProperties.MEMORY_USAGE, Number.class).longValue();
        long size = h.require(HostProperties.MEMORY_SIZE, Number.class).longValue();
        return size - usageMiB * 1024 * 1024;
    }

    @Override
    public String capabilities() {
        ensureOpen();
        return capabilities;
    }

    @Override
    public int maxVcpus(String type) {
        ensureOpen();
        return primaryHost().get(HostProperties.MAX_VCPUS, Number.class).map(Number::intValue)
                .orElseThrow(() -> new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                        "Missing '" + HostProperties.MAX_VCPUS + "' property"));
    }

    @Override
    public boolean supportsFeature(String feature) {
        return switch (feature) {
            case "MIGRATION_V1" -> vcenter != null
                    && primaryHost().get(HostProperties.VMOTION, Boolean.class).orElse(false);
            case "TYPED_PARAM_STRING", "NETWORK_UPDATE_HAS_CORRECT_ORDER", "FD_PASSING" -> true;
            default -> false;
        };
    }

    private ObjectProps primaryHost() {
        return scope.primaryHost().orElseThrow();
    }

    private void ensureOpen() {
        if (!primary.isOpen()) {
            throw new HypervisorException(ErrorCode.CONNECTION_CLOSED, ErrorDomain.ESX,
                    "The connection to '" + uri.host() + "' is closed");
        }
    }

    // ---- domains -----------------------------------------------------------------------------

    @Override
    public List<Domain> listAllDomains(Set<DomainListFlag> filters) {
        return domains.listAll(filters);
    }

    @Override
    public List<Integer> listDomainIds() {
        return domains.listIds();
    }

    @Override
    public List<String> listDefinedDomainNames() {
        return domains.listDefinedNames();
    }

    @Override
    public Domain lookupDomainById(int id) {
        return domains.lookupById(id);
    }

    @Override
    public Domain lookupDomainByName(String name) {
        return domains.lookupByName(name);
    }

    @Override
    public Domain lookupDomainByUuid(UUID uuid) {
        return domains.lookupByUuid(uuid);
    }

    @Override
    public Domain defineDomain(String xml, ProgressListener progress) {
        ensureOpen();
        return domains.writes().definer().define(xml, progress);
    }

    /** Without SECURE the VNC password of the .vmx is left out, as libvirt's connectDomainXMLFromNative does. */
    @Override
    public String domainXmlFromNative(String format, String config, Set<DomainXmlFlag> flags) {
        checkFormat(format);
        DomainXmlFlag.requireOnly(ErrorDomain.ESX, "domainXmlFromNative", flags, DomainXmlFlag.SECURE);
        ensureOpen();
        EsxFileNameMapper mapper = new EsxFileNameMapper("[?] ?", domains::datastoresOfScope);
        return DomainXml.format(Vmx.toDomain(config, VmxContext.of(mapper)), flags.contains(DomainXmlFlag.SECURE));
    }

    @Override
    public String domainXmlToNative(String format, String xml) {
        checkFormat(format);
        ensureOpen();
        EsxFileNameMapper mapper = new EsxFileNameMapper("[?] ?", domains::datastoresOfScope);
        VmxContext ctx = new VmxContext(mapper, new ScsiAutodetect(primary, scope, Tasks.DEFAULT_TIMEOUT), null, null,
                VirtualHardware.version(primary.productLine(), primary.productVersion()),
                CapabilitiesDef.parse(capabilities));
        return Vmx.fromDomainXml(xml, ctx);
    }

    private static void checkFormat(String format) {
        if (!"vmware-vmx".equals(format)) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, "Unsupported config format '" + format + "'");
        }
    }

    // ---- storage (io.jvirt.esx.storage) ------------------------------------------------------

    @Override
    public List<StoragePool> listAllStoragePools() {
        return storage.listAll();
    }

    @Override
    public StoragePool lookupStoragePoolByName(String name) {
        return storage.lookupByName(name);
    }

    @Override
    public StoragePool lookupStoragePoolByUuid(UUID uuid) {
        return storage.lookupByUuid(uuid);
    }

    @Override
    public StorageVolume lookupStorageVolumeByPath(String path) {
        return storage.volumeByPath(path);
    }

    @Override
    public StorageVolume lookupStorageVolumeByKey(String key) {
        return storage.volumeByKey(key);
    }

    // ---- networks (io.jvirt.esx.network) and host interfaces (io.jvirt.esx.iface) -----------

    @Override
    public List<Network> listAllNetworks() {
        return networks.listAll();
    }

    @Override
    public Network lookupNetworkByName(String name) {
        return networks.lookupByName(name);
    }

    @Override
    public Network lookupNetworkByUuid(UUID uuid) {
        return networks.lookupByUuid(uuid);
    }

    @Override
    public Network defineNetwork(String xml) {
        return networks.define(xml);
    }

    @Override
    public List<HostInterface> listAllInterfaces() {
        return interfaces.listAll();
    }

    @Override
    public HostInterface lookupInterfaceByName(String name) {
        return interfaces.lookupByName(name);
    }

    @Override
    public HostInterface lookupInterfaceByMac(String mac) {
        return interfaces.lookupByMac(mac);
    }

    // ---- statistics (io.jvirt.esx.stats) -----------------------------------------------------

    @Override
    public List<DomainStats> allDomainStats(Set<StatsGroup> groups, Set<DomainListFlag> filters) {
        ensureOpen();
        return new DomainStatsReader(primary, scope, domains, perfServer).all(groups, filters);
    }

    @Override
    public List<DomainStats> domainStats(List<Domain> list, Set<StatsGroup> groups) {
        ensureOpen();
        return new DomainStatsReader(primary, scope, domains, perfServer).of(list, groups);
    }

    @Override
    public List<TypedParameter> nodeCpuStats(int cpu) {
        ensureOpen();
        return new NodeStatsReader(primary, perfServer, scope.hostSystem()).cpu(cpu);
    }

    @Override
    public List<TypedParameter> nodeMemoryStats(int cell) {
        ensureOpen();
        return new NodeStatsReader(primary, perfServer, scope.hostSystem()).memory(cell);
    }

    // ---- events (io.jvirt.esx.events) --------------------------------------------------------

    /**
     * Registers a listener; the first registration starts the connection's one watcher (one
     * property filter, one thread) and returns once it has read the current state, so every
     * change after this call returns is reported. The watcher then runs until {@link #close()}.
     */
    @Override
    public EventRegistration registerDomainEvents(EventFilter filter, DomainEventListener listener) {
        ensureOpen();
        if (filter.since() != null && filter.since().server() != null
                && !filter.since().stream().equals(events.position().stream())) {
            // resuming after a restart: the watcher's baseline first, then the server's history up to it
            startWatcherAndAwaitBaseline(null);
            return events.register(filter, listener);
        }
        EventRegistration r = events.register(filter, listener);
        startWatcherAndAwaitBaseline(r);
        return r;
    }

    private void startWatcherAndAwaitBaseline(EventRegistration r) {
        DomainWatcher w;
        synchronized (events) {
            if (watcher == null) {
                watcher = new DomainWatcher(primary, scope, events, eventWaitSeconds);
            }
            w = watcher;
        }
        try {
            if (!w.awaitBaseline(Duration.ofSeconds(Math.max(60, 2L * eventWaitSeconds)))) {
                if (r != null) {
                    r.close();
                }
                throw new HypervisorException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.ESX,
                        "Could not read the state of the VMs on '" + uri.host() + "' to start watching events");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (r != null) {
                r.close();
            }
            throw new HypervisorException(ErrorCode.OPERATION_FAILED, ErrorDomain.ESX, "Interrupted while starting to watch events");
        }
    }

    /** The event watcher, once a listener was registered (for tests and measurements). */
    public java.util.Optional<DomainWatcher> eventWatcher() {
        synchronized (events) {
            return java.util.Optional.ofNullable(watcher);
        }
    }

    // ---- lifecycle ---------------------------------------------------------------------------

    /** Logs out of the vCenter (if any) and the host; never throws. */
    @Override
    public void close() {
        DomainWatcher w;
        synchronized (events) {
            w = watcher;
            watcher = null;
        }
        if (w != null) {
            w.close();
        }
        events.close();
        if (vcenter != null && vcenter != primary) {
            vcenter.close();
        }
        primary.close();
        if (host != null && host != primary) {
            host.close();
        }
    }

    @Override
    public String toString() {
        return "EsxConnection[" + uri + ", " + scope.kind() + "]";
    }
}
