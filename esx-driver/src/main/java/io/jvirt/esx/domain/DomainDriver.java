package io.jvirt.esx.domain;

import io.jvirt.esx.inventory.InventoryScope;
import io.jvirt.esx.vi.Mor;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.esx.vi.PropertyReader;
import io.jvirt.esx.vi.Specs;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.spi.Connection;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainInfo;
import io.jvirt.spi.DomainListFlag;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.DomainXmlFlag;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.TypedParameter;
import io.jvirt.spi.xml.DomainDef;
import io.jvirt.spi.xml.DomainXml;
import io.jvirt.vim25.AutoStartDefaults;
import io.jvirt.vim25.AutoStartPowerInfo;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.SharesInfo;
import io.jvirt.vim25.SharesLevel;
import io.jvirt.vmx.convert.Vmx;
import io.jvirt.vmx.VmxContext;
import io.jvirt.vmx.util.DatastorePath;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The domain sub-driver: listing, lookups and every read operation on VMs, each in as few
 * requests as the property collector allows (one for a listing of any size up to a page, one per
 * read on a handle).
 */
public final class DomainDriver {
    private static final System.Logger LOG = System.getLogger(DomainDriver.class.getName());
    /** What {@link #listAll} reads of each VM: what libvirt's listing reads. */
    private static final List<String> LISTED_IDENTITY = List.of("name", "config.uuid", "configStatus",
            "runtime.powerState");
    /** What a lookup reads of a VM: the listed identity and the {@code .vmx} path. */
    static final List<String> IDENTITY;

    static {
        List<String> identity = new ArrayList<>(LISTED_IDENTITY);
        identity.add("config.files.vmPathName");
        IDENTITY = List.copyOf(identity);
    }

    static final List<String> INFO = List.of("runtime.powerState", "config.hardware.memoryMB",
            "config.hardware.numCPU", "config.memoryAllocation.limit");

    private final Connection connection;
    private final VimSession session;
    private final InventoryScope scope;
    private final Map<String, ManagedObjectReference> autoStartManagers;
    private final DomainWrites writes;

    /**
     * What the write side needs beyond the read side's session and scope, fixed when the
     * connection opens.
     *
     * @param vcenter     the vCenter session ({@code vpx://}: the primary session; {@code esx://?vcenter=}:
     *                    a second session), or null
     * @param autoAnswer  the {@code auto_answer} URI parameter
     * @param taskTimeout the longest wait for one vSphere task
     */
    public record WriteSettings(VimSession vcenter, boolean autoAnswer, Duration taskTimeout) {
        public WriteSettings {
            Objects.requireNonNull(taskTimeout, "taskTimeout");
        }
    }

    /**
     * A driver for reading only (a replayed recording with no connection): {@link #writes()} fails.
     *
     * @param autoStartManagers host MOR value to its HostAutoStartManager (from connect time)
     */
    public DomainDriver(Connection connection, VimSession session, InventoryScope scope,
                        Map<String, ManagedObjectReference> autoStartManagers) {
        this.connection = connection;
        this.session = session;
        this.scope = scope;
        this.autoStartManagers = Map.copyOf(autoStartManagers);
        this.writes = null;
    }

    /**
     * @param autoStartManagers host MOR value to its HostAutoStartManager (from connect time)
     * @param writeSettings     the write side's settings
     * @param extensions        makes the operations implemented in this package's sub-packages (snapshots,
     *                          devices, clone, console) for the write side
     */
    public DomainDriver(Connection connection, VimSession session, InventoryScope scope,
                        Map<String, ManagedObjectReference> autoStartManagers, WriteSettings writeSettings,
                        DomainExtensions extensions) {
        this.connection = connection;
        this.session = session;
        this.scope = scope;
        this.autoStartManagers = Map.copyOf(autoStartManagers);
        this.writes = new DomainWrites(new WriteContext(connection, session, writeSettings.vcenter(), scope,
                writeSettings.autoAnswer(), this.autoStartManagers, writeSettings.taskTimeout(), this), extensions);
    }

    /** The write operations on this driver's domains. */
    public DomainWrites writes() {
        if (writes == null) {
            throw new IllegalStateException("This domain driver was made for reading only");
        }
        return writes;
    }

    Connection connection() {
        return connection;
    }

    private volatile DomainIoStats ioStats;

    /** Where {@code domblkstat} and {@code domifstat} come from (set by the connection). */
    public void setIoStats(DomainIoStats stats) {
        this.ioStats = stats;
    }

