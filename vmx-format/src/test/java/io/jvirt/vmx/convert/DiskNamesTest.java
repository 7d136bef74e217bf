package io.jvirt.vmx.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jvirt.spi.xml.DriveAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiskNamesTest {
    @ParameterizedTest
    @CsvSource({"0, sda", "25, sdz", "26, sdaa", "15, sdp", "30, sdae", "45, sdat", "62, sdbk", "701, sdzz",
        "702, sdaaa"})
    void namesRoundTrip(int index, String name) {
        assertEquals(name, DiskNames.name("sd", index));
        assertEquals(index, DiskNames.index(name, "sd"));
    }

    @Test
    void badNamesHaveNoIndex() {
        assertEquals(-1, DiskNames.index("sd", "sd"));
        assertEquals(-1, DiskNames.index("sdA", "sd"));
        assertEquals(-1, DiskNames.index("hda", "sd"));
        assertEquals(-1, DiskNames.index("sd1", "sd"));
        assertEquals(-1, DiskNames.index("sdaaaaaaaa", "sd"));
    }

    @Test
    void wideScsiAddressesSkipUnit7() {
        assertEquals(new DriveAddress(0, 0, 0, 6), DiskNames.scsiAddress(6, 16));
        assertEquals(new DriveAddress(0, 0, 0, 8), DiskNames.scsiAddress(7, 16));
        assertEquals(new DriveAddress(0, 0, 0, 15), DiskNames.scsiAddress(14, 16));
        assertEquals(new DriveAddress(1, 0, 0, 0), DiskNames.scsiAddress(15, 16));
        assertEquals(new DriveAddress(0, 0, 0, 16), DiskNames.scsiAddress(15, 64));
        assertEquals(new DriveAddress(0, 1, 0, 1), DiskNames.ideAddress(3));
        assertEquals(new DriveAddress(1, 0, 0, 0), DiskNames.sataAddress(6));
    }

    @Test
    void targetOfASlotFollowsLibvirtsVmxReader() {
        assertEquals("sdh", DiskNames.target("scsi", 0, 8));     // unit 7 is the controller's own
        assertEquals("sdp", DiskNames.target("scsi", 1, 0));
        assertEquals("sdag", DiskNames.target("sata", 1, 2));    // 30 units per SATA controller
        assertEquals("hdc", DiskNames.target("ide", 1, 0));
        assertEquals("fdb", DiskNames.target("fdc", 0, 1));
    }
}
