package io.jvirt.esx.domain.clone;

import io.jvirt.vmx.VmxFile;
import io.jvirt.vmx.VmxParser;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The clone's .vmx: new identity, new MACs, disks renamed, the rest kept in order. */
class VmxCloneRewriterTest {
    private static final String SOURCE = """
            .encoding = "windows-1252"
            config.version = "8"
            virtualHW.version = "13"
            displayName = "web01"
            uuid.bios = "56 4d 9b ef ac d9 b4 e0-c8 f0 ae aa 2a 2c 6d 01"
            uuid.location = "56 4d 9b ef ac d9 b4 e0-c8 f0 ae aa 2a 2c 6d 01"
            vc.uuid = "52 11 22 33 44 55 66 77-88 99 aa bb cc dd ee ff"
            memsize = "1024"
            nvram = "web01.nvram"
            sched.swap.derivedName = "/vmfs/volumes/abc/web01/web01-1a2b.vswp"
            scsi0.present = "TRUE"
            scsi0:0.present = "TRUE"
            scsi0:0.fileName = "web01-000001.vmdk"
            scsi0:1.present = "TRUE"
            scsi0:1.fileName = "/vmfs/volumes/ds2/data/data.vmdk"
            scsi0:2.present = "FALSE"
            scsi0:2.fileName = "old.vmdk"
            ide1:0.present = "TRUE"
            ide1:0.deviceType = "cdrom-image"
            ide1:0.fileName = "[ds1] iso/boot.iso"
            ethernet0.present = "TRUE"
            ethernet0.addressType = "generated"
            ethernet0.generatedAddress = "00:0c:29:2c:6d:01"
            ethernet0.generatedAddressOffset = "0"
            ethernet1.present = "TRUE"
            ethernet1.addressType = "static"
            ethernet1.address = "00:50:56:01:02:03"
            ethernet2.present = "TRUE"
            ethernet2.addressType = "vpx"
            ethernet2.generatedAddress = "00:50:56:80:11:22"
            annotation = "web server"
            """;
    private static final UUID NEW = UUID.fromString("11223344-5566-7788-99aa-bbccddeeff00");

    private static VmxCloneRewriter.Result rewrite() {
        return VmxCloneRewriter.rewrite(VmxParser.parse(SOURCE), "web 02", "web 02", NEW, new Random(7));
    }

    @Test
    void newIdentityAndFilesWhileEverythingElseStays() {
        VmxFile clone = VmxParser.parse(rewrite().vmx());
        assertEquals("UTF-8", clone.get(".encoding"));
        assertEquals("web 02", clone.get("displayName"));
        assertEquals("11 22 33 44 55 66 77 88-99 aa bb cc dd ee ff 00", clone.get("uuid.bios"));
        assertNull(clone.get("uuid.location"), "ESX makes a new one for the new place");
        assertNull(clone.get("vc.uuid"));
        assertNull(clone.get("sched.swap.derivedName"));
        assertEquals("web 02.nvram", clone.get("nvram"));
        assertEquals("1024", clone.get("memsize"));
        assertEquals("web server", clone.get("annotation"));
        assertEquals("8", clone.get("config.version"));
    }

    @Test
    void presentHardDisksAreCopiedUnderNewNamesCdromsAndAbsentDisksAreNot() {
        VmxCloneRewriter.Result r = rewrite();
        assertEquals(java.util.List.of(new VmxCloneRewriter.DiskCopy("web01-000001.vmdk", "web 02.vmdk"),
                new VmxCloneRewriter.DiskCopy("/vmfs/volumes/ds2/data/data.vmdk", "web 02_1.vmdk")), r.disks());
        VmxFile clone = VmxParser.parse(r.vmx());
        assertEquals("web 02.vmdk", clone.get("scsi0:0.fileName"));
        assertEquals("web 02_1.vmdk", clone.get("scsi0:1.fileName"));
        assertEquals("old.vmdk", clone.get("scsi0:2.fileName"));
        assertEquals("[ds1] iso/boot.iso", clone.get("ide1:0.fileName"));
    }

    @Test
    void macAddressesAreFresh() {
        VmxFile clone = VmxParser.parse(rewrite().vmx());
        // generated from the new UUID's last three bytes plus the NIC's offset, as ESX does
        assertEquals("00:0c:29:ee:ff:00", clone.get("ethernet0.generatedAddress"));
        assertEquals("0", clone.get("ethernet0.generatedAddressOffset"));
        assertEquals("static", clone.get("ethernet1.addressType"));
        String staticMac = clone.get("ethernet1.address");
        assertTrue(staticMac.matches("00:50:56:[0-3][0-9a-f]:[0-9a-f]{2}:[0-9a-f]{2}"), staticMac);
        assertFalse(staticMac.equals("00:50:56:01:02:03"));
        // a vCenter-assigned address becomes a generated one (no vCenter assigns it here)
        assertEquals("generated", clone.get("ethernet2.addressType"));
        assertEquals("00:0c:29:ee:ff:0a", clone.get("ethernet2.generatedAddress"));
        assertEquals("10", clone.get("ethernet2.generatedAddressOffset"));
    }
}
