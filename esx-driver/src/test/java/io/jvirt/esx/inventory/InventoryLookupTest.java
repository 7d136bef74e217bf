package io.jvirt.esx.inventory;

import io.jvirt.esx.vi.Mor;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vim25.ArrayOfManagedObjectReference;
import io.jvirt.vim25.ManagedObjectReference;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The path walk of esx-spec 3.7.2 over this inventory:
 * <pre>
 * root
 *  +- folder1 (Folder)
 *  |   +- dc1 (Datacenter) hostFolder=hf1
 *  |        hf1: folder2 (Folder) -> srv1 (ComputeResource: host srv1)
 *  |             cluster1 (ClusterComputeResource: hosts esx1, esx2)
 *  +- dc2 (Datacenter) hostFolder=hf2: srv2 (ComputeResource: host srv2)
 * </pre>
 */
class InventoryLookupTest {
    private static final ManagedObjectReference ROOT = Mor.of("Folder", "group-d1");
    private final List<ObjectProps> objects = new ArrayList<>();

    private ObjectProps add(String type, String value, String name, ManagedObjectReference parent, Map<String, Object> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("parent", parent);
        p.putAll(extra);
        ObjectProps o = new ObjectProps(Mor.of(type, value), p, List.of());
        objects.add(o);
        return o;
    }

    private static ArrayOfManagedObjectReference list(ManagedObjectReference... refs) {
        ArrayOfManagedObjectReference a = new ArrayOfManagedObjectReference();
        a.getManagedObjectReference().addAll(List.of(refs));
        return a;
    }

    private InventoryLookup lookup() {
        ManagedObjectReference folder1 = add("Folder", "f1", "folder1", ROOT, Map.of()).mor();
        ManagedObjectReference hf1 = add("Folder", "hf1", "host", Mor.of("Datacenter", "dc1"), Map.of()).mor();
        add("Datacenter", "dc1", "dc1", folder1, Map.of("hostFolder", hf1, "vmFolder", Mor.of("Folder", "vmf1")));
        ManagedObjectReference folder2 = add("Folder", "f2", "folder2", hf1, Map.of()).mor();
        add("ComputeResource", "cr1", "srv1", folder2, Map.of("resourcePool", Mor.of("ResourcePool", "rp1"),
                "host", list(Mor.of("HostSystem", "h1"))));
        add("HostSystem", "h1", "srv1", Mor.of("ComputeResource", "cr1"), Map.of());
        add("ClusterComputeResource", "cl1", "cluster1", hf1, Map.of("resourcePool", Mor.of("ResourcePool", "rp2"),
                "host", list(Mor.of("HostSystem", "h2"), Mor.of("HostSystem", "h3"))));
        add("HostSystem", "h2", "esx1", Mor.of("ClusterComputeResource", "cl1"), Map.of());
        add("HostSystem", "h3", "esx2", Mor.of("ClusterComputeResource", "cl1"), Map.of());
        ManagedObjectReference hf2 = add("Folder", "hf2", "host", Mor.of("Datacenter", "dc2"), Map.of()).mor();
        add("Datacenter", "dc2", "dc2", ROOT, Map.of("hostFolder", hf2, "vmFolder", Mor.of("Folder", "vmf2")));
        add("ComputeResource", "cr2", "srv2", hf2, Map.of("resourcePool", Mor.of("ResourcePool", "rp3"),
                "host", list(Mor.of("HostSystem", "h4"))));
        add("HostSystem", "h4", "srv2", Mor.of("ComputeResource", "cr2"), Map.of());
        add("ComputeResource", "cr3", "srv3", hf2, Map.of("host", list(Mor.of("HostSystem", "h5"))));
        add("HostSystem", "h5", "srv3", Mor.of("ComputeResource", "cr3"), Map.of());
        return InventoryLookup.of(ROOT, objects);
    }

    @Test
    void hostWithFolders() {
        InventoryScope s = lookup().pathScope("/folder1/dc1/folder2/srv1");
        assertEquals(InventoryScope.Kind.HOST, s.kind());
        assertEquals("folder1/dc1", s.datacenterPath());
        assertEquals("folder2/srv1", s.computeResourcePath());
        assertEquals("h1", s.hostSystem().getValue());
        assertEquals("rp1", s.resourcePool().getValue());
    }

