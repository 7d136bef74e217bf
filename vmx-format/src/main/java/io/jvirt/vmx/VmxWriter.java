package io.jvirt.vmx;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

/**
 * Builds VMX text: one {@code key = "value"} line per call, terminated by {@code \n}. VMX has no
 * escapes, so a value containing {@code "} or a line break cannot be written: that is a
 * {@link ErrorCode#CONFIG_UNSUPPORTED} error naming the key (libvirt writes a broken file instead).
 */
public final class VmxWriter {
    private final StringBuilder out = new StringBuilder(2048);

    public VmxWriter put(String key, String value) {
        return append(key, value, false);
    }

    /** Like {@link #put(String, String)}, but an error never shows the value (passwords). */
    public VmxWriter putSecret(String key, String value) {
        return append(key, value, true);
    }

    public VmxWriter put(String key, long value) {
        return put(key, Long.toString(value));
    }

    public VmxWriter put(String key, boolean value) {
        return put(key, value ? "true" : "false");
    }

    private VmxWriter append(String key, String value, boolean secret) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\n' || c == '\r') {
                throw HypervisorException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NONE,
                        "VMX entry '%s' cannot hold the value %s: it contains a double quote or a line break", key,
                        secret ? "(not shown)" : "'" + value + "'");
            }
        }
        out.append(key).append(" = \"").append(value).append("\"\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
