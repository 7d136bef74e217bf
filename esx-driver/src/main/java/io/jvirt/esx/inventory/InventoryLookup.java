package io.jvirt.esx.inventory;

import io.jvirt.esx.vi.Mor;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.esx.vi.PropertyReader;
import io.jvirt.esx.vi.Specs;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vim25.ManagedObjectReference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the connection's {@link InventoryScope}. The whole inventory tree (folders, datacenters,
 * compute resources, hosts with the properties the caller needs) comes in one property-collector
 * request; the walk of esx-spec 3.7 then runs locally.
 */
public final class InventoryLookup {
    private static final System.Logger LOG = System.getLogger(InventoryLookup.class.getName());

    private final Map<String, ObjectProps> byKey = new LinkedHashMap<>();
    private final ManagedObjectReference rootFolder;

    private InventoryLookup(ManagedObjectReference rootFolder, List<ObjectProps> objects) {
        this.rootFolder = rootFolder;
        for (ObjectProps o : objects) {
            byKey.put(key(o.mor()), o);
        }
    }

    /** Reads the inventory tree (one request) with {@code hostProperties} of every host. */
    public static InventoryLookup read(VimSession session, List<String> hostProperties) {
        ManagedObjectReference root = session.content().getRootFolder();
        var folderToChild = Specs.traverse("folderToChild", "Folder", "childEntity",
                Specs.ref("folderToChild"), Specs.ref("dcToHostFolder"), Specs.ref("crToHost"));
        var dcToHostFolder = Specs.traverse("dcToHostFolder", "Datacenter", "hostFolder", Specs.ref("folderToChild"));
        var crToHost = Specs.traverse("crToHost", "ComputeResource", "host");
        List<String> hostPaths = new ArrayList<>(List.of("name", "parent"));
        hostProperties.stream().filter(p -> !hostPaths.contains(p)).forEach(hostPaths::add);
        var spec = Specs.filter(List.of(Specs.from(root, false, folderToChild, dcToHostFolder, crToHost)), List.of(
                Specs.props("Folder", "name", "parent"),
                Specs.props("Datacenter", "name", "parent", "hostFolder", "vmFolder"),
                Specs.props("ComputeResource", "name", "parent", "resourcePool", "host"),
                Specs.props("HostSystem", hostPaths)));
        return new InventoryLookup(root, PropertyReader.retrieve(session, spec));
    }

    /** For tests: a lookup over given objects. */
    static InventoryLookup of(ManagedObjectReference rootFolder, List<ObjectProps> objects) {
        return new InventoryLookup(rootFolder, objects);
    }

    /** ESX/GSX host: first datacenter, its first compute resource, that one's first host (esx-spec 3.7.1). */
    public InventoryScope hostScope() {
        ObjectProps dc = children(rootFolder, "Datacenter").stream().findFirst()
                .orElseThrow(() -> internal("Could not find Datacenter"));
        ManagedObjectReference hostFolder = dc.require("hostFolder", ManagedObjectReference.class);
        ObjectProps cr = children(hostFolder, "ComputeResource").stream().findFirst()
                .orElseThrow(() -> internal("Could not find ComputeResource"));
        ManagedObjectReference pool = cr.get("resourcePool", ManagedObjectReference.class)
                .orElseThrow(() -> internal("Could not retrieve resource pool"));
        ObjectProps host = hostsOf(cr).stream().findFirst().orElseThrow(() -> internal("Could not find HostSystem"));
        return new InventoryScope(InventoryScope.Kind.HOST, dc.mor(), name(dc),
                dc.require("vmFolder", ManagedObjectReference.class), cr.mor(), name(cr), pool, host.mor(),
                List.of(host));
    }

