package io.jvirt.esx.storage;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.StorageVolume;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The parts of the storage driver that need no server: XML in and out, names, ranges. */
class StoragePureTest {

    @Test
    void volumeXmlWithLibvirtUnits() {
        VolumeDef d = VolumeXmlParser.parse("<volume><name> d/x.vmdk </name><capacity unit='G'>2</capacity>"
                + "<allocation unit='KB'>3</allocation><target><format type='vmdk'/></target></volume>");
        assertEquals(new VolumeDef("file", "d/x.vmdk", 2L << 30, 3000, "vmdk"), d);
        VolumeDef noAllocation = VolumeXmlParser.parse("<volume type='block'><name>v</name><capacity>7</capacity></volume>");
        assertEquals(7, noAllocation.allocation());
        assertNull(noAllocation.format());
        assertEquals(1L << 50, VolumeXmlParser.scale("1", "PiB", "capacity"));
        assertEquals(5_000_000, VolumeXmlParser.scale("5", "mb", "capacity"));
        assertEquals(5, VolumeXmlParser.scale("5", "bytes", "capacity"));
        assertEquals(5L << 20, VolumeXmlParser.scale("5", "M", "capacity"));
    }

    @Test
    void badVolumeXml() {
        for (String xml : new String[] {"<pool/>", "<volume type='disk'><name>a</name><capacity>1</capacity></volume>",
                "<volume><capacity>1</capacity></volume>", "<volume><name>a</name></volume>",
                "<volume><name>a</name><capacity>-1</capacity></volume>",
                "<volume><name>a</name><capacity unit='XB'>1</capacity></volume>",
                "<volume><name>a</name><capacity unit='EiB'>100</capacity></volume>",
                "<volume><name>a</name><capacity>x</capacity></volume>",
                "<volume><name>a</name><capacity>1</capacity><target><format/></target></volume>",
                "<!DOCTYPE volume [<!ENTITY x 'y'>]><volume/>"}) {
            HypervisorException e = assertThrows(HypervisorException.class, () -> VolumeXmlParser.parse(xml), xml);
            assertEquals(ErrorCode.XML_ERROR, e.code(), xml);
        }
    }

    @Test
    void volumeNamesAreEscapedPerItem() {
        VmfsVolumeName n = VmfsVolumeName.check(new VolumeDef("file", "a/b/Aä1.vmdk", 1025, 1025, "vmdk"));
        assertEquals("a+JQ-2fb", n.directory());
        assertEquals("A+w6Q-1.vmdk", n.file());
        assertEquals("preallocated", n.diskType());
        assertEquals(2, n.capacityKb());
        assertEquals("thin", VmfsVolumeName.check(new VolumeDef("file", "d/x.VMDK", 2048, 0, "vmdk")).diskType());
    }

    @Test
    void poolXmlLayout() {
        UUID u = UUID.fromString("7cc3a508-50f9-2250-dec4-67881ecb8f91");
        assertEquals("<pool type='dir'>\n"
                + "  <name>ds &amp; co</name>\n"
                + "  <uuid>7cc3a508-50f9-2250-dec4-67881ecb8f91</uuid>\n"
                + "  <capacity unit='bytes'>10</capacity>\n"
                + "  <allocation unit='bytes'>4</allocation>\n"
                + "  <available unit='bytes'>6</available>\n"
                + "  <source>\n"
                + "  </source>\n"
                + "  <target>\n"
                + "    <path>/vmfs/volumes/x</path>\n"
                + "  </target>\n"
                + "</pool>\n", PoolXml.format(new PoolDescription("dir", "ds & co", u, 10, 4, 6,
                PoolDescription.Source.EMPTY, "/vmfs/volumes/x")));
    }

    @Test
    void volumeXmlLayout() {
        assertEquals("<volume type='file'>\n  <name>n</name>\n  <key>k</key>\n  <source>\n  </source>\n"
                + "  <capacity unit='bytes'>2</capacity>\n  <allocation unit='bytes'>1</allocation>\n"
                + "  <target>\n    <path>[d] n</path>\n    <format type='vmdk'/>\n  </target>\n</volume>\n",
                VolumeXml.format(StorageVolume.Type.FILE, "n", "k", 2, 1, "[d] n", "vmdk"));
    }

    @Test
    void volumeNamesFromSearchResults() {
        assertEquals("file.iso", VmfsBackend.volumeName("[ds]", "file.iso"));
        assertEquals("file.iso", VmfsBackend.volumeName("[ds] ", "file.iso"));
        assertEquals("dir/sub/x.vmdk", VmfsBackend.volumeName("[ds] dir/sub/", "x.vmdk"));
        assertEquals("dir/x.vmdk", VmfsBackend.volumeName("[ds] dir", "x.vmdk"));
    }

    @Test
    void rangeHeaders() {
        assertNull(FolderTransfer.rangeHeader(0, -1));
        assertEquals("bytes=0-9", FolderTransfer.rangeHeader(0, 10));
        assertEquals("bytes=5-", FolderTransfer.rangeHeader(5, -1));
        assertEquals("bytes=5-5", FolderTransfer.rangeHeader(5, 1));
        assertEquals(ErrorCode.INVALID_ARG, assertThrows(HypervisorException.class, () -> FolderTransfer.checkRange(0, -5)).code());
    }
}
