package io.jvirt.spi;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A handle on one domain (virtual machine) of a {@link Connection}, like libvirt's
 * {@code virDomainPtr}. Name and UUID identify it; {@link #id()} and {@link #state()} are what
 * was seen when the handle was obtained (one listing gives them for every domain in one round
 * trip) and are updated by operations made through this handle. {@link #info()} and
 * {@link #currentState()} ask the hypervisor.
 *
 * <p>Every method throws {@link HypervisorException}; operations the driver does not implement
 * fail with {@link ErrorCode#NO_SUPPORT}.
 */
public interface Domain {

    /** The connection this handle belongs to. */
    @ReadOnlyAllowed
    Connection connection();

    /** The domain's name. */
    @ReadOnlyAllowed
    String name();

    /** The domain's UUID. */
    @ReadOnlyAllowed
    UUID uuid();

    /** The id while active, {@code -1} while shut off. */
    @ReadOnlyAllowed
    int id();

    /** The state when this handle was obtained or last changed through it. */
    @ReadOnlyAllowed
    DomainState state();

    // ---- information -----------------------------------------------------------------------

    /** The current state, asked from the hypervisor. */
    @ReadOnlyAllowed
    default DomainState currentState() {
        return info().state();
    }

    /** State, memory, vCPUs and CPU time, asked from the hypervisor. */
    @ReadOnlyAllowed
    default DomainInfo info() {
        throw HypervisorException.noSupport("Domain.info");
    }

    /** The guest OS type, {@code "hvm"} for full virtualization. */
    @ReadOnlyAllowed
    default String osType() {
        throw HypervisorException.noSupport("Domain.osType");
    }

    /** The maximum memory in KiB. */
    @ReadOnlyAllowed
    default long maxMemory() {
        throw HypervisorException.noSupport("Domain.maxMemory");
    }

    /** The maximum number of vCPUs. */
    @ReadOnlyAllowed
    default int maxVcpus() {
        throw HypervisorException.noSupport("Domain.maxVcpus");
    }

    /** True unless shut off. */
    @ReadOnlyAllowed
    default boolean isActive() {
        return currentState().isActive();
    }

    /** True when the domain has a persistent definition. */
    @ReadOnlyAllowed
    default boolean isPersistent() {
        throw HypervisorException.noSupport("Domain.isPersistent");
    }

    /** True when the persistent definition changed while running. */
    @ReadOnlyAllowed
    default boolean isUpdated() {
        throw HypervisorException.noSupport("Domain.isUpdated");
    }

    /**
     * The domain XML; without {@link DomainXmlFlag#SECURE} secure fields (the VNC password) are
     * left out, as libvirt does.
     */
    @ReadOnlyAllowed
    default String xmlDesc(Set<DomainXmlFlag> flags) {
        throw HypervisorException.noSupport("Domain.xmlDesc");
    }

    /** The domain XML without flags (no secure fields). */
    @ReadOnlyAllowed
    default String xmlDesc() {
        return xmlDesc(Set.of());
    }

    /** The guest's host name (needs guest tools). */
    default String guestHostname() {
        throw HypervisorException.noSupport("Domain.guestHostname");
    }

    /** The guest's interfaces and addresses. */
    @ReadOnlyAllowed
    default List<DomainInterface> interfaceAddresses(InterfaceAddressSource source) {
        throw HypervisorException.noSupport("Domain.interfaceAddresses");
    }

    /**
     * I/O statistics of one disk, named by its target ({@code vda}) or source path: libvirt's
     * {@code virDomainBlockStatsFlags} with the field names of
     * {@code io.jvirt.spi.stats.StatsFields} ({@code rd_operations}, {@code rd_bytes}, ...),
     * only those the driver can read.
     */
    @ReadOnlyAllowed
    default List<TypedParameter> blockStats(String disk) {
        throw HypervisorException.noSupport("Domain.blockStats");
    }

    /**
     * Traffic counters of one interface, named by its target device or MAC address (libvirt's
     * {@code virDomainInterfaceStats}).
     */
    @ReadOnlyAllowed
    default io.jvirt.spi.InterfaceStats interfaceStats(String device) {
        throw HypervisorException.noSupport("Domain.interfaceStats");
    }

    // ---- lifecycle -------------------------------------------------------------------------

    /** Starts (powers on) a shut-off domain. */
    default void create() {
        create(ProgressListener.NONE);
    }

    /** Starts a domain, reporting progress. */
    default void create(ProgressListener progress) {
        throw HypervisorException.noSupport("Domain.create");
    }

    /** Asks the guest to shut down (returns once the request is accepted). */
    default void shutdown() {
        throw HypervisorException.noSupport("Domain.shutdown");
    }

    /** Asks the guest to reboot. */
    default void reboot() {
        throw HypervisorException.noSupport("Domain.reboot");
    }

    /** Resets the domain like a power cycle, without a guest shutdown. */
    default void reset() {
        throw HypervisorException.noSupport("Domain.reset");
    }

    /** Powers the domain off at once. */
    default void destroy() {
        throw HypervisorException.noSupport("Domain.destroy");
    }

    /** Pauses (for ESX: suspends) a running domain. */
    default void suspend() {
        throw HypervisorException.noSupport("Domain.suspend");
    }

    /** Resumes a paused domain. */
    default void resume() {
        throw HypervisorException.noSupport("Domain.resume");
    }

    /** Removes the definition (for ESX: unregisters; files stay on the datastore). */
    default void undefine() {
        throw HypervisorException.noSupport("Domain.undefine");
    }

    /** True when a managed save image exists. */
    @ReadOnlyAllowed
    default boolean hasManagedSaveImage() {
        throw HypervisorException.noSupport("Domain.hasManagedSaveImage");
    }

    /** Removes the managed save image. */
    default void managedSaveRemove() {
        throw HypervisorException.noSupport("Domain.managedSaveRemove");
    }

    // ---- resources -------------------------------------------------------------------------

    /** Sets the memory (for ESX: the allocation limit) in KiB. */
    default void setMemory(long kib) {
        throw HypervisorException.noSupport("Domain.setMemory");
    }

    /** Sets the maximum memory in KiB. */
    default void setMaxMemory(long kib) {
        throw HypervisorException.noSupport("Domain.setMaxMemory");
    }

    /** Sets the number of vCPUs. */
    default void setVcpus(int count) {
        throw HypervisorException.noSupport("Domain.setVcpus");
    }

    /** Memory tuning parameters ({@code min_guarantee}, ...). */
    @ReadOnlyAllowed
    default List<TypedParameter> memoryParameters() {
        throw HypervisorException.noSupport("Domain.memoryParameters");
    }

    /** Sets memory tuning parameters. */
    default void setMemoryParameters(List<TypedParameter> params) {
        throw HypervisorException.noSupport("Domain.setMemoryParameters");
    }

    /** The scheduler's name, e.g. {@code "allocation"}. */
    @ReadOnlyAllowed
    default String schedulerType() {
        throw HypervisorException.noSupport("Domain.schedulerType");
    }

    /** Scheduler parameters in the order the hypervisor reports them. */
    @ReadOnlyAllowed
    default List<TypedParameter> schedulerParameters() {
        throw HypervisorException.noSupport("Domain.schedulerParameters");
    }

    /** Sets scheduler parameters. */
    default void setSchedulerParameters(List<TypedParameter> params) {
        throw HypervisorException.noSupport("Domain.setSchedulerParameters");
    }

    /** True when the domain starts with the host. */
    @ReadOnlyAllowed
    default boolean autostart() {
        throw HypervisorException.noSupport("Domain.autostart");
    }

    /** Sets whether the domain starts with the host. */
    default void setAutostart(boolean autostart) {
        throw HypervisorException.noSupport("Domain.setAutostart");
    }

    // ---- snapshots -------------------------------------------------------------------------

    /** Creates a snapshot from {@code <domainsnapshot>} XML. */
    default DomainSnapshot createSnapshot(String xml, Set<SnapshotFlag> flags, ProgressListener progress) {
        throw HypervisorException.noSupport("Domain.createSnapshot");
    }

    /** Snapshots, in pre-order (flags: ROOTS, LEAVES, METADATA). */
    @ReadOnlyAllowed
    default List<DomainSnapshot> listSnapshots(Set<SnapshotFlag> flags) {
        throw HypervisorException.noSupport("Domain.listSnapshots");
    }

    /** The snapshot with this name; {@link ErrorCode#NO_DOMAIN_SNAPSHOT} when none. */
    @ReadOnlyAllowed
    default DomainSnapshot snapshotLookupByName(String name) {
        throw HypervisorException.noSupport("Domain.snapshotLookupByName");
    }

    /** True when the domain has a current snapshot. */
    @ReadOnlyAllowed
    default boolean hasCurrentSnapshot() {
        throw HypervisorException.noSupport("Domain.hasCurrentSnapshot");
    }

    /** The current snapshot; {@link ErrorCode#NO_DOMAIN_SNAPSHOT} when none. */
    @ReadOnlyAllowed
    default DomainSnapshot currentSnapshot() {
        throw HypervisorException.noSupport("Domain.currentSnapshot");
    }

    // ---- devices ---------------------------------------------------------------------------

    /**
     * Adds the device described by {@code xml} (a {@code <disk>} or {@code <interface>}), libvirt's
     * {@code virDomainAttachDeviceFlags}; no flag is {@code VIR_DOMAIN_AFFECT_CURRENT}.
     */
    default void attachDevice(String xml, Set<DomainModificationImpact> flags) {
        throw HypervisorException.noSupport("Domain.attachDevice");
    }

    /**
     * Removes the device {@code xml} identifies (a disk by its target, an interface by its MAC or,
     * without one, by being the only interface of its type), {@code virDomainDetachDeviceFlags}.
     */
    default void detachDevice(String xml, Set<DomainModificationImpact> flags) {
        throw HypervisorException.noSupport("Domain.detachDevice");
    }

    /**
     * Changes a device in place ({@code virDomainUpdateDeviceFlags}): the media of a CD-ROM or
     * floppy, the source or link state of an interface; what cannot change is refused.
     */
    default void updateDevice(String xml, Set<DomainModificationImpact> flags) {
        throw HypervisorException.noSupport("Domain.updateDevice");
    }

    /**
     * The domain's disks (CD-ROMs and floppies included) in the order the definition lists them;
     * by default read from the domain XML. A driver whose hypervisor keeps a device list of its
     * own (ESX: {@code config.hardware.device}) reads that instead.
     */
    @ReadOnlyAllowed
    default List<io.jvirt.spi.xml.DiskDef> diskDevices(boolean inactive) {
        String xml = inactive ? xmlDesc(Set.of(DomainXmlFlag.INACTIVE)) : xmlDesc();
        return io.jvirt.spi.xml.DomainXml.parse(xml).devices().disks();
    }

    /** The domain's network interfaces; like {@link #diskDevices(boolean)}. */
    @ReadOnlyAllowed
    default List<io.jvirt.spi.xml.InterfaceDef> interfaceDevices(boolean inactive) {
        String xml = inactive ? xmlDesc(Set.of(DomainXmlFlag.INACTIVE)) : xmlDesc();
        return io.jvirt.spi.xml.DomainXml.parse(xml).devices().interfaces();
    }

    // ---- migration -------------------------------------------------------------------------

    /**
     * Migrates the domain to the host of {@code destination}.
     *
     * @param destination the connection to the destination host (for ESX: same vCenter)
     * @param flags       migration flags
     * @param newName     a new name, or {@code null}
     * @param uri         a migration URI, or {@code null} to let the destination choose
     * @param bandwidth   MiB/s, 0 for no limit
     * @return the domain on the destination
     */
    default Domain migrate(Connection destination, Set<MigrateFlag> flags, String newName, String uri,
                           long bandwidth, ProgressListener progress) {
        throw HypervisorException.noSupport("Domain.migrate");
    }

    // ---- clone, console and jobs (jvirt additions) ----------------------------------------

    /**
     * Copies this domain into a new, shut-off domain named {@code newName} with a fresh UUID and
     * fresh MAC addresses (libvirt has no clone; virt-clone does this for other hypervisors).
     *
     * @return the new domain
     */
    default Domain clone(String newName, CloneOptions options) {
        throw HypervisorException.noSupport("Domain.clone");
    }

    /** An image of console {@code screen} (0 is the first), libvirt's {@code virDomainScreenshot}. */
    default Screenshot screenshot(int screen) {
        throw HypervisorException.noSupport("Domain.screenshot");
    }

    /**
     * Presses the keys together and releases them after {@code holdTimeMs} milliseconds, libvirt's
     * {@code virDomainSendKey}.
     *
     * @param codeset  the code set of {@code keycodes}
     * @param keycodes up to 16 key codes
     */
    default void sendKey(io.jvirt.spi.keys.KeycodeSet codeset, int holdTimeMs, int[] keycodes) {
        throw HypervisorException.noSupport("Domain.sendKey");
    }

    /**
     * A URI to connect to the domain's graphical console ({@code virsh domdisplay}):
     * {@code vnc://host:port} where the domain has a VNC server, else the driver's console URL
     * (for ESX: a WebMKS URL with a one-time ticket). Denied on read-only connections (a ticket
     * grants console access).
     *
     * @param type            {@code vnc}, {@code webmks}, or null for the first available
     * @param includePassword add the VNC password to the URI
     */
    default String displayUri(String type, boolean includePassword) {
        throw HypervisorException.noSupport("Domain.displayUri");
    }

    /** The running background job, libvirt's {@code virDomainGetJobInfo}. */
    @ReadOnlyAllowed
    default DomainJobInfo jobInfo() {
        throw HypervisorException.noSupport("Domain.jobInfo");
    }

    /** Cancels the running background job, libvirt's {@code virDomainAbortJob}. */
    default void abortJob() {
        throw HypervisorException.noSupport("Domain.abortJob");
    }

    /**
     * Makes snapshot {@code name} the current one without reverting to it ({@code virsh
     * snapshot-current DOM NAME}).
     */
    default void setCurrentSnapshot(String name) {
        throw HypervisorException.noSupport("Domain.setCurrentSnapshot");
    }
}
