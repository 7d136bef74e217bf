package io.jvirt.simulator;

import io.jvirt.vim25.ArrayOfHostDatastoreBrowserSearchResults;
import io.jvirt.vim25.FileInfo;
import io.jvirt.vim25.FileQuery;
import io.jvirt.vim25.FileQueryFlags;
import io.jvirt.vim25.FloppyImageFileInfo;
import io.jvirt.vim25.FloppyImageFileQuery;
import io.jvirt.vim25.FolderFileInfo;
import io.jvirt.vim25.FolderFileQuery;
import io.jvirt.vim25.HostDatastoreBrowserSearchResults;
import io.jvirt.vim25.HostDatastoreBrowserSearchSpec;
import io.jvirt.vim25.IsoImageFileInfo;
import io.jvirt.vim25.IsoImageFileQuery;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.VmConfigFileInfo;
import io.jvirt.vim25.VmConfigFileQuery;
import io.jvirt.vim25.VmDiskFileInfo;
import io.jvirt.vim25.VmDiskFileQuery;
import io.jvirt.vim25.VmLogFileInfo;
import io.jvirt.vim25.VmLogFileQuery;
import io.jvirt.vim25.VmNvramFileInfo;
import io.jvirt.vim25.VmNvramFileQuery;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * HostDatastoreBrowser searches: lists a folder (or a folder tree), keeps the entries some query
 * type and match pattern accept, and describes each with the matching FileInfo subtype.
 */
final class DatastoreBrowser {

    private final Datastores datastores;
    private final VirtualDisks disks;
    private final Tasks tasks;

    DatastoreBrowser(Datastores datastores, VirtualDisks disks, Tasks tasks) {
        this.datastores = datastores;
        this.disks = disks;
        this.tasks = tasks;
    }

    ManagedObjectReference search(ManagedObject browser, String datastorePath, HostDatastoreBrowserSearchSpec spec, Caller caller) {
        return tasks.start(browser, "HostDatastoreBrowser.search", caller, () -> {
            DatastorePath folder = DatastorePath.parse(datastorePath);
            DatastoreFiles files = datastores.files(folder);
            if (!files.isDirectory(folder.path())) {
                throw VimFaults.fileNotFound(folder.toString());
            }
            return results(folder.datastore(), folder.path(), files, spec);
        });
    }

    ManagedObjectReference searchSubFolders(ManagedObject browser, String datastorePath, HostDatastoreBrowserSearchSpec spec,
                                            Caller caller) {
        return tasks.start(browser, "HostDatastoreBrowser.searchSubFolders", caller, () -> {
            DatastorePath folder = DatastorePath.parse(datastorePath);
            DatastoreFiles files = datastores.files(folder);
            if (!files.isDirectory(folder.path())) {
                throw VimFaults.fileNotFound(folder.toString());
            }
            ArrayOfHostDatastoreBrowserSearchResults all = new ArrayOfHostDatastoreBrowserSearchResults();
            for (String directory : files.directoriesUnder(folder.path())) {
                all.getHostDatastoreBrowserSearchResults().add(results(folder.datastore(), directory, files, spec));
            }
            return all;
        });
    }

    private HostDatastoreBrowserSearchResults results(String datastore, String directory, DatastoreFiles files,
                                                      HostDatastoreBrowserSearchSpec spec) {
        HostDatastoreBrowserSearchResults results = new HostDatastoreBrowserSearchResults();
        results.setDatastore(datastores.byName(datastore).ref());
        results.setFolderPath(directory.isEmpty() ? "[" + datastore + "]" : "[" + datastore + "] " + directory + "/");
        List<FileQuery> queries = spec == null ? List.of() : spec.getQuery();
        FileQueryFlags details = spec == null ? null : spec.getDetails();
        for (DatastoreFiles.Entry entry : files.list(directory)) {
            if (!matches(entry.name(), spec)) {
                continue;
            }
            describe(datastore, entry, queries).ifPresent(info -> {
                info.setPath(entry.name());
                if (details == null || details.isFileSize()) {
                    info.setFileSize(entry.size());
                }
                if (details != null && details.isModification()) {
                    info.setModification(Xml.dateTime(entry.modified()));
                }
                results.getFile().add(info);
            });
        }
        return results;
    }