    DomainIoStats ioStats() {
        DomainIoStats s = ioStats;
        if (s == null) {
            throw io.jvirt.spi.error.HypervisorException.noSupport("Domain.blockStats");
        }
        return s;
    }

    // ---- listing ---------------------------------------------------------------------------

    /** Every VM of the scope with its identity properties (one request per page). */
    private List<ObjectProps> allVms(List<String> extra) {
        return mapVms(IDENTITY, extra, vm -> vm);
    }

    /**
     * Every VM of the scope with {@code identity} and {@code extra}, mapped page by page (see
     * {@link PropertyReader#collect}); null results are dropped.
     */
    private <T> List<T> mapVms(List<String> identity, List<String> extra, Function<ObjectProps, T> mapper) {
        if (scope.hostSystem() == null && scope.kind() != InventoryScope.Kind.DATACENTER) {
            return List.of();
        }
        List<String> paths = new ArrayList<>(identity);
        extra.stream().filter(p -> !paths.contains(p)).forEach(paths::add);
        return PropertyReader.collect(session,
                List.of(Specs.filter(scope.vmSearch(), Specs.props("VirtualMachine", paths))), mapper);
    }

    /** The properties a handle is made of (for readers that fetch them with their own). */
    public static List<String> identityProperties() {
        return IDENTITY;
    }

    /** A handle from properties that include {@link #identityProperties()}. */
    public EsxDomain handleOf(ObjectProps vm) {
        return handle(vm);
    }

    private EsxDomain handle(ObjectProps vm) {
        DomainState state = PowerStates.toDomainState(vm.get("runtime.powerState").orElse(null));
        int id = state == DomainState.SHUTOFF ? -1 : VmIdentity.id(vm.value());
        return new EsxDomain(this, vm.mor(), VmIdentity.name(vm), VmIdentity.uuid(vm), id, state,
                vm.string("config.files.vmPathName").orElse(null));
    }

    /** {@code connectListAllDomains} with libvirt's filter groups. */
    public List<Domain> listAll(Set<DomainListFlag> flags) {
        Set<DomainListFlag> f = flags.isEmpty() ? EnumSet.noneOf(DomainListFlag.class) : EnumSet.copyOf(flags);
        if (f.contains(DomainListFlag.TRANSIENT) && !f.contains(DomainListFlag.PERSISTENT)) {
            return List.of();
        }
        if (f.contains(DomainListFlag.MANAGEDSAVE) && !f.contains(DomainListFlag.NO_MANAGEDSAVE)) {
            return List.of();
        }
        boolean snapshotFilter = f.contains(DomainListFlag.HAS_SNAPSHOT) != f.contains(DomainListFlag.NO_SNAPSHOT);
        boolean autostartFilter = f.contains(DomainListFlag.AUTOSTART) != f.contains(DomainListFlag.NO_AUTOSTART);
        List<String> extra = new ArrayList<>();
        if (snapshotFilter) {
            extra.add("snapshot.rootSnapshotList");
        }
        if (autostartFilter && scope.kind() != InventoryScope.Kind.HOST) {
            extra.add("runtime.host");
        }
        Function<ObjectProps, Boolean> autostart = autostartFilter ? autostartLookup() : vm -> false;
        // page by page: only the small handles stay, not the raw properties of every VM. Without
        // the .vmx path: a fifth of a listing's bytes, which only a later xmlDesc() of the same handle
        // would use (it then reads the path, the request libvirt's dumpxml always makes)
        return mapVms(LISTED_IDENTITY, extra, vm -> {
            EsxDomain d = handle(vm);
            return keep(f, vm, d, snapshotFilter, autostartFilter, autostart) ? (Domain) d : null;
        });
    }

