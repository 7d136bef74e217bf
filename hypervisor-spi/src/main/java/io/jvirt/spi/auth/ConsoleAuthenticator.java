package io.jvirt.spi.auth;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Prompts a person for credentials. On a real terminal secrets are read without echo through
 * {@link Console#readPassword}; otherwise lines are read from the given reader (a pipe, a test).
 * The prompt is the request's text followed by {@code ": "}; an empty answer takes the default.
 */
final class ConsoleAuthenticator implements Authenticator {
    private final Console console;
    private final BufferedReader in;
    private final PrintStream out;

    ConsoleAuthenticator(Console console, BufferedReader in, PrintStream out) {
        this.console = console;
        this.in = in;
        this.out = out;
    }

    @Override
    public Set<CredentialType> supportedTypes() {
        return EnumSet.allOf(CredentialType.class);
    }

    @Override
    public Optional<Secret> answer(CredentialRequest request) {
        String prompt = request.prompt() + ": ";
        char[] line;
        if (console != null) {
            line = request.type().isSecret() ? console.readPassword("%s", prompt)
                    : toChars(console.readLine("%s", prompt));
        } else {
            out.print(prompt);
            out.flush();
            try {
                line = toChars(in.readLine());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read credentials from standard input", e);
            }
            if (request.type().isSecret()) {
                out.println();
            }
        }
        if (line == null) {
            return Optional.empty();
        }
        if (line.length == 0 && request.defaultResult() != null) {
            return Optional.of(Secret.of(request.defaultResult()));
        }
        return Optional.of(Secret.of(line));
    }

    private static char[] toChars(String s) {
        return s == null ? null : s.toCharArray();
    }

    @Override
    public String toString() {
        return "Authenticator.console()";
    }
}
