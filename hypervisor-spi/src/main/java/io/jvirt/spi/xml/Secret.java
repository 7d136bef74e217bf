package io.jvirt.spi.xml;

import java.util.Objects;

/**
 * A password or other secret carried by a definition (e.g. the VNC {@code passwd}). Its
 * {@link #toString()} never shows the value, so records holding it can be logged safely.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The secret in clear text: only for writing it to its destination. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
