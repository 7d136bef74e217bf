package io.jvirt.vmx.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vmx.corpus.CorpusFileNameMapper;
import io.jvirt.vmx.ScsiModelDetector;
import io.jvirt.vmx.VmxContext;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SCSI controller model autodetection for {@code model='auto'} (esx-spec 4.7.2 step 3). */
class ScsiAutodetectTest {
    private static final String XML = "<domain type='vmware'><name>a</name><memory>4096</memory>"
            + "<os><type>hvm</type></os><devices>"
            + "<disk type='file' device='disk'><source file='[ds] a.vmdk'/><target dev='sda'/></disk>"
            + "<disk type='file' device='cdrom'><source file='[ds] b.iso'/><target dev='sdb'/></disk>"
            + "<controller type='scsi' index='0' model='auto'/></devices></domain>";

    private static VmxContext ctx(ScsiModelDetector d) {
        return VmxContext.of(new CorpusFileNameMapper()).withScsiModels(d);
    }

    @Test
    void detectedModelIsWritten() {
        String vmx = Vmx.fromDomainXml(XML, ctx(d -> Optional.of("vmpvscsi")));
        assertTrue(vmx.contains("scsi0.virtualDev = \"pvscsi\"\n"), vmx);
    }

    @Test
    void detectorAnsweringOnlyForDisksGivesInconsistentModels() {
        // like the ESX driver: answers only for datastore-backed hard disks, not for the CD-ROM
        ScsiModelDetector esxLike = d -> d.device().equals("disk") ? Optional.of("lsilogic") : Optional.empty();
        HypervisorException e = assertThrows(HypervisorException.class, () -> Vmx.fromDomainXml(XML, ctx(esxLike)));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertEquals("Disks on SCSI controller 0 have inconsistent controller models, cannot autodetect model",
                e.getMessage());
    }

    @Test
    void withoutDetectorAutoFailsTheFinalCheck() {
        HypervisorException e = assertThrows(HypervisorException.class,
                () -> Vmx.fromDomainXml(XML, ctx(ScsiModelDetector.NONE)));
        assertTrue(e.getMessage().endsWith("but found 'auto'"), e.getMessage());
    }
}