    @Test
    void hostInCluster() {
        InventoryScope s = lookup().pathScope("/folder1/dc1/cluster1/esx2");
        assertEquals(InventoryScope.Kind.HOST, s.kind());
        assertEquals("h3", s.hostSystem().getValue());
    }

    @Test
    void clusterScopeBeyondLibvirt() {
        InventoryScope s = lookup().pathScope("/folder1/dc1/cluster1");
        assertEquals(InventoryScope.Kind.CLUSTER, s.kind());
        assertEquals(List.of("h2", "h3"), s.hosts().stream().map(ObjectProps::value).toList());
    }

    @Test
    void datacenterScopeBeyondLibvirt() {
        InventoryScope s = lookup().pathScope("/folder1/dc1");
        assertEquals(InventoryScope.Kind.DATACENTER, s.kind());
        assertNull(s.computeResource());
        assertEquals(List.of("h1", "h2", "h3"), s.hosts().stream().map(ObjectProps::value).toList());
    }

    @Test
    void unknownSegmentsAreSkippedButKeptInThePathLikeLibvirt() {
        InventoryScope s = lookup().pathScope("/typo/dc2/srv2");
        assertEquals("typo/dc2", s.datacenterPath());
        assertEquals("h4", s.hostSystem().getValue());
    }

    private void assertFails(String path, ErrorCode code, String message) {
        HypervisorException e = assertThrows(HypervisorException.class, () -> lookup().pathScope(path));
        assertEquals(code, e.code());
        assertEquals(message, e.getMessage());
    }

    @Test
    void pathErrors() {
        assertFails("", ErrorCode.INVALID_ARG, "Path '' does not specify a datacenter");
        assertFails("//", ErrorCode.INVALID_ARG, "Path '//' does not specify a datacenter");
        assertFails("/nothing/here", ErrorCode.INTERNAL_ERROR, "Could not find datacenter specified in '/nothing/here'");
        assertFails("/dc2/nope", ErrorCode.INTERNAL_ERROR, "Could not find compute resource specified in '/dc2/nope'");
        assertFails("/dc2/srv2/extra", ErrorCode.INVALID_ARG, "Path '/dc2/srv2/extra' ends with an excess item");
        assertFails("/folder1/dc1/cluster1/esx1/more", ErrorCode.INVALID_ARG,
                "Path '/folder1/dc1/cluster1/esx1/more' ends with an excess item");
        assertFails("/folder1/dc1/cluster1/esx9", ErrorCode.INTERNAL_ERROR,
                "Could not find host system specified in '/folder1/dc1/cluster1/esx9'");
    }

    @Test
    void computeResourceWithoutPool() {
        // dc2's srv3 has no resourcePool property
        InventoryLookup l = lookup();
        HypervisorException e = assertThrows(HypervisorException.class, () -> l.pathScope("/dc2/srv3"));
        assertEquals("Could not retrieve resource pool", e.getMessage());
    }

    @Test
    void esxHostScopeTakesTheFirstOfEach() {
        objects.clear();
        ManagedObjectReference hf = add("Folder", "ha-folder-host", "host", Mor.of("Datacenter", "ha-datacenter"), Map.of()).mor();
        add("Datacenter", "ha-datacenter", "ha-datacenter", ROOT, Map.of("hostFolder", hf, "vmFolder", Mor.of("Folder", "ha-folder-vm")));
        add("ComputeResource", "ha-compute-res", "localhost.", hf, Map.of("resourcePool", Mor.of("ResourcePool", "ha-root-pool"),
                "host", list(Mor.of("HostSystem", "ha-host"))));
        add("HostSystem", "ha-host", "localhost.", Mor.of("ComputeResource", "ha-compute-res"), Map.of());
        InventoryScope s = InventoryLookup.of(ROOT, objects).hostScope();
        assertEquals("ha-datacenter", s.datacenterPath());
        assertEquals("ha-host", s.hostSystem().getValue());
        assertEquals(InventoryScope.Kind.HOST, s.kind());
    }
}
