package io.jvirt.esx.console;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.keys.KeycodeSet;
import io.jvirt.spi.keys.Keycodes;
import io.jvirt.vim25.UsbScanCodeSpec;
import io.jvirt.vim25.UsbScanCodeSpecKeyEvent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * virsh's key codes to PutUsbScanCodes events. Expected USB usages from the USB HID Usage Tables
 * (keyboard page 7: a = 0x04, Delete Forward = 0x4C, Left Control = 0xE0, Left Alt = 0xE2).
 */
class KeySenderTest {

    private static int[] linux(String... names) {
        int[] codes = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            codes[i] = Keycodes.parse(KeycodeSet.LINUX, names[i]);
        }
        return codes;
    }

    @Test
    void ctrlAltDelIsOneEventWithModifiers() {
        UsbScanCodeSpec spec = KeySender.spec(KeycodeSet.LINUX, 0, linux("KEY_LEFTCTRL", "KEY_LEFTALT", "KEY_DELETE"));
        assertEquals(1, spec.getKeyEvents().size());
        UsbScanCodeSpecKeyEvent e = spec.getKeyEvents().get(0);
        assertEquals((0x4C << 16) | 7, e.getUsbHidCode());
        assertTrue(e.getModifiers().isLeftControl());
        assertTrue(e.getModifiers().isLeftAlt());
        assertNull(e.getModifiers().isLeftShift());
    }

    @Test
    void plainKeysAndOtherCodeSets() {
        UsbScanCodeSpec spec = KeySender.spec(KeycodeSet.LINUX, 0, new int[] {30, 48});
        assertEquals((0x04 << 16) | 7, spec.getKeyEvents().get(0).getUsbHidCode());
        assertEquals((0x05 << 16) | 7, spec.getKeyEvents().get(1).getUsbHidCode());
        assertNull(spec.getKeyEvents().get(0).getModifiers());
        // usb codes pass through; xt_kbd 0x11c is the keypad Enter (usage 0x58)
        assertEquals((0x04 << 16) | 7, KeySender.spec(KeycodeSet.USB, 0, new int[] {4}).getKeyEvents().get(0).getUsbHidCode());
        assertEquals((0x58 << 16) | 7, KeySender.spec(KeycodeSet.XT_KBD, 0, new int[] {0x11c}).getKeyEvents().get(0).getUsbHidCode());
    }

    @Test
    void refusals() {
        HypervisorException hold = assertThrows(HypervisorException.class,
                () -> KeySender.spec(KeycodeSet.LINUX, 100, new int[] {30}));
        assertEquals(ErrorCode.ARGUMENT_UNSUPPORTED, hold.code());
        assertTrue(hold.getMessage().contains("hold time"), hold.getMessage());
        assertEquals(ErrorCode.INVALID_ARG, assertThrows(HypervisorException.class,
                () -> KeySender.spec(KeycodeSet.LINUX, 0, new int[17])).code());
        HypervisorException unknown = assertThrows(HypervisorException.class,
                () -> KeySender.spec(KeycodeSet.LINUX, 0, new int[] {9999}));
        assertTrue(unknown.getMessage().contains("9999"), unknown.getMessage());
        HypervisorException xt = assertThrows(HypervisorException.class,
                () -> KeySender.spec(KeycodeSet.ATSET2, 0, new int[] {28}));
        assertTrue(xt.getMessage().contains("atset2"), xt.getMessage());
    }

    @Test
    void keyNamesLikeVirshs() {
        assertEquals(30, Keycodes.parse(KeycodeSet.LINUX, "KEY_A"));
        assertEquals(30, Keycodes.parse(KeycodeSet.LINUX, "key_a"));
        assertEquals(29, Keycodes.parse(KeycodeSet.LINUX, "KEY_LEFTCTRL"));
        assertEquals(0x1e, Keycodes.parse(KeycodeSet.LINUX, "0x1e"));
        assertEquals(4, Keycodes.parse(KeycodeSet.USB, "KEY_A"), "a name in another set is that key's code there");
        assertEquals(KeycodeSet.QNUM, KeycodeSet.of("rfb"));
        assertEquals(ErrorCode.INVALID_ARG, assertThrows(HypervisorException.class,
                () -> Keycodes.parse(KeycodeSet.LINUX, "KEY_NOPE")).code());
    }
}
