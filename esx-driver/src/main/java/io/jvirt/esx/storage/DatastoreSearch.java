package io.jvirt.esx.storage;

import io.jvirt.esx.vi.Tasks;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.ProgressListener;
import io.jvirt.vim25.ArrayOfHostDatastoreBrowserSearchResults;
import io.jvirt.vim25.FileInfo;
import io.jvirt.vim25.FileNotFound;
import io.jvirt.vim25.FileQuery;
import io.jvirt.vim25.FileQueryFlags;
import io.jvirt.vim25.FloppyImageFileQuery;
import io.jvirt.vim25.FolderFileQuery;
import io.jvirt.vim25.HostDatastoreBrowserSearchResults;
import io.jvirt.vim25.HostDatastoreBrowserSearchSpec;
import io.jvirt.vim25.IsoImageFileQuery;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.TaskInfo;
import io.jvirt.vim25.VmDiskFileQuery;
import io.jvirt.vim25.VmDiskFileQueryFlags;

import java.util.List;
import java.util.Optional;

/**
 * Searches with a datastore's HostDatastoreBrowser (esx-spec 2.11.1 and 3.12): the volume query
 * (virtual disks with capacity, ISO and floppy images, with file type and size) and the folder
 * query, each a task waited for with {@link Tasks}.
 */
final class DatastoreSearch {
    private final StorageContext ctx;

    DatastoreSearch(StorageContext ctx) {
        this.ctx = ctx;
    }

    /** Every volume file below {@code [datastore]}, grouped by folder. */
    List<HostDatastoreBrowserSearchResults> volumesBelow(ManagedObjectReference browser, String datastore) {
        String root = "[" + datastore + "]";
        TaskInfo info = Tasks.of(ctx.session()).run("SearchDatastoreSubFolders_Task",
                p -> p.searchDatastoreSubFoldersTask(browser, root, volumeSpec(null)), Tasks.Watch.none(),
                ProgressListener.NONE, failure(datastore));
        Object result = info.getResult();
        if (result == null) {
            return List.of();
        }
        if (result instanceof ArrayOfHostDatastoreBrowserSearchResults a) {
            return a.getHostDatastoreBrowserSearchResults();
        }
        if (result instanceof HostDatastoreBrowserSearchResults r) {
            return List.of(r);
        }
        throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                "Unexpected result type '" + result.getClass().getSimpleName() + "' of a datastore search");
    }

    /**
     * The FileInfo of {@code [datastore] directoryAndFileName} (a volume file, or a folder when
     * {@code folder}); empty when the file or its directory does not exist.
     */
    Optional<FileInfo> fileInfo(ManagedObjectReference browser, String datastore, String directoryAndFileName,
                                boolean folder) {
        if (directoryAndFileName.isEmpty() || directoryAndFileName.endsWith("/")) {
            throw HypervisorException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "Datastore path '[%s] %s' doesn't reference a file", datastore, directoryAndFileName);
        }
        int slash = directoryAndFileName.lastIndexOf('/');
        String searchFolder = slash < 0 ? "[" + datastore + "]"
                : "[" + datastore + "] " + directoryAndFileName.substring(0, slash);
        String file = directoryAndFileName.substring(slash + 1);
        HostDatastoreBrowserSearchSpec spec = folder ? folderSpec(file) : volumeSpec(file);
        TaskInfo info;
        try {
            info = Tasks.of(ctx.session()).run("SearchDatastore_Task", p -> p.searchDatastoreTask(browser, searchFolder, spec),
                    Tasks.Watch.none(), ProgressListener.NONE, failure(datastore));
        } catch (HypervisorException e) {
            // The waiter reports a failed task as "<prefix>: <fault type> - <message>": a missing
            // directory (FileNotFound) means the file does not exist either.
            if (e.getMessage().startsWith(failure(datastore) + ": " + FileNotFound.class.getSimpleName())) {
                return Optional.empty();
            }
            throw e;
        }
        if (!(info.getResult() instanceof HostDatastoreBrowserSearchResults r)) {
            return Optional.empty();
        }
        // The match pattern is a glob: compare exactly, so that names with '*' or '?' are safe.
        return r.getFile().stream().filter(f -> file.equals(f.getPath())).findFirst();
    }

    private static String failure(String datastore) {
        return "Could not search in datastore '" + datastore + "'";
    }

    static HostDatastoreBrowserSearchSpec volumeSpec(String matchPattern) {
        VmDiskFileQueryFlags diskFlags = new VmDiskFileQueryFlags();
        diskFlags.setCapacityKb(true);
        diskFlags.setControllerType(true);
        diskFlags.setDiskType(false);
        diskFlags.setHardwareVersion(false);
        diskFlags.setDiskExtents(false);
        VmDiskFileQuery disks = new VmDiskFileQuery();
        disks.setDetails(diskFlags);
        return spec(matchPattern, disks, new IsoImageFileQuery(), new FloppyImageFileQuery());
    }

    static HostDatastoreBrowserSearchSpec folderSpec(String matchPattern) {
        return spec(matchPattern, new FolderFileQuery());
    }

    private static HostDatastoreBrowserSearchSpec spec(String matchPattern, FileQuery... queries) {
        FileQueryFlags details = new FileQueryFlags();
        details.setFileType(true);
        details.setFileSize(true);
        details.setModification(false);
        HostDatastoreBrowserSearchSpec spec = new HostDatastoreBrowserSearchSpec();
        spec.getQuery().addAll(List.of(queries));
        spec.setDetails(details);
        if (matchPattern != null) {
            spec.getMatchPattern().add(matchPattern);
        }
        return spec;
    }
}
