package io.jvirt.spi;

import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.event.DomainEventListener;
import io.jvirt.spi.event.EventFilter;
import io.jvirt.spi.event.EventRegistration;
import io.jvirt.spi.uri.ConnectionUri;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An open connection to a hypervisor, obtained from {@link ConnectionFactory#open}. It holds a
 * session (close it: it is {@link AutoCloseable}) and is safe for concurrent use by several
 * threads.
 *
 * <p>Every method throws {@link HypervisorException} on failure. An operation the driver does
 * not implement throws it with {@link ErrorCode#NO_SUPPORT}: the default methods here do that,
 * so a driver never silently ignores a request.
 */
public interface Connection extends AutoCloseable {

    // ---- the connection itself -------------------------------------------------------------

    /** The driver's type name, e.g. {@code "ESX"} or {@code "TEST"}. */
    @ReadOnlyAllowed
    String type();

    /** The hypervisor version encoded as {@code major * 1,000,000 + minor * 1,000 + micro}. */
    @ReadOnlyAllowed
    long version();

    /** The URI this connection was opened with (the port filled in, no password). */
    @ReadOnlyAllowed
    ConnectionUri uri();

    /** The host name of the hypervisor host. */
    @ReadOnlyAllowed
    String hostname();

    /** True while the connection can be used. */
    @ReadOnlyAllowed
    boolean isAlive();

    /** True when the channel to the hypervisor is encrypted. */
    @ReadOnlyAllowed
    boolean isEncrypted();

    /** True when the channel cannot be snooped (for ESX: the same as encrypted). */
    @ReadOnlyAllowed
    boolean isSecure();

    /** True when this connection was opened read-only. */
    @ReadOnlyAllowed
    default boolean isReadOnly() {
        return false;
    }

    /** The host's CPU and memory. */
    @ReadOnlyAllowed
    default NodeInfo nodeInfo() {
        throw HypervisorException.noSupport("nodeInfo");
    }

    /** Free host memory in bytes. */
    @ReadOnlyAllowed
    default long freeMemory() {
        throw HypervisorException.noSupport("freeMemory");
    }

    /** libvirt's capabilities XML for this host. */
    @ReadOnlyAllowed
    default String capabilities() {
        throw HypervisorException.noSupport("capabilities");
    }

    /** The maximum number of virtual CPUs a guest of the given type ({@code null} for any) may have. */
    @ReadOnlyAllowed
    default int maxVcpus(String type) {
        throw HypervisorException.noSupport("maxVcpus");
    }

    /** Whether the connection supports an optional feature (e.g. {@code "MIGRATION_V1"}). */
    @ReadOnlyAllowed
    default boolean supportsFeature(String feature) {
        return false;
    }

    /** Closes the session; further calls fail with {@link ErrorCode#CONNECTION_CLOSED}. */
    @Override
    @ReadOnlyAllowed
    void close();

    // ---- domains ---------------------------------------------------------------------------

    /** All domains, active and inactive. */
    @ReadOnlyAllowed
    default List<Domain> listAllDomains() {
        return listAllDomains(Set.of());
    }

    /** Domains matching the filters (an empty set lists all). */
    @ReadOnlyAllowed
    default List<Domain> listAllDomains(Set<DomainListFlag> filters) {
        throw HypervisorException.noSupport("listAllDomains");
    }

    /** The ids of the running domains. */
    @ReadOnlyAllowed
    default List<Integer> listDomainIds() {
        return listAllDomains(Set.of(DomainListFlag.ACTIVE)).stream().map(Domain::id).toList();
    }

    /** The names of the defined, inactive domains. */
    @ReadOnlyAllowed
    default List<String> listDefinedDomainNames() {
        return listAllDomains(Set.of(DomainListFlag.INACTIVE)).stream().map(Domain::name).toList();
    }

    /** The active domain with this id; {@link ErrorCode#NO_DOMAIN} when none. */
    @ReadOnlyAllowed
    default Domain lookupDomainById(int id) {
        throw HypervisorException.noSupport("lookupDomainById");
    }

    /** The domain with this name; {@link ErrorCode#NO_DOMAIN} when none. */
    @ReadOnlyAllowed
    default Domain lookupDomainByName(String name) {
        throw HypervisorException.noSupport("lookupDomainByName");
    }

    /** The domain with this UUID; {@link ErrorCode#NO_DOMAIN} when none. */
    @ReadOnlyAllowed
    default Domain lookupDomainByUuid(UUID uuid) {
        throw HypervisorException.noSupport("lookupDomainByUuid");
    }

    /**
     * Defines (registers, without starting) a domain from libvirt domain XML. XML whose name or
     * UUID belongs to an existing domain updates that domain's definition ("redefine"); a name
     * already used with another UUID, or a UUID already used with another name, is
     * {@link ErrorCode#DOM_EXIST}, as in libvirt.
     */
    default Domain defineDomain(String xml) {
        return defineDomain(xml, ProgressListener.NONE);
    }

    /** Defines a domain, reporting progress of uploads and registration. */
    default Domain defineDomain(String xml, ProgressListener progress) {
        throw HypervisorException.noSupport("defineDomain");
    }

    /**
     * Converts a native config (e.g. format {@code "vmware-vmx"}) to domain XML without secure
     * fields: a VNC password in the config is not shown, as libvirt's
     * {@code virConnectDomainXMLFromNative} does.
     */
    default String domainXmlFromNative(String format, String config) {
        return domainXmlFromNative(format, config, Set.of());
    }

    /**
     * Converts a native config to domain XML; {@link DomainXmlFlag#SECURE} includes secure fields
     * (the VNC password). Other flags fail with {@link ErrorCode#INVALID_ARG}.
     */
    default String domainXmlFromNative(String format, String config, Set<DomainXmlFlag> flags) {
        throw HypervisorException.noSupport("domainXmlFromNative");
    }

    /** Converts domain XML to a native config (e.g. format {@code "vmware-vmx"}). */
    default String domainXmlToNative(String format, String xml) {
        throw HypervisorException.noSupport("domainXmlToNative");
    }

    // ---- storage ---------------------------------------------------------------------------

    /** All storage pools (for ESX: datastores and iSCSI targets). */
    @ReadOnlyAllowed
    default List<StoragePool> listAllStoragePools() {
        throw HypervisorException.noSupport("listAllStoragePools");
    }

    /** The pool with this name; {@link ErrorCode#NO_STORAGE_POOL} when none. */
    @ReadOnlyAllowed
    default StoragePool lookupStoragePoolByName(String name) {
        throw HypervisorException.noSupport("lookupStoragePoolByName");
    }

    /** The pool with this UUID; {@link ErrorCode#NO_STORAGE_POOL} when none. */
    @ReadOnlyAllowed
    default StoragePool lookupStoragePoolByUuid(UUID uuid) {
        throw HypervisorException.noSupport("lookupStoragePoolByUuid");
    }

    /** The volume with this path (e.g. {@code [datastore1] vm/vm.vmdk}). */
    @ReadOnlyAllowed
    default StorageVolume lookupStorageVolumeByPath(String path) {
        throw HypervisorException.noSupport("lookupStorageVolumeByPath");
    }

    /** The volume with this key. */
    @ReadOnlyAllowed
    default StorageVolume lookupStorageVolumeByKey(String key) {
        throw HypervisorException.noSupport("lookupStorageVolumeByKey");
    }

    // ---- networks --------------------------------------------------------------------------

    /** All networks (for ESX: virtual switches). */
    @ReadOnlyAllowed
    default List<Network> listAllNetworks() {
        throw HypervisorException.noSupport("listAllNetworks");
    }

    /** The network with this name; {@link ErrorCode#NO_NETWORK} when none. */
    @ReadOnlyAllowed
    default Network lookupNetworkByName(String name) {
        throw HypervisorException.noSupport("lookupNetworkByName");
    }

    /** The network with this UUID; {@link ErrorCode#NO_NETWORK} when none. */
    @ReadOnlyAllowed
    default Network lookupNetworkByUuid(UUID uuid) {
        throw HypervisorException.noSupport("lookupNetworkByUuid");
    }

    /** Defines a network from libvirt network XML. */
    default Network defineNetwork(String xml) {
        throw HypervisorException.noSupport("defineNetwork");
    }

    // ---- host interfaces -------------------------------------------------------------------

    /** All host network interfaces (for ESX: physical NICs). */
    @ReadOnlyAllowed
    default List<HostInterface> listAllInterfaces() {
        throw HypervisorException.noSupport("listAllInterfaces");
    }

    /** The interface with this name; {@link ErrorCode#NO_INTERFACE} when none. */
    @ReadOnlyAllowed
    default HostInterface lookupInterfaceByName(String name) {
        throw HypervisorException.noSupport("lookupInterfaceByName");
    }

    /** The interface with this MAC address; {@link ErrorCode#NO_INTERFACE} when none. */
    @ReadOnlyAllowed
    default HostInterface lookupInterfaceByMac(String mac) {
        throw HypervisorException.noSupport("lookupInterfaceByMac");
    }

    // ---- events and statistics (io.jvirt.spi.event, io.jvirt.spi.stats) ----------------------

    /**
     * Registers a listener for domain events (libvirt's {@code virConnectDomainEventRegisterAny}).
     * Close the returned registration to stop. With {@link EventFilter#since} the events after a
     * persisted cursor are replayed first, or the listener is told of the gap.
     */
    @ReadOnlyAllowed
    default EventRegistration registerDomainEvents(EventFilter filter, DomainEventListener listener) {
        throw HypervisorException.noSupport("registerDomainEvents");
    }

    /**
     * Statistics of every domain matching {@code filters} (an empty set: all), libvirt's
     * {@code virConnectGetAllDomainStats}; {@code groups} empty means every group the driver has,
     * and groups the driver lacks are left out (libvirt's behaviour without
     * {@code VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS}).
     */
    @ReadOnlyAllowed
    default List<DomainStats> allDomainStats(Set<StatsGroup> groups, Set<DomainListFlag> filters) {
        throw HypervisorException.noSupport("allDomainStats");
    }

    /**
     * CPU time of the node, or of one CPU ({@code cpu} from 0; {@code StatsFields.ALL_CPUS} (-1)
     * for all): libvirt's {@code virNodeGetCPUStats}, fields {@code kernel}, {@code user},
     * {@code idle}, {@code iowait} (ns) and/or {@code utilization} (percent).
     */
    @ReadOnlyAllowed
    default List<TypedParameter> nodeCpuStats(int cpu) {
        throw HypervisorException.noSupport("nodeCpuStats");
    }

    /**
     * Memory of the node ({@code cell} {@code StatsFields.ALL_CELLS} (-1)) or of
     * one NUMA cell: libvirt's {@code virNodeGetMemoryStats}, fields {@code total}, {@code free},
     * {@code buffers}, {@code cached} in KiB, those the driver can read.
     */
    @ReadOnlyAllowed
    default List<TypedParameter> nodeMemoryStats(int cell) {
        throw HypervisorException.noSupport("nodeMemoryStats");
    }

    /** Statistics of the given domains (libvirt's {@code virDomainListGetStats}). */
    @ReadOnlyAllowed
    default List<DomainStats> domainStats(List<Domain> domains, Set<StatsGroup> groups) {
        throw HypervisorException.noSupport("domainStats");
    }

    // ---- host system information -------------------------------------------------------------

    /** libvirt's {@code virConnectGetSysinfo}: the host's SMBIOS data as {@code <sysinfo type='smbios'>} XML. */
    @ReadOnlyAllowed
    default String sysinfo() {
        throw HypervisorException.noSupport("sysinfo");
    }
}
