package io.jvirt.esx.domain;

import io.jvirt.esx.vi.Tasks;
import io.jvirt.esx.vi.VirtualHardware;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.xml.DiskDef;
import io.jvirt.spi.xml.DomainDef;
import io.jvirt.spi.xml.DomainXml;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.TaskInfo;
import io.jvirt.vmx.ScsiModelDetector;
import io.jvirt.spi.xml.CapabilitiesDef;
import io.jvirt.vmx.convert.Vmx;
import io.jvirt.vmx.VmxContext;
import io.jvirt.vmx.util.DatastoreItemEscaper;
import io.jvirt.vmx.util.DatastorePath;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code domainDefineXML} (esx-spec 2.4): XML -> VMX, HTTP PUT of the {@code .vmx} next to the
 * first file-based hard disk, {@code RegisterVM_Task}. XML naming an existing domain redefines it
 * (unlike libvirt's ESX driver, which refuses): see {@link #redefine}. Unlike libvirt, a failed registration deletes the uploaded {@code .vmx} again, so a
 * failed define leaves nothing behind.
 *
 * <p>Deliberate difference (esx-spec 7.2 #9): when the first disk lies at the datastore root
 * ({@code [ds] disk.vmdk}) libvirt takes the file name for a directory and uploads to
 * {@code disk.vmdk/<name>.vmx}, which cannot work; we put the {@code .vmx} at the root too.
 */
public final class DomainDefiner {
    private final WriteContext ctx;
    private final DeviceOperations devices;

    public DomainDefiner(WriteContext ctx, DeviceOperations devices) {
        this.ctx = ctx;
        this.devices = devices;
    }

    /** Where the {@code .vmx} goes: datastore and directory ("" for the datastore root). */
    record Placement(String datastore, String directory) {
        String vmxPath(String escapedName) {
            return directory.isEmpty() ? "[" + datastore + "] " + escapedName + ".vmx"
                    : "[" + datastore + "] " + directory + "/" + escapedName + ".vmx";
        }
    }

    public Domain define(String xml, ProgressListener progress) {
        if (xml == null) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, "domain XML must not be null");
        }
        DomainDef parsed = DomainXml.parse(xml);
        DomainDef def = parsed.uuid() == null ? parsed.toBuilder().uuid(UUID.randomUUID()).build() : parsed;
        if (def.name() == null || def.name().isEmpty()) {
            throw new HypervisorException(ErrorCode.XML_ERROR, ErrorDomain.ESX, "missing domain name");
        }
        if (def.name().indexOf('\n') >= 0) {
            throw new HypervisorException(ErrorCode.XML_DETAIL, ErrorDomain.ESX, "invalid char in name: \n");
        }
        EsxDomain existing = existing(parsed, def.name());
        if (existing != null) {
            return redefine(existing, parsed, progress);
        }
        int hw = VirtualHardware.version(ctx.primary().productLine(), ctx.primary().productVersion());
        EsxFileNameMapper mapper = new EsxFileNameMapper("[?] ?", ctx.reads()::datastoresOfScope);
        ScsiModelDetector scsi = new ScsiAutodetect(ctx.primary(), ctx.scope(), ctx.taskTimeout());
        String vmx = Vmx.fromDomain(def, new VmxContext(mapper, scsi, null, null, hw,
                CapabilitiesDef.parse(ctx.connection().capabilities())));
        Placement placement = placement(def);
        String escapedName = DatastoreItemEscaper.escape(def.name());
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        listener.progress("upload", 0);
        ctx.primary().upload(uploadUrl(placement, escapedName), vmx.getBytes(StandardCharsets.UTF_8));
        listener.progress("upload", 100);
        String vmxPath = placement.vmxPath(escapedName);
        ManagedObjectReference vmFolder = ctx.scope().vmFolder();
        ManagedObjectReference pool = ctx.scope().resourcePool();
        ManagedObjectReference host = ctx.scope().hostSystem();
        TaskInfo done;
        try {
            done = ctx.tasks(ctx.primary()).run("RegisterVM_Task",
                    p -> p.registerVMTask(vmFolder, vmxPath, null, false, pool, host),
                    Tasks.Watch.uuid(def.uuid(), ctx.scope().datacenter(), ctx.autoAnswer()), listener,
                    "Could not define domain");
        } catch (HypervisorException e) {
            removeUploaded(vmxPath, e);
            throw e;
        }
        if (!(done.getResult() instanceof ManagedObjectReference vm)) {
            return ctx.reads().lookupByUuid(def.uuid());
        }
        return new EsxDomain(ctx.reads(), vm, def.name(), def.uuid(), -1, DomainState.SHUTOFF, vmxPath);
    }

    /**
     * A failed registration leaves no half-defined domain behind: the uploaded {@code .vmx} is
     * deleted again (best effort; a failure to delete is added to the registration's error).
     */
    private void removeUploaded(String vmxPath, HypervisorException registrationFailure) {
        ManagedObjectReference datacenter = ctx.scope().datacenter();
        try {
            Tasks.of(ctx.primary()).run("DeleteDatastoreFile_Task",
                    p -> p.deleteDatastoreFileTask(ctx.primary().content().getFileManager(), vmxPath, datacenter),
                    Tasks.Watch.none(), ProgressListener.NONE, "Could not delete " + vmxPath);
        } catch (HypervisorException e) {
            registrationFailure.addSuppressed(e);
        }
    }

    /**
     * The domain the XML names, or null for a new one. A name already used with another UUID,
     * or a UUID already used with another name, is {@code DOM_EXIST} (libvirt's rule: define
     * neither renames nor re-identifies a domain).
     */
    private EsxDomain existing(DomainDef parsed, String name) {
        EsxDomain byName = find(() -> ctx.reads().lookupByName(name));
        if (byName != null && parsed.uuid() != null && !byName.uuid().equals(parsed.uuid())) {
            throw new HypervisorException(ErrorCode.DOM_EXIST, ErrorDomain.ESX,
                    "domain '" + name + "' already exists with uuid " + byName.uuid());
        }
        if (byName != null) {
            return byName;
        }
        if (parsed.uuid() == null) {
            return null;
        }
        EsxDomain byUuid = find(() -> ctx.reads().lookupByUuid(parsed.uuid()));
        if (byUuid != null) {
            throw new HypervisorException(ErrorCode.DOM_EXIST, ErrorDomain.ESX,
                    "domain '" + byUuid.name() + "' is already defined with uuid " + parsed.uuid());
        }
        return null;
    }

    private static EsxDomain find(java.util.function.Supplier<Domain> lookup) {
        try {
            return (EsxDomain) lookup.get();
        } catch (HypervisorException e) {
            if (e.code() != ErrorCode.NO_DOMAIN) {
                throw e;
            }
            return null;
        }
    }

    /**
     * Redefinition (README-esx "Redefining a domain"): the difference between the definition
     * {@code dumpxml} shows and the new one, applied with one ReconfigVM_Task.
     */
    private Domain redefine(EsxDomain existing, DomainDef parsed, ProgressListener progress) {
        DomainDef current = DomainXml.parse(existing.xmlDesc(java.util.Set.of(io.jvirt.spi.DomainXmlFlag.INACTIVE)));
        DomainDef wanted = parsed.uuid() == null ? parsed.toBuilder().uuid(existing.uuid()).build() : parsed;
        devices.redefine(existing, current, wanted, progress);
        return ctx.reads().lookupByUuid(existing.uuid());
    }

    /** The first file-based hard disk decides datastore and directory (esx-spec 2.4 step 6). */
    static Placement placement(DomainDef def) {
        var disks = def.devices() == null ? java.util.List.<DiskDef>of() : def.devices().disks();
        if (disks.isEmpty()) {
            throw internal("Domain XML doesn't contain any disks, cannot deduce datastore and path for VMX file");
        }
        DiskDef first = disks.stream().filter(d -> "disk".equals(d.device()) && "file".equals(d.type())).findFirst()
                .orElseThrow(() -> internal("Domain XML doesn't contain any file-based harddisks, cannot deduce"
                        + " datastore and path for VMX file"));
        if (first.source() == null || first.source().isEmpty()) {
            throw internal("First file-based harddisk has no source, cannot deduce datastore and path for VMX file");
        }
        DatastorePath path;
        try {
            path = DatastorePath.parse(first.source());
        } catch (HypervisorException e) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, e.getMessage(), e);
        }
        if (!first.source().toLowerCase(Locale.ROOT).endsWith(".vmdk")) {
            throw internal("Expecting source '" + first.source() + "' of first file-based harddisk to be a VMDK image");
        }
        boolean atRoot = path.directoryAndFileName().indexOf('/') < 0;
        return new Placement(path.datastoreName(), atRoot ? "" : path.directoryName());
    }

    /**
     * {@code <transport>://<server>:<port>/folder/E(dir)/E(name).vmx?dcPath=E(dc)&dsName=E(ds)}: the
     * separator between directory and file stays a {@code /}, slashes inside the directory are
     * encoded (esx-spec 2.4 step 8).
     */
    URL uploadUrl(Placement placement, String escapedName) {
        URL sdk = ctx.primary().sdkUrl();
        String file = FolderUrls.encode(escapedName) + ".vmx";
        String path = placement.directory().isEmpty() ? file : FolderUrls.encode(placement.directory()) + "/" + file;
        String spec = sdk.getProtocol() + "://" + sdk.getAuthority() + "/folder/" + path + "?dcPath="
                + FolderUrls.encode(ctx.scope().datacenterPath()) + "&dsName=" + FolderUrls.encode(placement.datastore());
        try {
            return new URL(spec);
        } catch (MalformedURLException e) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, "Bad upload URL '" + spec + "'", e);
        }
    }

    private static HypervisorException internal(String message) {
        return new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, message);
    }
}
