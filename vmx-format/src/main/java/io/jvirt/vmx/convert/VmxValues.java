package io.jvirt.vmx.convert;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.xml.Uuids;
import io.jvirt.vmx.VmxEntry;
import io.jvirt.vmx.VmxFile;

import java.util.UUID;

/**
 * Typed reading of VMX entries for the VMX to domain XML conversion. Every error is an
 * {@code INTERNAL_ERROR} (as libvirt's VMX reader) naming the key, its line and the value.
 */
final class VmxValues {
    private final VmxFile file;

    VmxValues(VmxFile file) {
        this.file = file;
    }

    VmxFile file() {
        return file;
    }

    /** The error for a key, with " (line N)" appended when the key is in the file. */
    HypervisorException error(String key, String format, Object... args) {
        return error(ErrorCode.INTERNAL_ERROR, key, format, args);
    }

    HypervisorException error(ErrorCode code, String key, String format, Object... args) {
        String message = String.format(format, args);
        VmxEntry e = key == null ? null : file.entry(key);
        if (e != null && e.line() > 0) {
            message += " (line " + e.line() + ")";
        }
        return new HypervisorException(code, ErrorDomain.NONE, message);
    }

    String string(String key) {
        return file.get(key);
    }

    String requiredString(String key) {
        String v = file.get(key);
        if (v == null) {
            throw error(key, "Missing essential config entry '%s'", key);
        }
        return v;
    }

    /** A signed decimal integer; {@code unlimited} (any case) is -1; absent gives the default. */
    long longValue(String key, long dflt) {
        String v = file.get(key);
        if (v == null) {
            return dflt;
        }
        if (v.equalsIgnoreCase("unlimited")) {
            return -1;
        }
        // like strtoll, leading white space is skipped (trailing text is not allowed)
        int start = 0;
        while (start < v.length() && " \t\n\u000b\f\r".indexOf(v.charAt(start)) >= 0) {
            start++;
        }
        Long parsed = parseLong(v.substring(start));
        if (parsed == null) {
            throw error(key, "Config entry '%s' must represent an integer value but found '%s'", key, v);
        }
        return parsed;
    }

    long requiredLong(String key) {
        requiredString(key);
        return longValue(key, 0);
    }

    boolean bool(String key, boolean dflt) {
        String v = file.get(key);
        if (v == null) {
            return dflt;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw error(key, "Config entry '%s' must represent a boolean value (true|false) but found '%s'", key, v);
    }

    UUID uuid(String key) {
        String v = file.get(key);
        if (v == null) {
            return null;
        }
        UUID u = Uuids.tryParse(v);
        if (u == null) {
            throw error(key, "Could not parse UUID from string '%s' of VMX entry '%s'", v, key);
        }
        return u;
    }

    /** Whole-string signed decimal, or null (also on overflow). */
    static Long parseLong(String v) {
        int i = 0;
        boolean negative = false;
        if (!v.isEmpty() && (v.charAt(0) == '-' || v.charAt(0) == '+')) {
            negative = v.charAt(0) == '-';
            i = 1;
        }
        if (i >= v.length()) {
            return null;
        }
        long result = 0;
        for (; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            if (result > (Long.MAX_VALUE - (c - '0')) / 10) {
                return null;
            }
            result = result * 10 + (c - '0');
        }
        return negative ? -result : result;
    }

    static boolean endsWithIgnoreCase(String s, String suffix) {
        return s != null && s.regionMatches(true, s.length() - suffix.length(), suffix, 0, suffix.length());
    }
}
