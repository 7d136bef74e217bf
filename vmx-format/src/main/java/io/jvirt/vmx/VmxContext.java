package io.jvirt.vmx;

import io.jvirt.spi.xml.CapabilitiesDef;

import java.util.Objects;

/**
 * What a conversion needs from its caller.
 *
 * @param fileNames        file-name mapping between VMX and domain XML
 * @param scsiModels       SCSI controller model autodetection (XML to VMX, {@code model='auto'})
 * @param datacenterPath   emitted as {@code <vmware:datacenterpath>} (VMX to XML), or null
 * @param moref            emitted as {@code <vmware:moref>} (VMX to XML), or null
 * @param virtualHwVersion the {@code virtualHW.version} to write (XML to VMX), at least 4
 * @param capabilities     when not null, both directions require the domain's (os type, arch,
 *                         {@code vmware}) to be one of its guests, as libvirt's post-parse check
 *                         does (e.g. no {@code x86_64} guest on a host without long mode)
 */
public record VmxContext(FileNameMapper fileNames, ScsiModelDetector scsiModels, String datacenterPath,
        String moref, int virtualHwVersion, CapabilitiesDef capabilities) {

    public VmxContext {
        Objects.requireNonNull(fileNames, "fileNames");
        Objects.requireNonNull(scsiModels, "scsiModels");
        if (virtualHwVersion < 4) {
            throw new IllegalArgumentException("virtualHW.version must be at least 4: " + virtualHwVersion);
        }
    }

    /** A context with no autodetection, no datacenter path or moref, virtualHW 4, no capability check. */
    public static VmxContext of(FileNameMapper fileNames) {
        return new VmxContext(fileNames, ScsiModelDetector.NONE, null, null, 4, null);
    }

    public VmxContext withCapabilities(CapabilitiesDef caps) {
        return new VmxContext(fileNames, scsiModels, datacenterPath, moref, virtualHwVersion, caps);
    }

    public VmxContext withVirtualHwVersion(int version) {
        return new VmxContext(fileNames, scsiModels, datacenterPath, moref, version, capabilities);
    }

    public VmxContext withDatacenterPath(String path) {
        return new VmxContext(fileNames, scsiModels, path, moref, virtualHwVersion, capabilities);
    }

    public VmxContext withMoref(String ref) {
        return new VmxContext(fileNames, scsiModels, datacenterPath, ref, virtualHwVersion, capabilities);
    }

    public VmxContext withScsiModels(ScsiModelDetector detector) {
        return new VmxContext(fileNames, detector, datacenterPath, moref, virtualHwVersion, capabilities);
    }
}
