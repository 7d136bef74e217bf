package io.jvirt.esx.domain;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vmx.FileNameMapper;
import io.jvirt.vmx.util.DatastorePath;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * File names between VMX (host paths) and domain XML (datastore paths), backed by the server's
 * datastores (esx-spec 4.9.1 and 4.9.2). The datastore list is read only when a file name needs
 * it, so VMX files with relative names cost no request.
 */
public final class EsxFileNameMapper implements FileNameMapper {
    private static final String VOLUMES = "/vmfs/volumes/";

    private final String vmxDirectory;
    private final Supplier<List<DatastoreMount>> datastores;
    private List<DatastoreMount> cached;

    /**
     * @param vmxDirectory datastore path of the VMX file's directory ({@code [ds] dir} or {@code [ds]})
     * @param datastores   the datastores (asked at most once)
     */
    public EsxFileNameMapper(String vmxDirectory, Supplier<List<DatastoreMount>> datastores) {
        this.vmxDirectory = vmxDirectory;
        this.datastores = datastores;
    }

    private synchronized List<DatastoreMount> datastores() {
        if (cached == null) {
            cached = datastores.get();
        }
        return cached;
    }

    @Override
    public Optional<String> toSource(String name, boolean allowMissing) {
        if (name.indexOf('/') < 0 && name.indexOf('\\') < 0) {
            return Optional.of(vmxDirectory.endsWith("]") ? vmxDirectory + " " + name : vmxDirectory + "/" + name);
        }
        for (DatastoreMount ds : datastores()) {
            String mount = stripTrailing(ds.mountPath());
            if (!mount.isEmpty() && name.startsWith(mount)
                    && (name.length() == mount.length() || name.charAt(mount.length()) == '/' || name.charAt(mount.length()) == '\\')) {
                String rest = name.substring(mount.length());
                while (rest.startsWith("/") || rest.startsWith("\\")) {
                    rest = rest.substring(1);
                }
                return Optional.of("[" + ds.name() + "] " + rest.replace('\\', '/'));
            }
        }
        if (name.startsWith(VOLUMES)) {
            String rest = name.substring(VOLUMES.length());
            int slash = rest.indexOf('/');
            if (slash <= 0 || slash == rest.length() - 1) {
                throw fail("File name '%s' doesn't have expected format '/vmfs/volumes/<datastore>/<path>'", name);
            }
            String dsName = rest.substring(0, slash);
            if (datastores().stream().noneMatch(d -> d.name().equals(dsName))) {
                if (allowMissing) {
                    return Optional.empty();
                }
                throw fail("File name '%s' refers to non-existing datastore '%s'", name, dsName);
            }
            return Optional.of("[" + dsName + "] " + rest.substring(slash + 1));
        }
        if (name.startsWith("/")) {
            return Optional.of(name);
        }
        throw fail("Could not handle file name '%s'", name);
    }

    @Override
    public String toVmxFileName(String source) {
        if (source.startsWith("[")) {
            DatastorePath p = DatastorePath.parse(source);
            DatastoreMount ds = datastores().stream().filter(d -> d.name().equals(p.datastoreName())).findFirst()
                    .orElseThrow(() -> fail("Could not find datastore with name '%s'", p.datastoreName()));
            if (ds.mountPath().isEmpty()) {
                throw fail("Could not lookup datastore host mount of '%s'", ds.name());
            }
            String sep = ds.mountPath().contains("\\") ? "\\" : "/";
            String mount = stripTrailing(ds.mountPath());
            return mount + sep + p.directoryAndFileName().replace("/", sep);
        }
        if (source.startsWith("/")) {
            return source;
        }
        throw fail("Could not handle file name '%s'", source);
    }

    private static String stripTrailing(String path) {
        String p = path;
        while (p.length() > 1 && (p.endsWith("/") || p.endsWith("\\"))) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static HypervisorException fail(String format, Object... args) {
        return HypervisorException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, format, args);
    }
}
