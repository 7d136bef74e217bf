package io.jvirt.esx.domain.clone;

import io.jvirt.esx.domain.DatastoreMount;
import io.jvirt.esx.domain.DomainDriver;
import io.jvirt.esx.domain.EsxDomain;
import io.jvirt.esx.domain.EsxFileNameMapper;
import io.jvirt.esx.domain.FolderUrls;
import io.jvirt.esx.domain.PowerStates;
import io.jvirt.esx.domain.WriteContext;
import io.jvirt.esx.domain.snapshot.SnapshotTree;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.esx.vi.ProductLine;
import io.jvirt.esx.vi.PropertyReader;
import io.jvirt.esx.vi.Specs;
import io.jvirt.esx.vi.Tasks;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.spi.CloneOptions;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.ProgressListener;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.TaskInfo;
import io.jvirt.vim25.VirtualMachineCloneSpec;
import io.jvirt.vim25.VirtualMachineRelocateSpec;
import io.jvirt.vim25.VirtualMachineSnapshotTree;
import io.jvirt.vmx.VmxFile;
import io.jvirt.vmx.VmxParser;
import io.jvirt.vmx.util.DatastoreItemEscaper;
import io.jvirt.vmx.util.DatastorePath;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;

/**
 * {@code Domain.clone} for ESX and vCenter. On a vCenter ({@code vpx://}) one
 * {@code CloneVM_Task} into the scope's VM folder and resource pool (and host, for a host
 * scope), relocated to the named datastore; a linked clone has
 * {@code diskMoveType=createNewChildDiskBacking} from the named snapshot. A standalone ESX host
 * has no {@code CloneVM} (it fails with NotSupported there): the shut-off source's disks are
 * copied with {@code CopyVirtualDisk_Task} into {@code [ds] <new name>/}, the {@code .vmx}
 * rewritten by {@link VmxCloneRewriter} is uploaded there and registered. A failed host clone
 * deletes the new directory again.
 */