    /** libvirt's filter groups of {@code connectListAllDomains} for one VM. */
    private static boolean keep(Set<DomainListFlag> f, ObjectProps vm, EsxDomain d, boolean snapshotFilter,
                                boolean autostartFilter, Function<ObjectProps, Boolean> autostart) {
        if (!group(f, DomainListFlag.ACTIVE, DomainListFlag.INACTIVE, d.state() != DomainState.SHUTOFF)) {
            return false;
        }
        if (hasAny(f, DomainListFlag.RUNNING, DomainListFlag.PAUSED, DomainListFlag.SHUTOFF, DomainListFlag.OTHER)) {
            boolean match = (f.contains(DomainListFlag.RUNNING) && d.state() == DomainState.RUNNING)
                    || (f.contains(DomainListFlag.PAUSED) && d.state() == DomainState.PAUSED)
                    || (f.contains(DomainListFlag.SHUTOFF) && d.state() == DomainState.SHUTOFF)
                    || (f.contains(DomainListFlag.OTHER) && d.state() != DomainState.RUNNING
                    && d.state() != DomainState.PAUSED && d.state() != DomainState.SHUTOFF);
            if (!match) {
                return false;
            }
        }
        if (snapshotFilter && !group(f, DomainListFlag.HAS_SNAPSHOT, DomainListFlag.NO_SNAPSHOT,
                !vm.list("snapshot.rootSnapshotList", Object.class).isEmpty())) {
            return false;
        }
        return !autostartFilter || group(f, DomainListFlag.AUTOSTART, DomainListFlag.NO_AUTOSTART, autostart.apply(vm));
    }

    /** Within a pair of flags: neither or both given = no filter; else the value must match. */
    private static boolean group(Set<DomainListFlag> f, DomainListFlag yes, DomainListFlag no, boolean value) {
        boolean y = f.contains(yes);
        boolean n = f.contains(no);
        return y == n || (y ? value : !value);
    }

    private static boolean hasAny(Set<DomainListFlag> f, DomainListFlag... flags) {
        for (DomainListFlag x : flags) {
            if (f.contains(x)) {
                return true;
            }
        }
        return false;
    }

    /** IDs of powered-on VMs (suspended ones are not listed, like libvirt). */
    public List<Integer> listIds() {
        List<Integer> ids = new ArrayList<>();
        for (ObjectProps vm : allVms(List.of())) {
            if ("poweredOn".equals(PowerStates.text(vm.get("runtime.powerState").orElse(null)))) {
                ids.add(VmIdentity.id(vm.value()));
            }
        }
        return ids;
    }

    /** Names of VMs that are not powered on (shut off and suspended). */
    public List<String> listDefinedNames() {
        List<String> names = new ArrayList<>();
        for (ObjectProps vm : allVms(List.of())) {
            if (!"poweredOn".equals(PowerStates.text(vm.get("runtime.powerState").orElse(null)))) {
                names.add(VmIdentity.name(vm));
            }
        }
        return names;
    }

    // ---- lookups ---------------------------------------------------------------------------

    public Domain lookupById(int id) {
        if (id > 0) {
            // the id is the number in the VM's managed object reference: read that object
            String value = session.productLine() == io.jvirt.esx.vi.ProductLine.VPX ? "vm-" + id : Integer.toString(id);
            Optional<ObjectProps> vm = readInScope(Mor.of("VirtualMachine", value));
            if (vm.isPresent() && PowerStates.toDomainState(vm.get().get("runtime.powerState").orElse(null)) != DomainState.SHUTOFF
                    && VmIdentity.id(vm.get().value()) == id) {
                return handle(vm.get());
            }
        }
        for (ObjectProps vm : allVms(List.of())) {
            if (PowerStates.toDomainState(vm.get("runtime.powerState").orElse(null)) == DomainState.SHUTOFF) {
                continue;
            }
            if (VmIdentity.id(vm.value()) == id) {
                return handle(vm);
            }
        }
        throw new HypervisorException(ErrorCode.NO_DOMAIN, ErrorDomain.ESX, "No domain with ID " + id);
    }

    public Domain lookupByName(String name) {
        Optional<ObjectProps> indexed = byInventoryPath(name);
        if (indexed.isPresent()) {
            return handle(indexed.get());
        }
        for (ObjectProps vm : allVms(List.of())) {
            if (name.equals(VmIdentity.name(vm))) {
                return handle(vm);
            }
        }
        throw new HypervisorException(ErrorCode.NO_DOMAIN, ErrorDomain.ESX, "Could not find domain with name '" + name + "'");
    }

    public Domain lookupByUuid(UUID uuid) {
        ManagedObjectReference searchIndex = session.content().getSearchIndex();
        ManagedObjectReference vmMor = session.call("FindByUuid",
                p -> p.findByUuid(searchIndex, scope.datacenter(), uuid.toString(), true, null));
        if (vmMor == null) {
            throw new HypervisorException(ErrorCode.NO_DOMAIN, ErrorDomain.ESX, "Could not find domain with UUID '" + uuid + "'");
        }
        ObjectProps vm = read(vmMor, IDENTITY);
        DomainState state = PowerStates.toDomainState(vm.get("runtime.powerState").orElse(null));
        int id = state == DomainState.SHUTOFF ? -1 : VmIdentity.id(vm.value());
        return new EsxDomain(this, vmMor, VmIdentity.name(vm), uuid, id, state,
                vm.string("config.files.vmPathName").orElse(null));
    }

