package io.jvirt.spi.keys;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Key codes of the common keys in libvirt's code sets (the table {@code keycodes.csv}, from
 * keycodemapdb): key names like virsh's ({@code KEY_A}, {@code KEY_LEFTCTRL}) and translation
 * between sets, e.g. to USB HID usages for vSphere's {@code PutUsbScanCodes}. The sets
 * {@code xt}, {@code atset2} and {@code atset3} are not in the table: translating from or to them
 * fails with a message saying so.
 */
public final class Keycodes {
    /** One key: its Linux name and its code in each set of the table, -1 where it has none. */
    record Key(String name, int linux, int atset1, int xtKbd, int usb, int osx, int win32) {
        int code(KeycodeSet set) {
            return switch (set) {
                case LINUX -> linux;
                case ATSET1 -> atset1;
                case XT_KBD -> xtKbd;
                case USB -> usb;
                case OSX -> osx;
                case WIN32 -> win32;
                case QNUM -> xtKbd < 0 ? -1 : xtKbd < 0x100 ? xtKbd : 0x80 | (xtKbd & 0x7f);
                default -> throw unsupported(set);
            };
        }
    }

    private static final List<Key> KEYS = load();

    private Keycodes() {
    }

    /**
     * The code of one argument of {@code send-key}: a number (decimal, {@code 0x} hex or
     * {@code 0} octal, as virsh's {@code strtol(..., 0)}) in {@code set}, or a key name of the
     * Linux set ({@code KEY_A}, case-insensitive) when {@code set} is {@code linux}; names are
     * also accepted for other sets and translated. INVALID_ARG naming the argument otherwise.
     */
    public static int parse(KeycodeSet set, String arg) {
        Optional<Integer> number = number(arg);
        if (number.isPresent()) {
            if (number.get() < 0 || number.get() > 0xffff) {
                throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "invalid keycode: '" + arg + "'");
            }
            return number.get();
        }
        String upper = arg.toUpperCase(Locale.ROOT);
        for (Key k : KEYS) {
            if (k.name().equals(upper)) {
                int code = k.code(set);
                if (code < 0) {
                    throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.NONE,
                            "key '" + arg + "' has no code in codeset " + set.virshName());
                }
                return code;
            }
        }
        throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "invalid keycode: '" + arg + "'");
    }

    /** {@code code} of set {@code from} in set {@code to}; INVALID_ARG when the table has no such key. */
    public static int translate(KeycodeSet from, int code, KeycodeSet to) {
        if (from == to) {
            return code;
        }
        for (Key k : KEYS) {
            if (k.code(from) == code) {
                int result = k.code(to);
                if (result >= 0) {
                    return result;
                }
            }
        }
        throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "cannot translate keycode " + code
                + " of codeset " + from.virshName() + " to codeset " + to.virshName());
    }

    /** The Linux name of a key of a set ({@code KEY_A}), if the table has it. */
    public static Optional<String> name(KeycodeSet set, int code) {
        return KEYS.stream().filter(k -> k.code(set) == code).map(Key::name).findFirst();
    }

    private static Optional<Integer> number(String arg) {
        try {
            if (arg.startsWith("0x") || arg.startsWith("0X")) {
                return Optional.of(Integer.parseInt(arg.substring(2), 16));
            }
            if (arg.length() > 1 && arg.startsWith("0")) {
                return Optional.of(Integer.parseInt(arg.substring(1), 8));
            }
            return Optional.of(Integer.parseInt(arg));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static HypervisorException unsupported(KeycodeSet set) {
        return new HypervisorException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.NONE, "codeset "
                + set.virshName() + " is not in jvirt's key table (use linux, usb, xt_kbd, atset1, os_x, win32 or qnum)");
    }

    private static List<Key> load() {
        List<Key> keys = new ArrayList<>();
        try (InputStream in = Keycodes.class.getResourceAsStream("keycodes.csv")) {
            if (in == null) {
                throw new IllegalStateException("keycodes.csv missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                keys.add(new Key(f[0], code(f[1]), code(f[2]), code(f[3]), code(f[4]), code(f[5]), code(f[6])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(keys);
    }

    private static int code(String field) {
        if (field.isEmpty()) {
            return -1;
        }
        return field.startsWith("0x") ? Integer.parseInt(field.substring(2), 16) : Integer.parseInt(field);
    }
}
