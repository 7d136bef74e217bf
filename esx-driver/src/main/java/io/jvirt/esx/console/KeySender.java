package io.jvirt.esx.console;

import io.jvirt.esx.domain.EsxDomain;
import io.jvirt.esx.domain.WriteContext;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.keys.KeycodeSet;
import io.jvirt.spi.keys.Keycodes;
import io.jvirt.vim25.UsbScanCodeSpec;
import io.jvirt.vim25.UsbScanCodeSpecKeyEvent;
import io.jvirt.vim25.UsbScanCodeSpecModifierType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code virDomainSendKey} with vSphere's {@code PutUsbScanCodes} (vSphere 6.5 and later): the
 * keys are translated to USB HID usages; the modifier keys among them (Ctrl, Shift, Alt, GUI,
 * left and right, usages 0xE0-0xE7) become the modifiers of every other key's event, so
 * {@code KEY_LEFTCTRL KEY_LEFTALT KEY_DELETE} is one Ctrl+Alt+Del event, as pressing them
 * together is. The API presses and releases each event at once: a hold time is refused.
 */
public final class KeySender {
    /** libvirt's limit ({@code VIR_DOMAIN_SEND_KEY_MAX_KEYS}). */
    public static final int MAX_KEYS = 16;
    private static final int FIRST_MODIFIER = 0xE0;
    private static final int LAST_MODIFIER = 0xE7;

    private final WriteContext ctx;

    public KeySender(WriteContext ctx) {
        this.ctx = ctx;
    }

    public void send(EsxDomain d, KeycodeSet codeset, int holdTimeMs, int[] keycodes) {
        UsbScanCodeSpec spec = spec(codeset, holdTimeMs, keycodes);
        if (ctx.primary().apiVersion() < 6_005_000L) {
            throw new HypervisorException(ErrorCode.NO_SUPPORT, ErrorDomain.ESX,
                    "sending keys needs vSphere 6.5 or later (PutUsbScanCodes)");
        }
        ctx.primary().call("PutUsbScanCodes", p -> p.putUsbScanCodes(d.mor(), spec));
    }

    /** The request for {@code keycodes} of {@code codeset}; INVALID_ARG naming what is wrong. */
    public static UsbScanCodeSpec spec(KeycodeSet codeset, int holdTimeMs, int[] keycodes) {
        if (keycodes == null || keycodes.length == 0 || keycodes.length > MAX_KEYS) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                    "between 1 and " + MAX_KEYS + " keys can be sent at once, not " + (keycodes == null ? 0 : keycodes.length));
        }
        if (holdTimeMs > 0) {
            throw new HypervisorException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.ESX, "a hold time ("
                    + holdTimeMs + " ms) cannot be given: vSphere's PutUsbScanCodes presses and releases each key at once");
        }
        List<Integer> usages = new ArrayList<>();
        for (int code : keycodes) {
            usages.add(Keycodes.translate(codeset, code, KeycodeSet.USB));
        }
        UsbScanCodeSpecModifierType modifiers = new UsbScanCodeSpecModifierType();
        boolean anyModifier = false;
        List<Integer> keys = new ArrayList<>();
        for (int usage : usages) {
            if (usage >= FIRST_MODIFIER && usage <= LAST_MODIFIER) {
                setModifier(modifiers, usage);
                anyModifier = true;
            } else {
                keys.add(usage);
            }
        }
        UsbScanCodeSpec spec = new UsbScanCodeSpec();
        if (keys.isEmpty()) {
            // only modifiers: each is pressed on its own
            for (int usage : usages) {
                spec.getKeyEvents().add(event(usage, null));
            }
            return spec;
        }
        for (int usage : keys) {
            spec.getKeyEvents().add(event(usage, anyModifier ? modifiers : null));
        }
        return spec;
    }

    /** vSphere's {@code usbHidCode}: the usage (page 7, keyboard) shifted left by 16, ORed with 7. */
    static int hidCode(int usage) {
        return (usage << 16) | 7;
    }

    private static UsbScanCodeSpecKeyEvent event(int usage, UsbScanCodeSpecModifierType modifiers) {
        UsbScanCodeSpecKeyEvent e = new UsbScanCodeSpecKeyEvent();
        e.setUsbHidCode(hidCode(usage));
        e.setModifiers(modifiers);
        return e;
    }

    private static void setModifier(UsbScanCodeSpecModifierType m, int usage) {
        switch (usage) {
            case 0xE0 -> m.setLeftControl(true);
            case 0xE1 -> m.setLeftShift(true);
            case 0xE2 -> m.setLeftAlt(true);
            case 0xE3 -> m.setLeftGui(true);
            case 0xE4 -> m.setRightControl(true);
            case 0xE5 -> m.setRightShift(true);
            case 0xE6 -> m.setRightAlt(true);
            default -> m.setRightGui(true);
        }
    }
}