    /**
     * A VM directly in the datacenter's VM folder (where ESX keeps every VM) found by the
     * server's inventory-path index, with its identity, when it is in the scope: two small
     * requests however large the inventory, instead of reading every VM. Empty when the index
     * does not know the name (a VM in a sub-folder, a name the server escapes differently): the
     * caller then reads every VM, like libvirt.
     */
    private Optional<ObjectProps> byInventoryPath(String name) {
        ManagedObjectReference searchIndex = session.content().getSearchIndex();
        if (searchIndex == null || name.isEmpty()) {
            return Optional.empty();
        }
        String path = scope.datacenterPath() + "/vm/" + VmIdentity.escape(name);
        ManagedObjectReference mor;
        try {
            mor = session.call("FindByInventoryPath", p -> p.findByInventoryPath(searchIndex, path));
        } catch (HypervisorException e) {
            LOG.log(System.Logger.Level.DEBUG, "FindByInventoryPath ''{0}'' failed, reading every VM: {1}", path, e.getMessage());
            return Optional.empty();
        }
        if (mor == null || !"VirtualMachine".equals(mor.getType())) {
            return Optional.empty();
        }
        return readInScope(mor).filter(vm -> name.equals(VmIdentity.name(vm)));
    }

    /**
     * The identity of one VM when it exists and runs on a host of the scope (what a listing of
     * the scope would show), else empty. One request.
     */
    private Optional<ObjectProps> readInScope(ManagedObjectReference vmMor) {
        List<String> paths = new ArrayList<>(IDENTITY);
        paths.add("runtime.host");
        List<ObjectProps> result;
        try {
            result = PropertyReader.retrieve(session, Specs.filter(Specs.from(vmMor, false), Specs.props("VirtualMachine", paths)));
        } catch (HypervisorException e) {
            // no such object (ManagedObjectNotFound) or any other failure: the caller's listing decides
            LOG.log(System.Logger.Level.DEBUG, "Reading {0} failed: {1}", vmMor.getValue(), e.getMessage());
            return Optional.empty();
        }
        if (result.isEmpty()) {
            return Optional.empty();
        }
        ObjectProps vm = result.get(0);
        Optional<ManagedObjectReference> host = vm.get("runtime.host", ManagedObjectReference.class);
        boolean inScope = host.isPresent() && scope.hosts().stream().anyMatch(h -> Mor.same(h.mor(), host.get()));
        return inScope ? Optional.of(vm) : Optional.empty();
    }

    /** The properties of one VM (one request); a vanished VM is {@code NO_DOMAIN}. */
    private ObjectProps read(ManagedObjectReference vm, List<String> paths) {
        List<ObjectProps> result = PropertyReader.retrieve(session,
                Specs.filter(Specs.from(vm, false), Specs.props("VirtualMachine", paths)));
        if (result.isEmpty()) {
            throw new HypervisorException(ErrorCode.NO_DOMAIN, ErrorDomain.ESX,
                    "Domain (VirtualMachine '" + vm.getValue() + "') no longer exists on '" + session.host() + "'");
        }
        return result.get(0);
    }

    void requireExists(EsxDomain d) {
        read(d.mor(), List.of("name"));
    }

    // ---- reads on a handle -----------------------------------------------------------------

    DomainInfo info(EsxDomain d) {
        ObjectProps vm = read(d.mor(), INFO);
        DomainState state = PowerStates.toDomainState(vm.get("runtime.powerState").orElse(null));
        long maxMem = vm.require("config.hardware.memoryMB", Number.class).longValue() * 1024;
        int vcpus = vm.require("config.hardware.numCPU", Number.class).intValue();
        long limit = vm.get("config.memoryAllocation.limit", Number.class).map(Number::longValue).orElse(-1L);
        long memory = limit < 0 ? maxMem : limit * 1024;
        return new DomainInfo(state, maxMem, memory, vcpus, -1);
    }

    DomainState currentState(EsxDomain d) {
        return PowerStates.toDomainState(read(d.mor(), List.of("runtime.powerState")).get("runtime.powerState").orElse(null));
    }

