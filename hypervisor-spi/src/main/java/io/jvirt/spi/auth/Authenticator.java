package io.jvirt.spi.auth;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Supplies credentials when a driver asks for them, like libvirt's {@code virConnectAuth}: the
 * driver describes each credential it needs ({@link CredentialRequest}: type, prompt, the host
 * as challenge, a default) and the authenticator answers or declines.
 *
 * <p>Implementations must not log or echo secret answers.
 */
public interface Authenticator {

    /** The credential types this authenticator can answer. */
    Set<CredentialType> supportedTypes();

    /**
     * Answers one request, or returns empty when it cannot (the driver then fails with
     * {@code AUTH_FAILED}, or a chained authenticator is asked).
     */
    Optional<Secret> answer(CredentialRequest request);

    /** An authenticator that answers nothing: for drivers that need no credentials. */
    static Authenticator none() {
        return new Authenticator() {
            @Override
            public Set<CredentialType> supportedTypes() {
                return EnumSet.noneOf(CredentialType.class);
            }

            @Override
            public Optional<Secret> answer(CredentialRequest request) {
                return Optional.empty();
            }

            @Override
            public String toString() {
                return "Authenticator.none()";
            }
        };
    }

    /**
     * Answers user-name requests with {@code username} and secret requests with
     * {@code password}, whatever the host. The password is copied.
     */
    static Authenticator fixed(String username, char[] password) {
        Objects.requireNonNull(username, "username");
        Secret secret = Secret.of(password);
        return new Authenticator() {
            @Override
            public Set<CredentialType> supportedTypes() {
                return EnumSet.allOf(CredentialType.class);
            }

            @Override
            public Optional<Secret> answer(CredentialRequest request) {
                return switch (request.type()) {
                    case AUTHNAME, USERNAME, ECHOPROMPT -> Optional.of(Secret.of(username));
                    case PASSPHRASE, NOECHOPROMPT -> Optional.of(Secret.of(secret.chars()));
                };
            }

            @Override
            public String toString() {
                return "Authenticator.fixed(" + username + ", ****)";
            }
        };
    }

    /** Asks each authenticator in turn until one answers. */
    static Authenticator chain(Authenticator... authenticators) {
        List<Authenticator> list = List.of(authenticators);
        return new Authenticator() {
            @Override
            public Set<CredentialType> supportedTypes() {
                Set<CredentialType> all = EnumSet.noneOf(CredentialType.class);
                list.forEach(a -> all.addAll(a.supportedTypes()));
                return all;
            }

            @Override
            public Optional<Secret> answer(CredentialRequest request) {
                for (Authenticator a : list) {
                    if (a.supportedTypes().contains(request.type())) {
                        Optional<Secret> answer = a.answer(request);
                        if (answer.isPresent()) {
                            return answer;
                        }
                    }
                }
                return Optional.empty();
            }

            @Override
            public String toString() {
                return "Authenticator.chain" + list;
            }
        };
    }

    /** Answers from a libvirt {@code auth.conf} file (see {@link AuthConfig}). */
    static Authenticator authFile(Path file) {
        return AuthConfig.load(file).asAuthenticator();
    }

    /**
     * Prompts on the terminal like virsh: {@code Enter username for HOST [root]: } and
     * {@code Enter root password for HOST: } without echo.
     */
    static Authenticator console() {
        java.io.Console console = System.console();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
        return new ConsoleAuthenticator(console, in, System.err);
    }

    /** A prompting authenticator on explicit streams (for tests and batch use). */
    static Authenticator prompting(BufferedReader in, PrintStream out) {
        return new ConsoleAuthenticator(null, in, out);
    }
}
