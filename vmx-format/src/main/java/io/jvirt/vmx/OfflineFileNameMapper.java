package io.jvirt.vmx;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vmx.util.DatastorePath;

import java.util.Optional;

/**
 * A server-free mapping: {@code /vmfs/volumes/DS/path} and {@code [DS] path} are each other's
 * image; other absolute paths stay as they are; a bare file name is taken relative to the
 * directory of the VMX file ({@code vmxDirectory}, a datastore path like {@code [ds] vm}).
 * Datastores named by UUID stay UUIDs (only the server knows their names).
 */
public final class OfflineFileNameMapper implements FileNameMapper {
    private static final String VOLUMES = "/vmfs/volumes/";

    private final String vmxDirectory;

    /** @param vmxDirectory datastore path of the VMX file's directory, or null when unknown */
    public OfflineFileNameMapper(String vmxDirectory) {
        this.vmxDirectory = vmxDirectory;
    }

    @Override
    public Optional<String> toSource(String name, boolean allowMissing) {
        if (name.indexOf('/') < 0 && name.indexOf('\\') < 0) {
            if (vmxDirectory == null) {
                throw fail("Could not handle file name '%s': the directory of the VMX file is unknown", name);
            }
            return Optional.of(vmxDirectory.endsWith("]") ? vmxDirectory + " " + name : vmxDirectory + "/" + name);
        }
        if (name.startsWith(VOLUMES)) {
            String rest = name.substring(VOLUMES.length());
            int slash = rest.indexOf('/');
            if (slash <= 0 || slash == rest.length() - 1) {
                throw fail("File name '%s' doesn't have expected format '/vmfs/volumes/<datastore>/<path>'", name);
            }
            return Optional.of("[" + rest.substring(0, slash) + "] " + rest.substring(slash + 1));
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
            return VOLUMES + p.datastoreName() + "/" + p.directoryAndFileName();
        }
        if (source.startsWith("/")) {
            return source;
        }
        throw fail("Could not handle file name '%s'", source);
    }

    static HypervisorException fail(String format, Object... args) {
        return HypervisorException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE, format, args);
    }
}
