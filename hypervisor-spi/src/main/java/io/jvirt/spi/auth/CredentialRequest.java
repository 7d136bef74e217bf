package io.jvirt.spi.auth;

import java.util.Objects;

/**
 * One question a driver asks an {@link Authenticator}.
 *
 * @param type          what is asked for
 * @param service       the service asking ({@code "esx"}), used to look up auth.conf entries
 * @param prompt        the text to show a person, without a trailing colon, e.g.
 *                      {@code "Enter username for esx1.example.com [root]"}
 * @param challenge     the host name the credential is for, so that a callback can tell an ESX
 *                      host from its vCenter
 * @param defaultResult the answer used when the person enters nothing, or {@code null}
 */
public record CredentialRequest(CredentialType type, String service, String prompt, String challenge,
                                String defaultResult) {
    public CredentialRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(challenge, "challenge");
    }
}
