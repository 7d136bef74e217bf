package io.jvirt.vmx.corpus;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vmx.FileNameMapper;
import io.jvirt.vmx.util.DatastorePath;

import java.util.Optional;

/**
 * The mapping libvirt's conversion tests use (and our corpus runner with them):
 * {@code /vmfs/volumes/DS/PATH} to {@code [DS] PATH}, where datastore {@code missing} or a path
 * starting with {@code missing} is a missing file; other absolute paths unchanged; a bare name
 * {@code F} to {@code [datastore] directory/F}; a relative path with {@code /} is an error. Back:
 * {@code [DS] PATH} to {@code /vmfs/volumes/DS/PATH}, absolute unchanged, anything else an error.
 * A tool for the conformance runner and the tests, not for applications (the module does not
 * export this package to them).
 */
public final class CorpusFileNameMapper implements FileNameMapper {
    private static final String VOLUMES = "/vmfs/volumes/";

    @Override
    public Optional<String> toSource(String name, boolean allowMissing) {
        if (name.startsWith(VOLUMES)) {
            String rest = name.substring(VOLUMES.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                throw fail(
                        "File name '%s' doesn't have expected format '/vmfs/volumes/<datastore>/<path>'", name);
            }
            String ds = rest.substring(0, slash);
            String path = rest.substring(slash + 1);
            if (ds.equals("missing") || path.startsWith("missing")) {
                if (allowMissing) {
                    return Optional.empty();
                }
                throw fail("Referenced missing file '%s'", name);
            }
            return Optional.of("[" + ds + "] " + path);
        }
        if (name.startsWith("/")) {
            return Optional.of(name);
        }
        if (name.indexOf('/') >= 0) {
            throw fail("Could not handle file name '%s'", name);
        }
        return Optional.of("[datastore] directory/" + name);
    }

    @Override
    public String toVmxFileName(String source) {
        if (source.startsWith("[")) {
            if (source.startsWith("[]") || source.indexOf(']') < 0) {
                throw fail("Could not handle file name '%s'", source);
            }
            DatastorePath p = DatastorePath.parse(source);
            return VOLUMES + p.datastoreName() + "/" + p.directoryAndFileName();
        }
        if (source.startsWith("/")) {
            return source;
        }
        throw fail("Could not handle file name '%s'", source);
    }

    private static HypervisorException fail(String format, Object... args) {
        return HypervisorException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE, format, args);
    }
}
