package io.jvirt.esx.domain;

import io.jvirt.esx.node.Uuids;
import io.jvirt.esx.vi.ObjectProps;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vim25.ManagedEntityStatus;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.UUID;

/** Name, UUID and id of a VM as libvirt derives them (esx-spec 2.0, "VM identity"). */
public final class VmIdentity {
    private static final System.Logger LOG = System.getLogger(VmIdentity.class.getName());

    private VmIdentity() {
    }

    /** The id from a MOR value: {@code 42} or {@code vm-42}; must be positive. */
    public static int id(String morValue) {
        OptionalInt parsed = parsePositive(morValue);
        if (parsed.isEmpty() && morValue.startsWith("vm-")) {
            parsed = parsePositive(morValue.substring(3));
        }
        return parsed.orElseThrow(() -> new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                "Could not parse positive integer from '" + morValue + "'"));
    }

    private static OptionalInt parsePositive(String s) {
        try {
            int v = Integer.parseInt(s);
            return v > 0 ? OptionalInt.of(v) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The VM's name with {@code %XX} escapes decoded (vSphere escapes '%', '/' and '\'). */
    public static String name(ObjectProps vm) {
        String raw = vm.string("name").orElseThrow(() -> new HypervisorException(ErrorCode.INTERNAL_ERROR,
                ErrorDomain.ESX, "Could not get name of virtual machine"));
        return unescape(raw);
    }

    /** A name as vSphere stores it: {@code %}, {@code /} and {@code \} as {@code %XX} escapes. */
    public static String escape(String name) {
        if (name.indexOf('%') < 0 && name.indexOf('/') < 0 && name.indexOf('\\') < 0) {
            return name;
        }
        return name.replace("%", "%25").replace("/", "%2f").replace("\\", "%5c");
    }

    static String unescape(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%') {
                if (i + 2 >= bytes.length || Character.digit(bytes[i + 1], 16) < 0 || Character.digit(bytes[i + 2], 16) < 0) {
                    throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                            "Domain name contains invalid escape sequence");
                }
                out.write(Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** {@code config.uuid} when {@code configStatus} is green, else all zeros (with a warning). */
    public static UUID uuid(ObjectProps vm) {
        Object status = vm.get("configStatus").orElse(null);
        String statusText = status instanceof ManagedEntityStatus s ? s.value() : String.valueOf(status);
        if (!"green".equals(statusText)) {
            LOG.log(System.Logger.Level.WARNING,
                    "Cannot access UUID, because 'configStatus' property indicates a config problem");
            return new UUID(0, 0);
        }
        String text = vm.string("config.uuid").orElseThrow(() -> new HypervisorException(ErrorCode.INTERNAL_ERROR,
                ErrorDomain.ESX, "Could not get UUID of virtual machine"));
        return Uuids.parse(text).orElseThrow(() -> new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                "Could not parse UUID from string '" + text + "'"));
    }
}
