package io.jvirt.cli.session;

import io.jvirt.spi.auth.Authenticator;

import java.nio.file.Path;

/**
 * How to connect.
 *
 * @param uri              the connection URI, or {@code null} when none was given
 * @param readOnly         {@code -r}: refuse commands that change anything
 * @param authFile         {@code --auth-file} or {@code LIBVIRT_AUTH_FILE}, or {@code null}
 * @param fixedCredentials credentials known in advance (the embedded simulator's), or {@code null}
 */
public record SessionSettings(String uri, boolean readOnly, Path authFile, Authenticator fixedCredentials) {
}
