package io.jvirt.cli;

/** Marks a {@link VirshCommand} that changes something, so {@code -r} (read-only) refuses it. */
public interface Modifying {
}
