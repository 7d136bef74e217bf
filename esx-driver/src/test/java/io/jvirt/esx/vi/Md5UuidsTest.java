package io.jvirt.esx.vi;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Md5UuidsTest {
    @Test
    void rawDigestBytesAreTheUuid() {
        // md5("") = d41d8cd98f00b204e9800998ecf8427e; no version bits are set.
        assertEquals(UUID.fromString("d41d8cd9-8f00-b204-e980-0998ecf8427e"), Md5Uuids.of(""));
        // virsh net-info vSwitch0 against vcsim (notes/virsh-formats.md).
        assertEquals(UUID.fromString("2f467347-8b4e-8655-e7d6-c4c3fb968009"), Md5Uuids.of("key-vim.host.VirtualSwitch-vSwitch0"));
    }

    @Test
    void utf8() {
        // md5 of the UTF-8 bytes of "ä" (c3 a4) = 8419b71c87a225a2c70b50486fbee545
        assertEquals(UUID.fromString("8419b71c-87a2-25a2-c70b-50486fbee545"), Md5Uuids.of("ä"));
    }
}
