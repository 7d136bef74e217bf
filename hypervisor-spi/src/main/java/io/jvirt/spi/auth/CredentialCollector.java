package io.jvirt.spi.auth;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.uri.ConnectionUri;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a driver uses to obtain a user name and password, the way libvirt's auth helpers do:
 * the auth.conf file (located by {@link AuthConfig#locate}) is consulted first, then the caller's
 * {@link Authenticator}. A user name in the URI skips the user-name question.
 *
 * <p>Errors: no authenticator and no auth.conf answer gives {@code AUTH_UNAVAILABLE}; an
 * authenticator that lacks the credential type or declines gives {@code AUTH_FAILED}.
 */
public final class CredentialCollector {
    private final String service;
    private final Authenticator authenticator;
    private final Authenticator authFile;

    /**
     * @param service       the auth.conf service name ({@code "esx"})
     * @param authenticator the caller's authenticator (may be {@code null})
     * @param uri           the connection URI (its {@code authfile} parameter is honoured)
     * @param env           the environment ({@code LIBVIRT_AUTH_FILE}, {@code XDG_CONFIG_HOME})
     */
    public CredentialCollector(String service, Authenticator authenticator, ConnectionUri uri, Map<String, String> env) {
        this.service = Objects.requireNonNull(service, "service");
        this.authenticator = authenticator;
        Optional<Path> file = AuthConfig.locate(uri, env);
        this.authFile = file.map(Authenticator::authFile).orElse(null);
    }

    /** The user name: from the URI, else auth.conf, else the authenticator with a default. */
    public String username(ConnectionUri uri, String host, String defaultUser) {
        if (uri.user() != null && !uri.user().isEmpty()) {
            return uri.user();
        }
        CredentialRequest request = new CredentialRequest(CredentialType.AUTHNAME, service,
                "Enter username for " + host + " [" + defaultUser + "]", host, defaultUser);
        try (Secret s = ask(request, "username", CredentialType.AUTHNAME, CredentialType.USERNAME)) {
            return s.reveal();
        }
    }

    /** The password for {@code user} on {@code host}: auth.conf, else the authenticator. */
    public Secret password(String user, String host) {
        CredentialRequest request = new CredentialRequest(CredentialType.PASSPHRASE, service,
                "Enter " + user + " password for " + host, host, null);
        return ask(request, "password", CredentialType.PASSPHRASE, CredentialType.NOECHOPROMPT);
    }

    private Secret ask(CredentialRequest request, String what, CredentialType first, CredentialType second) {
        if (authFile != null) {
            Optional<Secret> answer = authFile.answer(request);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        if (authenticator == null) {
            throw new HypervisorException(ErrorCode.AUTH_UNAVAILABLE, ErrorDomain.AUTH,
                    "Missing authentication credentials: no authenticator to ask for the " + what + " for " + request.challenge());
        }
        CredentialType type = authenticator.supportedTypes().contains(first) ? first
                : authenticator.supportedTypes().contains(second) ? second : null;
        if (type == null) {
            throw new HypervisorException(ErrorCode.AUTH_FAILED, ErrorDomain.AUTH,
                    "Missing " + first + " or " + second + " credential type: the authenticator cannot supply a " + what);
        }
        CredentialRequest typed = new CredentialRequest(type, request.service(), request.prompt(),
                request.challenge(), request.defaultResult());
        Optional<Secret> answer = authenticator.answer(typed);
        if (answer.isEmpty()) {
            throw new HypervisorException(ErrorCode.AUTH_FAILED, ErrorDomain.AUTH,
                    Character.toUpperCase(what.charAt(0)) + what.substring(1) + " request failed for " + request.challenge());
        }
        if (answer.get().isEmpty() && request.defaultResult() != null) {
            return Secret.of(request.defaultResult());
        }
        return answer.get();
    }
}