    /** The typed description of an entry, if some query accepts it (no queries: everything). */
    private Optional<FileInfo> describe(String datastore, DatastoreFiles.Entry entry, List<FileQuery> queries) {
        String name = entry.name().toLowerCase(Locale.ROOT);
        boolean any = queries.isEmpty();
        if (entry.directory()) {
            return any || has(queries, FolderFileQuery.class) ? Optional.of(new FolderFileInfo()) : Optional.empty();
        }
        if (name.endsWith(".vmdk") && !name.endsWith("-flat.vmdk") && !name.endsWith("-delta.vmdk")) {
            Optional<VmDiskFileQuery> diskQuery = queries.stream().filter(VmDiskFileQuery.class::isInstance)
                    .map(VmDiskFileQuery.class::cast).findFirst();
            if (!any && diskQuery.isEmpty()) {
                return Optional.empty();
            }
            VmDiskFileInfo info = new VmDiskFileInfo();
            disks.describe(new DatastorePath(datastore, entry.path())).ifPresent(disk -> {
                if (diskQuery.isEmpty() || diskQuery.get().getDetails() == null || diskQuery.get().getDetails().isCapacityKb()) {
                    info.setCapacityKb(disk.capacityKb());
                }
                if (diskQuery.isEmpty() || diskQuery.get().getDetails() == null || diskQuery.get().getDetails().isDiskType()) {
                    info.setDiskType("VirtualDiskFlatVer2BackingInfo");
                }
                if (diskQuery.isPresent() && diskQuery.get().getDetails() != null
                        && Boolean.TRUE.equals(diskQuery.get().getDetails().isControllerType())) {
                    info.setControllerType("VirtualLsiLogicController");
                }
                if (diskQuery.isPresent() && diskQuery.get().getDetails() != null
                        && diskQuery.get().getDetails().isHardwareVersion()) {
                    info.setHardwareVersion(13);
                }
                info.setThin("thin".equals(disk.diskType()));
            });
            return Optional.of(info);
        }
        if (name.endsWith(".iso")) {
            return any || has(queries, IsoImageFileQuery.class) ? Optional.of(new IsoImageFileInfo()) : Optional.empty();
        }
        if (name.endsWith(".flp")) {
            return any || has(queries, FloppyImageFileQuery.class) ? Optional.of(new FloppyImageFileInfo()) : Optional.empty();
        }
        if (name.endsWith(".vmx")) {
            return any || has(queries, VmConfigFileQuery.class) ? Optional.of(new VmConfigFileInfo()) : Optional.empty();
        }
        if (name.endsWith(".log")) {
            return any || has(queries, VmLogFileQuery.class) ? Optional.of(new VmLogFileInfo()) : Optional.empty();
        }
        if (name.endsWith(".nvram")) {
            return any || has(queries, VmNvramFileQuery.class) ? Optional.of(new VmNvramFileInfo()) : Optional.empty();
        }
        return any ? Optional.of(new FileInfo()) : Optional.empty();
    }

    private static boolean has(List<FileQuery> queries, Class<? extends FileQuery> type) {
        return queries.stream().anyMatch(type::isInstance);
    }

    private static boolean matches(String name, HostDatastoreBrowserSearchSpec spec) {
        if (spec == null || spec.getMatchPattern().isEmpty()) {
            return true;
        }
        boolean insensitive = Boolean.TRUE.equals(spec.isSearchCaseInsensitive());
        for (String pattern : spec.getMatchPattern()) {
            String regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
            Pattern compiled = insensitive ? Pattern.compile(regex, Pattern.CASE_INSENSITIVE) : Pattern.compile(regex);
            if (compiled.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }
}
