package io.jvirt.esx.domain;

import io.jvirt.spi.DomainModificationImpact;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.xml.DiskDef;
import io.jvirt.spi.xml.DomainDef;
import io.jvirt.spi.xml.InterfaceDef;

import java.util.List;
import java.util.Set;

/**
 * Device changes and redefinition of an existing domain, as {@link EsxDomain} and
 * {@link DomainDefiner} delegate them (implemented by {@code io.jvirt.esx.domain.devices.DeviceWrites}).
 */
public interface DeviceOperations {
    void attach(EsxDomain d, String xml, Set<DomainModificationImpact> flags);

    void detach(EsxDomain d, String xml, Set<DomainModificationImpact> flags);

    void update(EsxDomain d, String xml, Set<DomainModificationImpact> flags);

    /** Applies the difference between {@code current} and {@code wanted} with one ReconfigVM_Task. */
    void redefine(EsxDomain d, DomainDef current, DomainDef wanted, ProgressListener progress);

    /** The disks of the server's device list. */
    List<DiskDef> disks(EsxDomain d);

    /** The network interfaces of the server's device list. */
    List<InterfaceDef> interfaces(EsxDomain d);
}