    long maxMemory(EsxDomain d) {
        long mb = read(d.mor(), List.of("config.hardware.memoryMB")).require("config.hardware.memoryMB", Number.class).longValue();
        if (mb < 0) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, "Got invalid memory size " + mb);
        }
        return mb * 1024;
    }

    String guestHostname(EsxDomain d) {
        ObjectProps vm = read(d.mor(), List.of("runtime.powerState", "guest.hostName"));
        if (!"poweredOn".equals(PowerStates.text(vm.get("runtime.powerState").orElse(null)))) {
            throw new HypervisorException(ErrorCode.OPERATION_INVALID, ErrorDomain.ESX, "Domain is not powered on");
        }
        return vm.string("guest.hostName").filter(s -> !s.isEmpty()).orElseThrow(() -> new HypervisorException(
                ErrorCode.OPERATION_INVALID, ErrorDomain.ESX, "hostName field not available (missing VMware Tools?)"));
    }

    List<io.jvirt.spi.DomainInterface> interfaceAddresses(EsxDomain d, io.jvirt.spi.InterfaceAddressSource source) {
        if (source != io.jvirt.spi.InterfaceAddressSource.AGENT) {
            throw new HypervisorException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.ESX,
                    "Unknown IP address data source " + source + " (the ESX driver only knows AGENT: VMware Tools)");
        }
        ObjectProps vm = read(d.mor(), List.of("runtime.powerState", "guest.net"));
        if (!"poweredOn".equals(PowerStates.text(vm.get("runtime.powerState").orElse(null)))) {
            throw new HypervisorException(ErrorCode.OPERATION_INVALID, ErrorDomain.ESX, "Domain is not powered on");
        }
        List<io.jvirt.vim25.GuestNicInfo> nics = vm.list("guest.net", io.jvirt.vim25.GuestNicInfo.class);
        if (nics.isEmpty()) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "Missing property 'guest.net' in answer (are VMware Tools running in '" + d.name() + "'?)");
        }
        return GuestInterfaces.of(nics);
    }

    /** reservation (LLONG), limit (LLONG), shares (INT), in the order the server returned them. */
    List<TypedParameter> schedulerParameters(EsxDomain d) {
        ObjectProps vm = read(d.mor(), List.of("config.cpuAllocation.reservation", "config.cpuAllocation.limit",
                "config.cpuAllocation.shares"));
        List<TypedParameter> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : vm.props().entrySet()) {
            switch (e.getKey()) {
                case "config.cpuAllocation.reservation" ->
                        out.add(TypedParameter.ofLong("reservation", ((Number) e.getValue()).longValue()));
                case "config.cpuAllocation.limit" ->
                        out.add(TypedParameter.ofLong("limit", ((Number) e.getValue()).longValue()));
                case "config.cpuAllocation.shares" -> out.add(TypedParameter.ofInt("shares", shares(e.getValue())));
                default -> {
                }
            }
        }
        return out;
    }

    private static int shares(Object value) {
        if (!(value instanceof SharesInfo s) || s.getLevel() == null) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "Expecting type 'SharesInfo' with a level for property 'config.cpuAllocation.shares'");
        }
        return switch (s.getLevel()) {
            case CUSTOM -> s.getShares();
            case LOW -> -1;
            case NORMAL -> -2;
            case HIGH -> -3;
        };
    }

    List<TypedParameter> memoryParameters(EsxDomain d) {
        long reservation = read(d.mor(), List.of("config.memoryAllocation.reservation"))
                .require("config.memoryAllocation.reservation", Number.class).longValue();
        return List.of(TypedParameter.ofUnsignedLong("min_guarantee", reservation * 1024));
    }

    boolean autostart(EsxDomain d) {
        ManagedObjectReference manager;
        if (scope.kind() == InventoryScope.Kind.HOST) {
            manager = autoStartManagers.get(scope.hostSystem().getValue());
        } else {
            ManagedObjectReference host = read(d.mor(), List.of("runtime.host"))
                    .require("runtime.host", ManagedObjectReference.class);
            manager = autoStartManagers.get(host.getValue());
        }
        if (manager == null) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "Could not retrieve the HostAutoStartManager of the domain's host");
        }
        return autostartOf(readAutostart(List.of(manager)), d.mor());
    }

    private record AutoStartConfig(boolean enabled, List<AutoStartPowerInfo> powerInfo) {
    }

    private List<AutoStartConfig> readAutostart(List<ManagedObjectReference> managers) {
        List<AutoStartConfig> out = new ArrayList<>();
        List<io.jvirt.vim25.ObjectSpec> objects = managers.stream().map(m -> Specs.from(m, false)).toList();
        for (ObjectProps m : PropertyReader.retrieve(session, Specs.filter(objects,
                List.of(Specs.props("HostAutoStartManager", "config.defaults", "config.powerInfo"))))) {
            AutoStartDefaults defaults = m.get("config.defaults", AutoStartDefaults.class).orElseThrow(() ->
                    new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                            "Could not retrieve the AutoStartDefaults object"));
            out.add(new AutoStartConfig(Boolean.TRUE.equals(defaults.isEnabled()),
                    m.list("config.powerInfo", AutoStartPowerInfo.class)));
        }
        return out;
    }

    private static boolean autostartOf(List<AutoStartConfig> configs, ManagedObjectReference vm) {
        for (AutoStartConfig c : configs) {
            if (!c.enabled()) {
                continue;
            }
            for (AutoStartPowerInfo p : c.powerInfo()) {
                if (p.getKey() != null && p.getKey().getValue().equals(vm.getValue())) {
                    return "powerOn".equalsIgnoreCase(p.getStartAction());
                }
            }
        }
        return false;
    }

    private Function<ObjectProps, Boolean> autostartLookup() {
        List<ManagedObjectReference> managers = new ArrayList<>(autoStartManagers.values());
        List<AutoStartConfig> configs = managers.isEmpty() ? List.of() : readAutostart(managers);
        return vm -> autostartOf(configs, vm.mor());
    }

    // ---- XML -------------------------------------------------------------------------------

    /**
     * The domain XML: the {@code .vmx} is downloaded over HTTP(S) with the session cookie (one
     * GET) and converted; datastores are read only if the VMX names files by absolute path.
     */
    String xmlDesc(EsxDomain d, Set<DomainXmlFlag> flags) {
        if (flags.contains(DomainXmlFlag.UPDATE_CPU)) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                    "unsupported flag UPDATE_CPU for domain XML of '" + d.name() + "'");
        }
        String vmPathName = d.vmPathName();
        if (vmPathName == null) {
            vmPathName = read(d.mor(), List.of("config.files.vmPathName")).require("config.files.vmPathName", String.class);
        }
        DatastorePath path = DatastorePath.parse(vmPathName);
        URL url = FolderUrls.file(session.sdkUrl(), path.directoryAndFileName(), scope.datacenterPath(),
                path.datastoreName());
        byte[] vmx = session.download(url);
        String dir = path.directoryAndFileName().contains("/")
                ? "[" + path.datastoreName() + "] " + path.directoryName() : "[" + path.datastoreName() + "]";
        EsxFileNameMapper mapper = new EsxFileNameMapper(dir, this::datastoresOfScope);
        VmxContext ctx = VmxContext.of(mapper).withDatacenterPath(scope.datacenterPath()).withMoref(d.mor().getValue());
        DomainDef def;
        try {
            def = Vmx.toDomain(vmx, ctx);
        } catch (HypervisorException e) {
            throw new HypervisorException(e.code(), e.domain(), "Cannot convert the VMX file '" + vmPathName
                    + "' of domain '" + d.name() + "': " + e.getMessage(), e);
        }
        boolean live = !flags.contains(DomainXmlFlag.INACTIVE) && d.state() != DomainState.SHUTOFF && d.id() > 0;
        return DomainXml.format(def, flags.contains(DomainXmlFlag.SECURE), live ? d.id() : -1);
    }

    /** The datastores of the scope's primary host with their mount paths (one request). */
    public List<DatastoreMount> datastoresOfScope() {
        ManagedObjectReference host = scope.hostSystem();
        if (host == null) {
            return List.of();
        }
        List<ObjectProps> result = PropertyReader.retrieve(session, Specs.filter(
                Specs.from(host, true, Specs.traverse("hostToDatastore", "HostSystem", "datastore")),
                Specs.props("Datastore", DatastoreMount.PROPERTIES)));
        List<DatastoreMount> out = new ArrayList<>();
        for (ObjectProps ds : result) {
            out.add(DatastoreMount.of(ds, host));
        }
        return out;
    }

    /** A domain handle's MOR if it belongs to this driver. */
    public static Optional<EsxDomain> asEsx(Domain d) {
        return d instanceof EsxDomain e ? Optional.of(e) : Optional.empty();
    }

    @Override
    public String toString() {
        return "DomainDriver[" + session.host() + ", " + scope.kind() + " " + Mor.text(scope.hostSystem()) + "]";
    }
}
