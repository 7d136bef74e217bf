package io.jvirt.esx.domain;

import io.jvirt.spi.Connection;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainInfo;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.DomainSnapshot;
import io.jvirt.spi.DomainXmlFlag;
import io.jvirt.spi.MigrateFlag;
import io.jvirt.spi.SnapshotFlag;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.TypedParameter;
import io.jvirt.vim25.ManagedObjectReference;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A handle on one VM: its identity as seen when the handle was obtained plus its MOR, so that
 * every operation goes straight to the object without another lookup.
 */
public final class EsxDomain implements Domain {
    private final DomainDriver driver;
    private final ManagedObjectReference mor;
    private final String name;
    private final UUID uuid;
    private volatile int id;
    private volatile DomainState state;
    private final String vmPathName;

    EsxDomain(DomainDriver driver, ManagedObjectReference mor, String name, UUID uuid, int id, DomainState state,
              String vmPathName) {
        this.driver = driver;
        this.mor = mor;
        this.name = name;
        this.uuid = uuid;
        this.id = id;
        this.state = state;
        this.vmPathName = vmPathName;
    }

    /** The VM's managed object reference. */
    public ManagedObjectReference mor() {
        return mor;
    }

    /** Records the effect of an operation made through this handle (id and state). */
    void changed(int newId, DomainState newState) {
        this.id = newId;
        this.state = newState;
    }

    /** {@code config.files.vmPathName} when the handle was obtained, or null. */
    String vmPathName() {
        return vmPathName;
    }