public final class DomainCloner implements io.jvirt.esx.domain.CloneOperation {
    private static final System.Logger LOG = System.getLogger(DomainCloner.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WriteContext ctx;

    public DomainCloner(WriteContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Domain clone(EsxDomain source, String newName, CloneOptions options, ProgressListener progress) {
        CloneOptions opts = options == null ? CloneOptions.defaults() : options;
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        if (newName == null || newName.isEmpty()) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, "the clone's name must not be empty");
        }
        if (newName.indexOf('\n') >= 0 || newName.indexOf('/') >= 0) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                    "invalid char in the clone's name '" + newName + "' (line break or '/')");
        }
        requireFreeName(newName);
        if (ctx.primary().productLine() == ProductLine.VPX) {
            return viaVcenter(source, newName, opts, listener);
        }
        return onHost(source, newName, opts, listener);
    }

    private void requireFreeName(String name) {
        try {
            Domain existing = ctx.reads().lookupByName(name);
            // libvirt's code and words for a taken name (as the test driver's define)
            throw new HypervisorException(ErrorCode.DOM_EXIST, ErrorDomain.ESX,
                    "domain '" + name + "' already exists with uuid " + existing.uuid());
        } catch (HypervisorException e) {
            if (e.code() != ErrorCode.NO_DOMAIN) {
                throw e;
            }
        }
    }

    // ---- vCenter: CloneVM_Task -------------------------------------------------------------

    private Domain viaVcenter(EsxDomain source, String newName, CloneOptions opts, ProgressListener listener) {
        VimSession session = ctx.primary();
        VirtualMachineRelocateSpec location = new VirtualMachineRelocateSpec();
        location.setPool(ctx.scope().resourcePool());
        if (ctx.scope().kind() == io.jvirt.esx.inventory.InventoryScope.Kind.HOST) {
            location.setHost(ctx.scope().hostSystem());
        }
        if (opts.pool() != null) {
            location.setDatastore(datastoreByName(session, opts.pool()));
        }
        VirtualMachineCloneSpec spec = new VirtualMachineCloneSpec();
        spec.setTemplate(false);
        spec.setPowerOn(false);
        if (opts.snapshot() != null) {
            spec.setSnapshot(snapshotByName(source, opts.snapshot()));
        }
        if (opts.linked()) {
            location.setDiskMoveType("createNewChildDiskBacking");
        }
        spec.setLocation(location);
        ManagedObjectReference folder = ctx.scope().vmFolder();
        TaskInfo done = ctx.tasks(session).run("CloneVM_Task", p -> p.cloneVMTask(source.mor(), folder, newName, spec),
                Tasks.Watch.none(), listener, "Could not clone domain '" + source.name() + "' to '" + newName + "'");
        if (done.getResult() instanceof ManagedObjectReference vm) {
            return ctx.reads().handleOf(WriteContext.read(new WriteContext.VmRef(session, vm),
                    DomainDriver.identityProperties()));
        }
        return ctx.reads().lookupByName(newName);
    }

    private ManagedObjectReference snapshotByName(EsxDomain source, String name) {
        ObjectProps vm = WriteContext.read(ctx.primaryVm(source), List.of("snapshot.rootSnapshotList"));
        List<VirtualMachineSnapshotTree> roots = vm.list("snapshot.rootSnapshotList", VirtualMachineSnapshotTree.class);
        return SnapshotTree.findByName(roots, name).map(f -> f.node().getSnapshot()).orElseThrow(() ->
                new HypervisorException(ErrorCode.NO_DOMAIN_SNAPSHOT, ErrorDomain.ESX,
                        "Could not find snapshot with name '" + name + "' of domain '" + source.name() + "'"));
    }

    /** The datastore called {@code name} in the scope's datacenter; NO_STORAGE_POOL naming it when none. */
    private ManagedObjectReference datastoreByName(VimSession session, String name) {
        List<ObjectProps> all = PropertyReader.retrieve(session, Specs.filter(
                Specs.from(ctx.scope().datacenter(), true, Specs.traverse("dcToDatastore", "Datacenter", "datastore")),
                Specs.props("Datastore", "summary.name")));
        return all.stream().filter(ds -> name.equals(ds.string("summary.name").orElse(null))).map(ObjectProps::mor)
                .findFirst().orElseThrow(() -> noPool(name));
    }

    private static HypervisorException noPool(String name) {
        return new HypervisorException(ErrorCode.NO_STORAGE_POOL, ErrorDomain.ESX,
                "Storage pool not found: no storage pool with matching name '" + name + "'");
    }

    // ---- standalone host: copy the disks, rewrite and register the .vmx ------------------------

    private Domain onHost(EsxDomain source, String newName, CloneOptions opts, ProgressListener listener) {
        if (opts.linked()) {
            throw new HypervisorException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.ESX, "a linked clone needs a"
                    + " vCenter (CloneVM_Task with diskMoveType createNewChildDiskBacking): a standalone ESX host has"
                    + " no CloneVM and no API to create a child disk; connect with vpx:// to the vCenter managing it");
        }
        if (opts.snapshot() != null) {
            throw new HypervisorException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.ESX, "cloning from snapshot '"
                    + opts.snapshot() + "' needs a vCenter (CloneVM_Task with a snapshot): a standalone ESX host has no"
                    + " CloneVM, and its disk copy only copies a disk's current state; revert to the snapshot first or"
                    + " connect with vpx://");
        }
        VimSession session = ctx.primary();
        ObjectProps vm = WriteContext.read(ctx.primaryVm(source), List.of("runtime.powerState", "config.files.vmPathName"));
        if (PowerStates.toDomainState(vm.get("runtime.powerState").orElse(null)) != DomainState.SHUTOFF) {
            throw new HypervisorException(ErrorCode.OPERATION_INVALID, ErrorDomain.ESX, "Cannot clone domain '"
                    + source.name() + "' on a standalone ESX host while it is active: its disks are locked while it"
                    + " runs; shut it down first (a vCenter clones running VMs)");
        }
        String vmPathName = vm.require("config.files.vmPathName", String.class);
        DatastorePath vmxPath = DatastorePath.parse(vmPathName);
        String datacenterPath = ctx.scope().datacenterPath();
        byte[] sourceVmx = session.download(FolderUrls.file(session.sdkUrl(), vmxPath.directoryAndFileName(),
                datacenterPath, vmxPath.datastoreName()));
        VmxFile parsed = VmxParser.parse(sourceVmx, vmPathName);
        List<DatastoreMount> mounts = ctx.reads().datastoresOfScope();
        String datastore = opts.pool() != null ? opts.pool() : vmxPath.datastoreName();
        if (mounts.stream().noneMatch(m -> m.name().equals(datastore))) {
            throw noPool(datastore);
        }
        UUID uuid = UUID.randomUUID();
        String fileBase = DatastoreItemEscaper.escape(newName);
        VmxCloneRewriter.Result clone = VmxCloneRewriter.rewrite(parsed, newName, fileBase, uuid, RANDOM);
        String sourceDir = vmxPath.directoryAndFileName().contains("/")
                ? "[" + vmxPath.datastoreName() + "] " + vmxPath.directoryName() : "[" + vmxPath.datastoreName() + "]";
        EsxFileNameMapper mapper = new EsxFileNameMapper(sourceDir, () -> mounts);
        String directory = "[" + datastore + "] " + fileBase;
        ManagedObjectReference datacenter = ctx.scope().datacenter();
        makeDirectory(session, directory, datacenter);
        try {
            int n = 0;
            for (VmxCloneRewriter.DiskCopy disk : clone.disks()) {
                String from = mapper.toSource(disk.sourceFileName(), false).orElseThrow();
                String to = directory + "/" + disk.cloneFileName();
                listener.progress("copy " + from, n++ * 100 / Math.max(1, clone.disks().size()));
                ManagedObjectReference vdm = session.content().getVirtualDiskManager();
                ctx.tasks(session).run("CopyVirtualDisk_Task",
                        p -> p.copyVirtualDiskTask(vdm, from, datacenter, to, datacenter, null, false),
                        Tasks.Watch.none(), ProgressListener.NONE, "Could not copy disk '" + from + "' to '" + to + "'");
            }
            copyNvram(session, parsed, mapper, datastore, fileBase);
            String vmxFile = fileBase + "/" + fileBase + ".vmx";
            URL url = FolderUrls.file(session.sdkUrl(), vmxFile, datacenterPath, datastore);
            session.upload(url, clone.vmx().getBytes(StandardCharsets.UTF_8));
            String path = "[" + datastore + "] " + vmxFile;
            TaskInfo done = ctx.tasks(session).run("RegisterVM_Task",
                    p -> p.registerVMTask(ctx.scope().vmFolder(), path, null, false, ctx.scope().resourcePool(),
                            ctx.scope().hostSystem()),
                    Tasks.Watch.uuid(uuid, datacenter, ctx.autoAnswer()), listener,
                    "Could not register the clone '" + newName + "'");
            listener.progress("clone", 100);
            if (done.getResult() instanceof ManagedObjectReference registered) {
                return ctx.reads().handleOf(WriteContext.read(new WriteContext.VmRef(session, registered),
                        DomainDriver.identityProperties()));
            }
            return ctx.reads().lookupByUuid(uuid);
        } catch (HypervisorException e) {
            removeDirectory(session, directory, datacenter, e);
            throw e;
        }
    }

    /**
     * The source's NVRAM (BIOS/EFI settings such as the boot order, a few KiB) goes with the
     * clone as {@code <new name>.nvram}; a source that has none yet (never powered on) is fine.
     */
    private void copyNvram(VimSession session, VmxFile source, EsxFileNameMapper mapper, String datastore,
                                  String fileBase) {
        String nvram = source.get("nvram");
        if (nvram == null || nvram.isEmpty()) {
            return;
        }
        DatastorePath from = DatastorePath.parse(mapper.toSource(nvram, false).orElseThrow());
        byte[] data;
        try {
            data = session.download(FolderUrls.file(session.sdkUrl(), from.directoryAndFileName(),
                    ctx.scope().datacenterPath(), from.datastoreName()));
        } catch (HypervisorException e) {
            if (e.code() == ErrorCode.HTTP_ERROR && e.getMessage().contains(" 404 ")) {
                return;
            }
            throw e;
        }
        session.upload(FolderUrls.file(session.sdkUrl(), fileBase + "/" + fileBase + ".nvram",
                ctx.scope().datacenterPath(), datastore), data);
    }

    private static void makeDirectory(VimSession session, String directory, ManagedObjectReference datacenter) {
        try {
            session.call("MakeDirectory", p -> {
                p.makeDirectory(session.content().getFileManager(), directory, datacenter, false);
                return null;
            });
        } catch (HypervisorException e) {
            if (e.getMessage() != null && e.getMessage().contains("FileAlreadyExists")) {
                throw new HypervisorException(ErrorCode.OPERATION_FAILED, ErrorDomain.ESX, "Cannot clone into '"
                        + directory + "': the directory already exists (files of another VM?); choose another name"
                        + " or pool", e);
            }
            throw e;
        }
    }

    /** Best effort: a failed clone leaves no directory behind; a failure to delete is added to the clone's error. */
    private void removeDirectory(VimSession session, String directory, ManagedObjectReference datacenter,
                                 HypervisorException cloneFailure) {
        try {
            Tasks.of(session).run("DeleteDatastoreFile_Task",
                    p -> p.deleteDatastoreFileTask(session.content().getFileManager(), directory, datacenter),
                    Tasks.Watch.none(), ProgressListener.NONE, "Could not delete " + directory);
        } catch (HypervisorException e) {
            LOG.log(System.Logger.Level.WARNING, "Removing {0} after a failed clone failed: {1}", directory, e.getMessage());
            cloneFailure.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "DomainCloner[" + ctx + "]";
    }
}
