package io.jvirt.vmx;

import io.jvirt.spi.xml.DiskDef;

import java.util.Optional;

/**
 * Answers the SCSI controller model ({@code buslogic}, {@code lsilogic}, {@code lsisas1068},
 * {@code vmpvscsi}) for a disk on a controller declared with {@code model='auto'}; empty when it
 * cannot tell for that disk. The ESX driver asks the datastore browser.
 */
@FunctionalInterface
public interface ScsiModelDetector {
    ScsiModelDetector NONE = disk -> Optional.empty();

    Optional<String> detect(DiskDef disk);
}
