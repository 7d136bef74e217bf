package io.jvirt.spi.xml;

import java.util.Objects;

/**
 * A password or other secret carried by a definition (e.g. the VNC {@code passwd}). Its
 * {@link #toString()} never shows the value, so records holding it can be logged safely.
 */
public final class Password {
    private final String value;

    private Password(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Password of(String value) {
        return new Password(value);
    }

    /** The secret in clear text: only for writing it to its destination. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Password s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Password[****]";
    }
}
