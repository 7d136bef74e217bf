package io.jvirt.esx.domain;

import io.jvirt.spi.Connection;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainInfo;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.DomainXmlFlag;
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
    private final int id;
    private final DomainState state;
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

    @Override
    public String toString() {
        return "EsxDomain[" + name + ", " + uuid + ", id=" + id + ", " + state + ", " + mor.getValue() + "]";
    }
}
