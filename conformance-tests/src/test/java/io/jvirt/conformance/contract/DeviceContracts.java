package io.jvirt.conformance.contract;

import io.jvirt.spi.Connection;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainModificationImpact;
import io.jvirt.spi.DomainXmlFlag;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.xml.DomainDef;
import io.jvirt.spi.xml.DomainXml;
import io.jvirt.spi.xml.InterfaceDef;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Feature#REDEFINE} and {@link Feature#DEVICES}, on the target's lifecycle domain (shut
 * off first, so that every driver may change its definition): define of an existing domain's
 * XML with other values changes the domain and define of the original XML restores it; a device
 * attached shows in the driver's device list and goes again when detached, with libvirt's errors
 * for what cannot be.
 */
final class DeviceContracts {
    private static final Set<DomainModificationImpact> CONFIG = Set.of(DomainModificationImpact.CONFIG);

    private DeviceContracts() {
    }

    private static Domain shutOffDomain(ConformanceTarget t, Connection c) {
        assertTrue(t.lifecycleDomain() != null, "the target must name a domain it may change");
        Domain d = c.lookupDomainByName(t.lifecycleDomain());
        if (d.currentState().isActive()) {
            d.destroy();
        }
        return c.lookupDomainByName(t.lifecycleDomain());
    }

    static void redefine(ConformanceTarget t, Connection c) {
        Domain d = shutOffDomain(t, c);
        String original = d.xmlDesc(Set.of(DomainXmlFlag.INACTIVE));
        DomainDef def = DomainXml.parse(original);
        long memory = d.info().maxMemoryKiB();
        DomainDef doubled = def.toBuilder().memoryKiB(memory * 2).currentMemoryKiB(-1).build();
        Domain redefined = c.defineDomain(DomainXml.format(doubled));
        assertEquals(d.uuid(), redefined.uuid(), "define of an existing name updates that domain");
        assertEquals(memory * 2, d.info().maxMemoryKiB(), "the new <memory> is the domain's");
        c.defineDomain(original);
        assertEquals(memory, d.info().maxMemoryKiB(), "the original XML restores it");
        Contracts.expect(ErrorCode.DOM_EXIST, () -> c.defineDomain(DomainXml.format(def.toBuilder()
                .uuid(UUID.randomUUID()).build())));
        assertEquals(memory, d.info().maxMemoryKiB(), "a refused define changes nothing");
    }

    static void devices(ConformanceTarget t, Connection c) {
        Domain d = shutOffDomain(t, c);
        List<InterfaceDef> before = d.interfaceDevices(true);
        String source = "VM Network"; // a port group on every vSphere target; the test driver takes any name
        String nic = "<interface type='bridge'><mac address='00:50:56:3f:00:2a'/><source bridge='" + source
                + "'/></interface>";
        Contracts.expect(ErrorCode.OPERATION_INVALID, () -> d.attachDevice(nic, Set.of(DomainModificationImpact.LIVE)));
        d.attachDevice(nic, CONFIG);
        List<InterfaceDef> after = d.interfaceDevices(true);
        assertEquals(before.size() + 1, after.size(), after::toString);
        assertTrue(after.stream().anyMatch(i -> i.mac() != null && i.mac().toString().equals("00:50:56:3f:00:2a")
                && source.equals(i.sourceBridge())), after::toString);
        Contracts.expect(ErrorCode.OPERATION_INVALID, () -> d.attachDevice(nic, CONFIG));
        d.detachDevice(nic, Set.of());
        assertEquals(before.size(), d.interfaceDevices(true).size());
        assertFalse(d.interfaceDevices(true).stream().anyMatch(i -> i.mac() != null
                && i.mac().toString().equals("00:50:56:3f:00:2a")));
        Contracts.expect(ErrorCode.OPERATION_FAILED, () -> d.detachDevice(nic, CONFIG));
        Contracts.expect(ErrorCode.OPERATION_FAILED, () -> d.detachDevice(
                "<disk type='file' device='disk'><target dev='sdz' bus='scsi'/></disk>", CONFIG));
        Contracts.expect(ErrorCode.CONFIG_UNSUPPORTED, () -> d.attachDevice("<video><model type='vga'/></video>", CONFIG));
    }
}
