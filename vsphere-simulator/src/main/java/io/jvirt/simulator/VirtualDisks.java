package io.jvirt.simulator;

import io.jvirt.vim25.FileBackedVirtualDiskSpec;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.VirtualDiskSpec;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The VirtualDiskManager: a disk {@code x.vmdk} is a text descriptor plus {@code x-flat.vmdk}
 * (reported with the disk's size but holding no bytes).
 */
final class VirtualDisks {

    private final Inventory inventory;
    private final Datastores datastores;
    private final Tasks tasks;
    private final AtomicInteger zeroFills = new AtomicInteger();

    VirtualDisks(Inventory inventory, Datastores datastores, Tasks tasks) {
        this.inventory = inventory;
        this.datastores = datastores;
        this.tasks = tasks;
    }

    /** What a descriptor says about its disk. */
    record DiskInfo(long capacityKb, String diskType, String adapterType, String uuid) {
    }

    ManagedObjectReference create(ManagedObject manager, String name, VirtualDiskSpec spec, Caller caller) {
        return tasks.start(manager, "VirtualDiskManager.createVirtualDisk", caller, () -> {
            DatastorePath path = DatastorePath.parse(name);
            DatastoreFiles files = datastores.files(path);
            requireVmdk(path);
            if (!files.isDirectory(path.parent())) {
                throw VimFaults.fileNotFound(new DatastorePath(path.datastore(), path.parent()).toString());
            }
            if (files.isFile(path.path())) {
                throw VimFaults.fileAlreadyExists(path.toString());
            }
            long capacityKb = spec instanceof FileBackedVirtualDiskSpec fileBacked ? fileBacked.getCapacityKb() : 1024;
            writeDisk(files, path.path(), capacityKb * 1024, spec.getDiskType(), spec.getAdapterType(), UUID.randomUUID().toString());
            return null;
        });
    }

    ManagedObjectReference copy(ManagedObject manager, String sourceName, String destName, Boolean force, Caller caller) {
        return tasks.start(manager, "VirtualDiskManager.copyVirtualDisk", caller, () -> {
            DatastorePath source = DatastorePath.parse(sourceName);
            DatastorePath dest = DatastorePath.parse(destName);
            requireVmdk(dest);
            DiskInfo info = describe(source).orElseThrow(() -> VimFaults.fileNotFound(source.toString()));
            DatastoreFiles destFiles = datastores.files(dest);
            if (!destFiles.isDirectory(dest.parent())) {
                throw VimFaults.fileNotFound(new DatastorePath(dest.datastore(), dest.parent()).toString());
            }
            if (destFiles.isFile(dest.path()) && !Boolean.TRUE.equals(force)) {
                throw VimFaults.fileAlreadyExists(dest.toString());
            }
            writeDisk(destFiles, dest.path(), info.capacityKb() * 1024, info.diskType(), info.adapterType(), UUID.randomUUID().toString());
            return null;
        });
    }

    ManagedObjectReference delete(ManagedObject manager, String name, Caller caller) {
        return tasks.start(manager, "VirtualDiskManager.deleteVirtualDisk", caller, () -> {
            DatastorePath path = DatastorePath.parse(name);
            DatastoreFiles files = datastores.files(path);
            if (!files.isFile(path.path())) {
                throw VimFaults.fileNotFound(path.toString());
            }
            files.delete(path.path());
            files.delete(flatName(path.path()));
            return null;
        });
    }

    ManagedObjectReference zeroFill(ManagedObject manager, String name, Caller caller) {
        return tasks.start(manager, "VirtualDiskManager.zeroFillVirtualDisk", caller, () -> {
            DatastorePath path = DatastorePath.parse(name);
            describe(path).orElseThrow(() -> VimFaults.fileNotFound(path.toString()));
            zeroFills.incrementAndGet();
            return null;
        });
    }

    /** QueryVirtualDiskUuid: the {@code ddb.uuid} in vSphere's "60 00 c2 ..." form. */
    String queryUuid(String name) {
        return inventory.read(() -> {
            DatastorePath path = DatastorePath.parse(name);
            DiskInfo info = describe(path).orElseThrow(() -> VimFaults.fileNotFound(path.toString()));
            return VmxText.biosUuid(info.uuid());
        });
    }

    int zeroFillCount() {
        return zeroFills.get();
    }

    /** The descriptor's facts, if {@code path} is a disk descriptor (caller holds the lock). */
    Optional<DiskInfo> describe(DatastorePath path) {
        return datastores.files(path).read(path.path()).flatMap(file -> parse(new String(file.content(), StandardCharsets.UTF_8)));
    }

    static Optional<DiskInfo> parse(String descriptor) {
        if (!descriptor.startsWith("# Disk DescriptorFile")) {
            return Optional.empty();
        }
        long sectors = 0;
        for (String line : descriptor.split("\\R")) {
            if (line.startsWith("RW ")) {
                sectors = Long.parseLong(line.split(" ")[1]);
            }
        }
        Map<String, String> ddb = VmxText.parse(descriptor);
        String type = "1".equals(ddb.get("ddb.thinprovisioned")) ? "thin" : "preallocated";
        String adapter = ddb.getOrDefault("ddb.adaptertype", "lsilogic");
        return Optional.of(new DiskInfo(sectors / 2, type, adapter, VmxText.canonicalUuid(ddb.get("ddb.uuid"))));
    }

    /** Writes descriptor and flat extent (caller holds the lock). */
    static void writeDisk(DatastoreFiles files, String descriptorPath, long capacityBytes, String diskType,
                          String adapterType, String uuid) {
        String flat = flatName(descriptorPath);
        String flatFile = flat.substring(flat.lastIndexOf('/') + 1);
        boolean thin = "thin".equalsIgnoreCase(diskType);
        long sectors = capacityBytes / 512;
        String descriptor = "# Disk DescriptorFile\nversion=1\nencoding=\"UTF-8\"\nCID=fffffffe\nparentCID=ffffffff\n"
                + "createType=\"vmfs\"\n\n# Extent description\nRW " + sectors + " VMFS \"" + flatFile + "\"\n\n"
                + "# The Disk Data Base\n#DDB\n\n"
                + "ddb.adapterType = \"" + (adapterType == null ? "lsilogic" : adapterType.toLowerCase(Locale.ROOT)) + "\"\n"
                + "ddb.geometry.cylinders = \"" + Math.max(1, sectors / (255 * 63)) + "\"\n"
                + "ddb.geometry.heads = \"255\"\nddb.geometry.sectors = \"63\"\n"
                + (thin ? "ddb.thinProvisioned = \"1\"\n" : "")
                + "ddb.uuid = \"" + VmxText.biosUuid(uuid) + "\"\n"
                + "ddb.virtualHWVersion = \"13\"\n";
        files.write(descriptorPath, descriptor.getBytes(StandardCharsets.UTF_8));
        files.write(flat, new byte[0], thin ? 0 : capacityBytes);
    }

    static String flatName(String descriptorPath) {
        return descriptorPath.substring(0, descriptorPath.length() - ".vmdk".length()) + "-flat.vmdk";
    }

    private static void requireVmdk(DatastorePath path) {
        if (!path.path().toLowerCase(Locale.ROOT).endsWith(".vmdk")) {
            throw VimFaults.invalidArgument("name");
        }
    }
}
