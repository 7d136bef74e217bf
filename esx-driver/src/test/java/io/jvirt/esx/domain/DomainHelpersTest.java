package io.jvirt.esx.domain;

import io.jvirt.esx.vi.Mor;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vim25.ManagedEntityStatus;
import io.jvirt.vim25.VirtualMachinePowerState;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DomainHelpersTest {

    private static ObjectProps vm(Map<String, Object> props) {
        return new ObjectProps(Mor.of("VirtualMachine", "vm-42"), new LinkedHashMap<>(props), List.of());
    }

    @Test
    void powerStateMapping() {
        assertEquals(DomainState.SHUTOFF, PowerStates.toDomainState(VirtualMachinePowerState.POWERED_OFF));
        assertEquals(DomainState.RUNNING, PowerStates.toDomainState(VirtualMachinePowerState.POWERED_ON));
        assertEquals(DomainState.PAUSED, PowerStates.toDomainState(VirtualMachinePowerState.SUSPENDED));
        assertEquals(DomainState.RUNNING, PowerStates.toDomainState("poweredOn"));
        assertEquals(DomainState.NOSTATE, PowerStates.toDomainState("unknown"));
        assertEquals(DomainState.NOSTATE, PowerStates.toDomainState(null));
    }

    @Test
    void idsFromMorValues() {
        assertEquals(42, VmIdentity.id("42"));
        assertEquals(123, VmIdentity.id("vm-123"));
        for (String bad : List.of("0", "-1", "vm-", "vm-0", "abc", "vm-x")) {
            HypervisorException e = assertThrows(HypervisorException.class, () -> VmIdentity.id(bad));
            assertEquals("Could not parse positive integer from '" + bad + "'", e.getMessage());
        }
    }

    @Test
    void namesAreUnescaped() {
        assertEquals("a/b%c", VmIdentity.name(vm(Map.of("name", "a%2fb%25c"))));
        assertEquals("plain", VmIdentity.name(vm(Map.of("name", "plain"))));
        assertEquals("Domain name contains invalid escape sequence",
                assertThrows(HypervisorException.class, () -> VmIdentity.name(vm(Map.of("name", "bad%zz")))).getMessage());
        assertEquals("Could not get name of virtual machine",
                assertThrows(HypervisorException.class, () -> VmIdentity.name(vm(Map.of()))).getMessage());
    }

    @Test
    void uuidOnlyWhenConfigStatusIsGreen() {
        String u = "50115e16-9bdc-49d7-f171-53c4d7f91710";
        assertEquals(UUID.fromString(u), VmIdentity.uuid(vm(Map.of("configStatus", ManagedEntityStatus.GREEN, "config.uuid", u))));
        assertEquals(new UUID(0, 0), VmIdentity.uuid(vm(Map.of("configStatus", ManagedEntityStatus.YELLOW, "config.uuid", u))));
        assertEquals("Could not parse UUID from string 'nope'", assertThrows(HypervisorException.class,
                () -> VmIdentity.uuid(vm(Map.of("configStatus", ManagedEntityStatus.GREEN, "config.uuid", "nope")))).getMessage());
        assertEquals("Could not get UUID of virtual machine", assertThrows(HypervisorException.class,
                () -> VmIdentity.uuid(vm(Map.of("configStatus", ManagedEntityStatus.GREEN)))).getMessage());
    }

    @Test
    void folderUrlsEncodeSlashesAndSpaces() throws Exception {
        assertEquals("dir%2Fvm%20one.vmx", FolderUrls.encode("dir/vm one.vmx"));
        assertEquals("%C3%A4-._~", FolderUrls.encode("ä-._~"));
        URL url = FolderUrls.file(new URL("https://esx1:443/sdk"), "vm/vm.vmx", "folder/dc 1", "datastore1");
        assertEquals("https://esx1:443/folder/vm%2Fvm.vmx?dcPath=folder%2Fdc%201&dsName=datastore1", url.toString());
    }

    private static EsxFileNameMapper mapper(AtomicInteger reads) {
        return new EsxFileNameMapper("[datastore1] vm", () -> {
            reads.incrementAndGet();
            return List.of(new DatastoreMount("datastore1", "/vmfs/volumes/4af0231d-1eff559a"),
                    new DatastoreMount("nfs", "/vmfs/volumes/nfs-uuid/"),
                    new DatastoreMount("win", "C:\\Datastores\\win\\"));
        });
    }

    @Test
    void fileNamesFromVmx() {
        AtomicInteger reads = new AtomicInteger();
        EsxFileNameMapper m = mapper(reads);
        assertEquals(Optional.of("[datastore1] vm/disk.vmdk"), m.toSource("disk.vmdk", false));
        assertEquals(0, reads.get(), "relative names need no datastore list");
        assertEquals(Optional.of("[datastore1] other/x.vmdk"), m.toSource("/vmfs/volumes/4af0231d-1eff559a/other/x.vmdk", false));
        assertEquals(Optional.of("[nfs] iso/a.iso"), m.toSource("/vmfs/volumes/nfs-uuid/iso/a.iso", true));
        assertEquals(Optional.of("[win] dir/x.vmdk"), m.toSource("C:\\Datastores\\win\\dir\\x.vmdk", false));
        assertEquals(Optional.of("[nfs] y.iso"), m.toSource("/vmfs/volumes/nfs/y.iso", false));
        assertEquals(Optional.empty(), m.toSource("/vmfs/volumes/gone/y.iso", true));
        assertEquals("File name '/vmfs/volumes/gone/y.iso' refers to non-existing datastore 'gone'",
                assertThrows(HypervisorException.class, () -> m.toSource("/vmfs/volumes/gone/y.iso", false)).getMessage());
        assertEquals("File name '/vmfs/volumes/x' doesn't have expected format '/vmfs/volumes/<datastore>/<path>'",
                assertThrows(HypervisorException.class, () -> m.toSource("/vmfs/volumes/x", false)).getMessage());
        assertEquals(Optional.of("/usr/lib/vmware/isoimages/linux.iso"), m.toSource("/usr/lib/vmware/isoimages/linux.iso", true));
        assertEquals("Could not handle file name 'rel/x.vmdk'",
                assertThrows(HypervisorException.class, () -> m.toSource("rel/x.vmdk", false)).getMessage());
        assertEquals(1, reads.get(), "the datastore list is read once");
    }

    @Test
    void fileNamesToVmx() {
        EsxFileNameMapper m = mapper(new AtomicInteger());
        assertEquals("/vmfs/volumes/4af0231d-1eff559a/vm/disk.vmdk", m.toVmxFileName("[datastore1] vm/disk.vmdk"));
        assertEquals("C:\\Datastores\\win\\a\\b.vmdk", m.toVmxFileName("[win] a/b.vmdk"));
        assertEquals("/abs/x.iso", m.toVmxFileName("/abs/x.iso"));
        HypervisorException e = assertThrows(HypervisorException.class, () -> m.toVmxFileName("[nope] x.vmdk"));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertThrows(HypervisorException.class, () -> m.toVmxFileName("relative.vmdk"));
    }

    @Test
    void vmxAtDatastoreRootResolvesNextToIt() {
        EsxFileNameMapper m = new EsxFileNameMapper("[ds]", List::of);
        assertEquals(Optional.of("[ds] disk.vmdk"), m.toSource("disk.vmdk", false));
    }
}
