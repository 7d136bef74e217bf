package io.jvirt.vmx;

/**
 * One {@code key = "value"} statement of a VMX file.
 *
 * @param key   the key as written
 * @param value the value without quotes
 * @param line  the 1-based line the statement starts on (0 for entries not read from a file)
 */
public record VmxEntry(String key, String value, int line) {
}