    /**
     * vCenter path {@code [folder/...]datacenter[/[folder/...]computeResource[/host]]} (esx-spec
     * 3.7.2). Beyond libvirt, a path ending at the datacenter or at a cluster gives a scope of
     * every host below it.
     */
    public InventoryScope pathScope(String path) {
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        if (segments.isEmpty()) {
            throw invalid("Path '%s' does not specify a datacenter", path);
        }
        int i = 0;
        ManagedObjectReference root = rootFolder;
        ObjectProps dc = null;
        List<String> dcPath = new ArrayList<>();
        while (i < segments.size() && dc == null) {
            String seg = segments.get(i++);
            dcPath.add(seg);
            Optional<ObjectProps> folder = child(root, "Folder", seg);
            if (folder.isPresent()) {
                root = folder.get().mor();
                continue;
            }
            Optional<ObjectProps> found = child(root, "Datacenter", seg);
            if (found.isPresent()) {
                dc = found.get();
            } else {
                LOG.log(System.Logger.Level.WARNING,
                        "Ignoring path item ''{0}'' of ''{1}'': no folder or datacenter of that name", seg, path);
            }
        }
        if (dc == null) {
            throw internal("Could not find datacenter specified in '%s'", path);
        }
        String datacenterPath = String.join("/", dcPath);
        ManagedObjectReference vmFolder = dc.require("vmFolder", ManagedObjectReference.class);
        if (i == segments.size()) {
            List<ObjectProps> hosts = hostsBelow(dc.require("hostFolder", ManagedObjectReference.class));
            return new InventoryScope(InventoryScope.Kind.DATACENTER, dc.mor(), datacenterPath, vmFolder, null, null,
                    null, hosts.isEmpty() ? null : hosts.get(0).mor(), hosts);
        }
        root = dc.require("hostFolder", ManagedObjectReference.class);
        ObjectProps cr = null;
        List<String> crPath = new ArrayList<>();
        while (i < segments.size() && cr == null) {
            String seg = segments.get(i++);
            crPath.add(seg);
            Optional<ObjectProps> folder = child(root, "Folder", seg);
            if (folder.isPresent()) {
                root = folder.get().mor();
                continue;
            }
            Optional<ObjectProps> found = child(root, "ComputeResource", seg);
            if (found.isPresent()) {
                cr = found.get();
            } else {
                LOG.log(System.Logger.Level.WARNING,
                        "Ignoring path item ''{0}'' of ''{1}'': no folder or compute resource of that name", seg, path);
            }
        }
        if (cr == null) {
            throw internal("Could not find compute resource specified in '%s'", path);
        }
        ManagedObjectReference pool = cr.get("resourcePool", ManagedObjectReference.class)
                .orElseThrow(() -> internal("Could not retrieve resource pool"));
        String computeResourcePath = String.join("/", crPath);
        boolean cluster = cr.type().equals("ClusterComputeResource");
        String hostName;
        if (cluster) {
            if (i == segments.size()) {
                List<ObjectProps> hosts = hostsOf(cr);
                return new InventoryScope(InventoryScope.Kind.CLUSTER, dc.mor(), datacenterPath, vmFolder, cr.mor(),
                        computeResourcePath, pool, hosts.isEmpty() ? null : hosts.get(0).mor(), hosts);
            }
            hostName = segments.get(i++);
        } else {
            hostName = crPath.get(crPath.size() - 1);
        }
        if (i < segments.size()) {
            throw invalid("Path '%s' ends with an excess item", path);
        }
        ObjectProps host = hostsOf(cr).stream().filter(h -> hostName.equals(name(h))).findFirst()
                .orElseThrow(() -> internal("Could not find host system specified in '%s'", path));
        return new InventoryScope(InventoryScope.Kind.HOST, dc.mor(), datacenterPath, vmFolder, cr.mor(),
                computeResourcePath, pool, host.mor(), List.of(host));
    }

    // ---- tree helpers ----------------------------------------------------------------------

    private List<ObjectProps> children(ManagedObjectReference parent, String type) {
        List<ObjectProps> out = new ArrayList<>();
        for (ObjectProps o : byKey.values()) {
            if (matches(o, type) && o.get("parent", ManagedObjectReference.class).map(p -> Mor.same(p, parent)).orElse(false)) {
                out.add(o);
            }
        }
        return out;
    }

    private Optional<ObjectProps> child(ManagedObjectReference parent, String type, String name) {
        return children(parent, type).stream().filter(o -> name.equals(name(o))).findFirst();
    }

    private static boolean matches(ObjectProps o, String type) {
        return o.type().equals(type) || (type.equals("ComputeResource") && o.type().equals("ClusterComputeResource"));
    }

    /** Hosts of a compute resource, in the order of its {@code host} property. */
    private List<ObjectProps> hostsOf(ObjectProps cr) {
        List<ObjectProps> out = new ArrayList<>();
        for (ManagedObjectReference h : cr.list("host", ManagedObjectReference.class)) {
            ObjectProps host = byKey.get(key(h));
            if (host != null) {
                out.add(host);
            }
        }
        return out;
    }

    /** Every host below a host folder (folders recursively). */
    private List<ObjectProps> hostsBelow(ManagedObjectReference folder) {
        List<ObjectProps> out = new ArrayList<>();
        for (ObjectProps sub : children(folder, "Folder")) {
            out.addAll(hostsBelow(sub.mor()));
        }
        for (ObjectProps cr : children(folder, "ComputeResource")) {
            out.addAll(hostsOf(cr));
        }
        return out;
    }

    private static String name(ObjectProps o) {
        return o.string("name").orElse("");
    }

    private static String key(ManagedObjectReference m) {
        return m.getType() + ":" + m.getValue();
    }

    private static HypervisorException internal(String format, Object... args) {
        return HypervisorException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, format, args);
    }

    private static HypervisorException invalid(String format, Object... args) {
        return HypervisorException.of(ErrorCode.INVALID_ARG, ErrorDomain.ESX, format, args);
    }
}