    @Override
    public Connection connection() {
        return driver.connection();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public UUID uuid() {
        return uuid;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public DomainState state() {
        return state;
    }

    @Override
    public DomainInfo info() {
        return driver.info(this);
    }

    @Override
    public DomainState currentState() {
        return driver.currentState(this);
    }

    @Override
    public boolean isActive() {
        return driver.currentState(this) != DomainState.SHUTOFF;
    }

    @Override
    public String osType() {
        return "hvm";
    }

    @Override
    public long maxMemory() {
        return driver.maxMemory(this);
    }

    @Override
    public int maxVcpus() {
        return driver.connection().maxVcpus(null);
    }

    @Override
    public boolean isPersistent() {
        driver.requireExists(this);
        return true;
    }

    @Override
    public boolean isUpdated() {
        driver.requireExists(this);
        return false;
    }

    @Override
    public boolean hasManagedSaveImage() {
        driver.requireExists(this);
        return false;
    }

    @Override
    public String xmlDesc(Set<DomainXmlFlag> flags) {
        return driver.xmlDesc(this, flags);
    }

    @Override
    public String guestHostname() {
        return driver.guestHostname(this);
    }

    @Override
    public List<io.jvirt.spi.DomainInterface> interfaceAddresses(io.jvirt.spi.InterfaceAddressSource source) {
        return driver.interfaceAddresses(this, source);
    }

    @Override
    public List<TypedParameter> blockStats(String disk) {
        return driver.ioStats().blockStats(this, disk);
    }

    @Override
    public io.jvirt.spi.InterfaceStats interfaceStats(String device) {
        return driver.ioStats().interfaceStats(this, device);
    }

    @Override
    public String schedulerType() {
        return "allocation";
    }

    @Override
    public List<TypedParameter> schedulerParameters() {
        return driver.schedulerParameters(this);
    }

    @Override
    public List<TypedParameter> memoryParameters() {
        return driver.memoryParameters(this);
    }

    @Override
    public boolean autostart() {
        return driver.autostart(this);
    }

    // ---- write operations (delegated to DomainWrites) ----------------------------------------

    private DomainWrites writes() {
        return driver.writes();
    }

    @Override
    public void create(ProgressListener progress) {
        writes().lifecycle().create(this, progress);
    }

    @Override
    public void shutdown() {
        writes().lifecycle().shutdown(this);
    }

    @Override
    public void reboot() {
        writes().lifecycle().reboot(this);
    }

    @Override
    public void reset() {
        writes().lifecycle().reset(this);
    }

    @Override
    public void destroy() {
        writes().lifecycle().destroy(this);
    }

    @Override
    public void suspend() {
        writes().lifecycle().suspend(this);
    }

    @Override
    public void resume() {
        writes().lifecycle().resume(this);
    }

    @Override
    public void undefine() {
        writes().lifecycle().undefine(this);
    }

    @Override
    public void managedSaveRemove() {
        writes().lifecycle().managedSaveRemove(this);
    }

    @Override
    public void setMemory(long kib) {
        writes().reconfigure().setMemory(this, kib);
    }

    @Override
    public void setMaxMemory(long kib) {
        writes().reconfigure().setMaxMemory(this, kib);
    }

    @Override
    public void setVcpus(int count) {
        writes().reconfigure().setVcpus(this, count);
    }

    @Override
    public void setMemoryParameters(List<TypedParameter> params) {
        writes().reconfigure().setMemoryParameters(this, params);
    }

    @Override
    public void setSchedulerParameters(List<TypedParameter> params) {
        writes().reconfigure().setSchedulerParameters(this, params);
    }

    @Override
    public void setAutostart(boolean autostart) {
        writes().reconfigure().setAutostart(this, autostart);
    }

    @Override
    public DomainSnapshot createSnapshot(String xml, Set<SnapshotFlag> flags, ProgressListener progress) {
        return writes().snapshots().create(this, xml, flags, progress);
    }

    @Override
    public List<DomainSnapshot> listSnapshots(Set<SnapshotFlag> flags) {
        return writes().snapshots().list(this, flags);
    }

    @Override
    public DomainSnapshot snapshotLookupByName(String snapshotName) {
        return writes().snapshots().lookupByName(this, snapshotName);
    }

    @Override
    public boolean hasCurrentSnapshot() {
        return writes().snapshots().hasCurrent(this);
    }

    @Override
    public DomainSnapshot currentSnapshot() {
        return writes().snapshots().current(this);
    }

    @Override
    public void attachDevice(String xml, Set<io.jvirt.spi.DomainModificationImpact> flags) {
        writes().devices().attach(this, xml, flags);
    }

    @Override
    public void detachDevice(String xml, Set<io.jvirt.spi.DomainModificationImpact> flags) {
        writes().devices().detach(this, xml, flags);
    }

    @Override
    public void updateDevice(String xml, Set<io.jvirt.spi.DomainModificationImpact> flags) {
        writes().devices().update(this, xml, flags);
    }

    /** The server's device list ({@code config.hardware.device}), not the {@code .vmx}. */
    @Override
    public List<io.jvirt.spi.xml.DiskDef> diskDevices(boolean inactive) {
        return writes().devices().disks(this);
    }

    /** The server's network cards, not the {@code .vmx}. */
    @Override
    public List<io.jvirt.spi.xml.InterfaceDef> interfaceDevices(boolean inactive) {
        return writes().devices().interfaces(this);
    }

    @Override
    public Domain migrate(Connection destination, Set<MigrateFlag> flags, String newName, String uri, long bandwidth,
                          ProgressListener progress) {
        return writes().migration().migrate(this, destination, flags, newName, uri, bandwidth, progress);
    }

    // ---- clone, console and jobs (DomainExtensions: io.jvirt.esx.domain.clone, io.jvirt.esx.console)

    @Override
    public Domain clone(String newName, io.jvirt.spi.CloneOptions options) {
        return writes().cloner().clone(this, newName, options, null);
    }

    @Override
    public io.jvirt.spi.Screenshot screenshot(int screen) {
        return writes().console().screenshot(this, screen);
    }

    @Override
    public void sendKey(io.jvirt.spi.keys.KeycodeSet codeset, int holdTimeMs, int[] keycodes) {
        writes().console().sendKey(this, codeset, holdTimeMs, keycodes);
    }

    @Override
    public String displayUri(String type, boolean includePassword) {
        return writes().console().displayUri(this, type, includePassword);
    }

    @Override
    public io.jvirt.spi.DomainJobInfo jobInfo() {
        return writes().console().jobInfo(this);
    }

    @Override
    public void abortJob() {
        writes().console().abortJob(this);
    }

    /**
     * vSphere keeps the current snapshot itself ({@code snapshot.currentSnapshot}): only
     * {@code RevertToSnapshot_Task} changes it, and that also resets the VM's disks and memory to
     * the snapshot, which "set current" must not do. So this is refused, naming why.
     */
    @Override
    public void setCurrentSnapshot(String snapshotName) {
        snapshotLookupByName(snapshotName);
        throw new io.jvirt.spi.error.HypervisorException(io.jvirt.spi.error.ErrorCode.OPERATION_UNSUPPORTED, io.jvirt.spi.error.ErrorDomain.ESX,
                "Cannot make snapshot '" + snapshotName + "' current without reverting to it: vSphere changes its"
                        + " current snapshot only with RevertToSnapshot, which also resets the domain's disks and"
                        + " memory (use snapshot-revert for that)");
    }

    @Override
    public String toString() {
        return "EsxDomain[" + name + ", " + uuid + ", id=" + id + ", " + state + ", " + mor.getValue() + "]";
    }
}
