package io.jvirt.spi.keys;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

import java.util.Locale;

/** libvirt's key code sets ({@code virKeycodeSet}), with the names virsh's {@code send-key --codeset} takes. */
public enum KeycodeSet {
    LINUX("linux"), XT("xt"), ATSET1("atset1"), ATSET2("atset2"), ATSET3("atset3"), OSX("os_x"),
    XT_KBD("xt_kbd"), USB("usb"), WIN32("win32"), QNUM("qnum");

    private final String virshName;

    KeycodeSet(String virshName) {
        this.virshName = virshName;
    }

    /** The name virsh uses, e.g. {@code os_x}. */
    public String virshName() {
        return virshName;
    }

    /** A set by virsh's name ({@code rfb} is an old name of {@code qnum}); INVALID_ARG naming it when unknown. */
    public static KeycodeSet of(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("rfb")) {
            return QNUM;
        }
        for (KeycodeSet s : values()) {
            if (s.virshName.equals(n)) {
                return s;
            }
        }
        throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "unknown codeset: '" + name + "'");
    }
}
