package io.jvirt.vmx;

/** Builds VMX text: one {@code key = "value"} line per call, terminated by {@code \n}. */
public final class VmxWriter {
    private final StringBuilder out = new StringBuilder(2048);

    public VmxWriter put(String key, String value) {
        out.append(key).append(" = \"").append(value).append("\"\n");
        return this;
    }

    public VmxWriter put(String key, long value) {
        return put(key, Long.toString(value));
    }

    public VmxWriter put(String key, boolean value) {
        return put(key, value ? "true" : "false");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
