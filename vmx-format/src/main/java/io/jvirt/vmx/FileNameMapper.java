package io.jvirt.vmx;

import java.util.Optional;

/**
 * Maps file names between the two worlds: VMX files name files by host path
 * ({@code /vmfs/volumes/<datastore>/dir/disk.vmdk}, or a bare name relative to the VMX file),
 * domain XML names them by datastore path ({@code [datastore] dir/disk.vmdk}). The ESX driver
 * implements it with the server's datastore list; {@link OfflineFileNameMapper} does it without.
 * Failures are {@link io.jvirt.spi.error.HypervisorException}s.
 */
public interface FileNameMapper {
    /**
     * VMX file name to domain XML source.
     *
     * @param allowMissing true where a missing file is acceptable (CD-ROM images): then a missing
     *                     file gives an empty result (the device gets no source) instead of an error
     */
    Optional<String> toSource(String vmxFileName, boolean allowMissing);

    /** Domain XML source to VMX file name. */
    String toVmxFileName(String source);
}
