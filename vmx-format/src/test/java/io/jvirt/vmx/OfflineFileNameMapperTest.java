package io.jvirt.vmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;

import io.jvirt.vmx.corpus.CorpusFileNameMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OfflineFileNameMapperTest {
    private final OfflineFileNameMapper m = new OfflineFileNameMapper("[ds1] vm1");

    @Test
    void mapsBothWays() {
        assertEquals(Optional.of("[ds1] vm1/disk.vmdk"), m.toSource("/vmfs/volumes/ds1/vm1/disk.vmdk", false));
        assertEquals(Optional.of("[ds1] vm1/disk.vmdk"), m.toSource("disk.vmdk", false));
        assertEquals(Optional.of("/iso/x.iso"), m.toSource("/iso/x.iso", true));
        assertEquals("/vmfs/volumes/ds1/vm1/disk.vmdk", m.toVmxFileName("[ds1] vm1/disk.vmdk"));
        assertEquals("/vmfs/volumes/ds1/", m.toVmxFileName("[ds1]"));
        assertEquals("/dev/cdrom", m.toVmxFileName("/dev/cdrom"));
        assertEquals(Optional.of("[ds] x.vmdk"), new OfflineFileNameMapper("[ds]").toSource("x.vmdk", false));
    }

    @Test
    void rejectsWhatItCannotMap() {
        for (String bad : new String[] {"sub/disk.vmdk", "/vmfs/volumes/ds1", "/vmfs/volumes/ds1/", "C:\\x.vmdk"}) {
            HypervisorException e = assertThrows(HypervisorException.class, () -> m.toSource(bad, false), bad);
            assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        }
        assertThrows(HypervisorException.class, () -> new OfflineFileNameMapper(null).toSource("x.vmdk", false));
        assertThrows(HypervisorException.class, () -> m.toVmxFileName("relative.vmdk"));
        assertEquals(ErrorCode.INVALID_ARG,
                assertThrows(HypervisorException.class, () -> m.toVmxFileName("[] x.vmdk")).code());
    }

    @Test
    void corpusMappingMarksMissingFiles() {
        CorpusFileNameMapper c = new CorpusFileNameMapper();
        assertEquals(Optional.empty(), c.toSource("/vmfs/volumes/missing/x.iso", true));
        assertEquals(Optional.empty(), c.toSource("/vmfs/volumes/ds/missing.iso", true));
        assertThrows(HypervisorException.class, () -> c.toSource("/vmfs/volumes/ds/missing.vmdk", false));
        assertEquals(Optional.of("[datastore] directory/a.vmdk"), c.toSource("a.vmdk", false));
        assertThrows(HypervisorException.class, () -> c.toVmxFileName("[ds"));
    }
}
