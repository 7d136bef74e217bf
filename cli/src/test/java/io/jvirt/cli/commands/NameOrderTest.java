package io.jvirt.cli.commands;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** virsh's name order, as `virsh -c test:///default` printed it (pool-list, vol-list, list, net-list). */
class NameOrderTest {
    @Test
    void asciiLettersCompareWithoutCase() {
        List<String> names = new ArrayList<>(List.of("PMemDS", "nfs41", "default-pool"));
        names.sort(NameOrder.VIRSH);
        assertEquals(List.of("default-pool", "nfs41", "PMemDS"), names);
        names = new ArrayList<>(List.of("Zed.img", "alpha.img"));
        names.sort(NameOrder.VIRSH);
        assertEquals(List.of("alpha.img", "Zed.img"), names);
        names = new ArrayList<>(List.of("Znet", "default", "anet"));
        names.sort(NameOrder.VIRSH);
        assertEquals(List.of("anet", "default", "Znet"), names);
    }

    @Test
    void aPrefixComesFirstAndOtherCharactersCompareByCode() {
        assertTrue(NameOrder.compare("vm", "VM1") < 0);
        assertEquals(0, NameOrder.compare("Web01", "wEB01"));
        // strcasecmp compares 'Z' as 'z' (0x7a), so '_' (0x5f) comes first; non-ASCII letters are not folded
        assertTrue(NameOrder.compare("a_b", "aZb") < 0);
        assertTrue(NameOrder.compare("zz", "\u00e9") < 0);
    }
}
