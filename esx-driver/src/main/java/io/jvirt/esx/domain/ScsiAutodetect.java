package io.jvirt.esx.domain;

import io.jvirt.esx.inventory.InventoryScope;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.esx.vi.PropertyReader;
import io.jvirt.esx.vi.Specs;
import io.jvirt.esx.vi.Tasks;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.ProgressListener;
import io.jvirt.spi.xml.DiskDef;
import io.jvirt.vim25.FileInfo;
import io.jvirt.vim25.HostDatastoreBrowserSearchResults;
import io.jvirt.vim25.HostDatastoreBrowserSearchSpec;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.VmDiskFileInfo;
import io.jvirt.vim25.VmDiskFileQuery;
import io.jvirt.vim25.VmDiskFileQueryFlags;
import io.jvirt.vmx.ScsiModelDetector;
import io.jvirt.vmx.util.DatastorePath;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SCSI controller model autodetection for {@code model='auto'} (esx-spec 4.9.3): the datastore
 * browser's {@code VmDiskFileInfo.controllerType} of the disk's {@code .vmdk}. Asked only by the
 * converter, only for controllers declared {@code auto}; one search task per disk.
 */
public final class ScsiAutodetect implements ScsiModelDetector {
    private final VimSession session;
    private final InventoryScope scope;
    private final Duration timeout;

    public ScsiAutodetect(VimSession session, InventoryScope scope, Duration timeout) {
        this.session = session;
        this.scope = scope;
        this.timeout = timeout;
    }

    @Override
    public Optional<String> detect(DiskDef disk) {
        if (!"disk".equals(disk.device()) || !"scsi".equals(disk.targetBus()) || !"file".equals(disk.type())
                || disk.source() == null || !disk.source().startsWith("[")) {
            return Optional.empty();
        }
        DatastorePath path = DatastorePath.parse(disk.source());
        int slash = path.directoryAndFileName().lastIndexOf('/');
        String directory = slash < 0 ? "" : path.directoryAndFileName().substring(0, slash);
        String file = path.directoryAndFileName().substring(slash + 1);
        ManagedObjectReference browser = browser(path.datastoreName());
        HostDatastoreBrowserSearchSpec spec = new HostDatastoreBrowserSearchSpec();
        VmDiskFileQuery query = new VmDiskFileQuery();
        VmDiskFileQueryFlags details = new VmDiskFileQueryFlags();
        details.setControllerType(Boolean.TRUE);
        query.setDetails(details);
        spec.getQuery().add(query);
        spec.getMatchPattern().add(file);
        String folder = directory.isEmpty() ? "[" + path.datastoreName() + "]" : "[" + path.datastoreName() + "] " + directory;
        Object result = new Tasks(session, timeout, Tasks.DEFAULT_MAX_POLL).run("SearchDatastore_Task",
                p -> p.searchDatastoreTask(browser, folder, spec), Tasks.Watch.none(), ProgressListener.NONE,
                "Could not search in datastore '" + path.datastoreName() + "'").getResult();
        String controller = null;
        if (result instanceof HostDatastoreBrowserSearchResults r) {
            for (FileInfo f : r.getFile()) {
                if (f instanceof VmDiskFileInfo v && file.equals(f.getPath())) {
                    controller = v.getControllerType();
                }
            }
        }
        if (controller == null) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "Could not lookup controller model for '" + disk.source() + "'");
        }
        return Optional.of(model(controller, disk.source()));
    }

    /** The libvirt model name of a vSphere controller type (case-insensitive). */
    static String model(String controllerType, String source) {
        return switch (controllerType.toLowerCase(Locale.ROOT)) {
            case "virtualbuslogiccontroller" -> "buslogic";
            case "virtuallsilogiccontroller" -> "lsilogic";
            case "virtuallsilogicsascontroller" -> "lsisas1068";
            case "paravirtualscsicontroller" -> "vmpvscsi";
            default -> throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "Found unexpected controller model '" + controllerType + "' for disk '" + source + "'");
        };
    }

    private ManagedObjectReference browser(String datastoreName) {
        if (scope.hostSystem() == null) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, "No host system to search datastores on");
        }
        List<ObjectProps> stores = PropertyReader.retrieve(session, Specs.filter(
                Specs.from(scope.hostSystem(), true, Specs.traverse("hostToDatastore", "HostSystem", "datastore")),
                Specs.props("Datastore", "summary.name", "browser")));
        for (ObjectProps ds : stores) {
            if (datastoreName.equals(ds.string("summary.name").orElse(null))) {
                return ds.require("browser", ManagedObjectReference.class);
            }
        }
        throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                "Could not find datastore with name '" + datastoreName + "'");
    }
}
