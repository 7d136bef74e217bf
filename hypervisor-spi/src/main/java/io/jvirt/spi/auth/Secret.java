package io.jvirt.spi.auth;

import java.util.Arrays;
import java.util.Objects;

/**
 * An answer to a credential request. Holds its characters in an array that {@link #clear()}
 * wipes; {@link #toString()} never shows them, so a secret that ends up in a log line or an
 * exception message stays secret.
 */
public final class Secret implements AutoCloseable {
    private final char[] value;

    private Secret(char[] value) {
        this.value = value;
    }

    /** Wraps a copy of the characters. */
    public static Secret of(char[] value) {
        return new Secret(Objects.requireNonNull(value, "value").clone());
    }

    /** Wraps the characters of a string. */
    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value").toCharArray());
    }

    /** A copy of the characters; the caller should wipe it after use. */
    public char[] chars() {
        return value.clone();
    }

    /** The characters as a string, for APIs that need one (a SOAP Login call). */
    public String reveal() {
        return new String(value);
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    /** Overwrites the characters. */
    public void clear() {
        Arrays.fill(value, '\0');
    }

    @Override
    public void close() {
        clear();
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
