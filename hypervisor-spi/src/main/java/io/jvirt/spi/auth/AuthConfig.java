package io.jvirt.spi.auth;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.uri.ConnectionUri;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A libvirt {@code auth.conf} file: credential sets and which host uses which set.
 * <pre>
 * [credentials-esx]
 * username=root
 * password=secret
 *
 * [auth-esx-esx1.example.com]
 * credentials=esx
 * </pre>
 * A lookup for service {@code S} and host {@code H} uses section {@code [auth-S-H]}, else
 * {@code [auth-S-default]}; its {@code credentials} key names the {@code [credentials-NAME]}
 * section holding {@code username} and {@code password}. Lines starting with {@code #} or
 * {@code ;} are comments. Syntax errors name the file and line; passwords never appear in
 * messages or {@link #toString()}.
 */
public final class AuthConfig {
    private final String source;
    private final Map<String, Map<String, String>> sections;

    private AuthConfig(String source, Map<String, Map<String, String>> sections) {
        this.source = source;
        this.sections = sections;
    }

    /** Reads and parses a file; unreadable file or bad syntax gives {@code CONF_SYNTAX}/{@code AUTH_FAILED}. */
    public static AuthConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HypervisorException(ErrorCode.AUTH_FAILED, ErrorDomain.AUTH,
                    "cannot read auth file '" + file + "': " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Parses auth.conf text; {@code source} names it in error messages. */
    public static AuthConfig parse(String text, String source) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    throw syntax(source, i + 1, "malformed section header '" + line + "'");
                }
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1).strip(), k -> new LinkedHashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw syntax(source, i + 1, "expected 'key=value' but found '" + firstWord(line) + "'");
            }
            if (current == null) {
                throw syntax(source, i + 1, "key '" + line.substring(0, eq).strip() + "' outside of any [section]");
            }
            current.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return new AuthConfig(source, sections);
    }

    private static String firstWord(String line) {
        // Never echo a whole line: it may be a mistyped password.
        int sp = line.indexOf(' ');
        String word = sp > 0 ? line.substring(0, sp) : line;
        return word.length() > 20 ? word.substring(0, 20) + "..." : word;
    }

    private static HypervisorException syntax(String source, int line, String what) {
        return new HypervisorException(ErrorCode.CONF_SYNTAX, ErrorDomain.AUTH,
                "auth file '" + source + "' line " + line + ": " + what);
    }

    /**
     * Looks up a credential value ({@code username}, {@code password}) for a service and host.
     * Empty when no section applies or the set lacks the key; a reference to a missing
     * credential set is an error.
     */
    public Optional<String> lookup(String service, String host, String key) {
        Map<String, String> auth = sections.get("auth-" + service + "-" + host);
        if (auth == null) {
            auth = sections.get("auth-" + service + "-default");
        }
        if (auth == null || !auth.containsKey("credentials")) {
            return Optional.empty();
        }
        String name = auth.get("credentials");
        Map<String, String> credentials = sections.get("credentials-" + name);
        if (credentials == null) {
            throw new HypervisorException(ErrorCode.AUTH_FAILED, ErrorDomain.AUTH,
                    "auth file '" + source + "': section [auth-" + service + "-" + host
                            + "] refers to credentials '" + name + "' but there is no [credentials-" + name + "] section");
        }
        return Optional.ofNullable(credentials.get(key));
    }

    /** This file as an authenticator: user names and passwords for the request's service and host. */
    public Authenticator asAuthenticator() {
        return new Authenticator() {
            @Override
            public Set<CredentialType> supportedTypes() {
                return EnumSet.of(CredentialType.AUTHNAME, CredentialType.USERNAME,
                        CredentialType.PASSPHRASE, CredentialType.NOECHOPROMPT);
            }

            @Override
            public Optional<Secret> answer(CredentialRequest request) {
                String key = switch (request.type()) {
                    case AUTHNAME, USERNAME -> "username";
                    case PASSPHRASE, NOECHOPROMPT -> "password";
                    default -> null;
                };
                if (key == null) {
                    return Optional.empty();
                }
                return lookup(request.service(), request.challenge(), key).map(Secret::of);
            }

            @Override
            public String toString() {
                return "Authenticator.authFile(" + source + ")";
            }
        };
    }

    /** The environment variables that {@link #locate} reads. */
    private static final Set<String> LOCATE_VARIABLES = Set.of("LIBVIRT_AUTH_FILE", "XDG_CONFIG_HOME", "HOME");

    /**
     * The environment a driver locates the auth file in: the process environment, with
     * {@code LIBVIRT_AUTH_FILE}, {@code XDG_CONFIG_HOME} and {@code HOME} taken from
     * {@code options} (the {@code env} map of {@code ConnectionFactory.open}) where it has them as
     * a {@code String} or {@code Path}. So a caller (jvirsh's {@code --auth-file}, a service with
     * one auth file per tenant) chooses the file per connection, without changing its process's
     * environment.
     */
    public static Map<String, String> environment(Map<String, ?> options) {
        Map<String, String> process = System.getenv();
        if (options == null || options.keySet().stream().noneMatch(LOCATE_VARIABLES::contains)) {
            return process;
        }
        Map<String, String> env = new java.util.HashMap<>(process);
        for (String name : LOCATE_VARIABLES) {
            Object value = options.get(name);
            if (value instanceof String || value instanceof Path) {
                env.put(name, value.toString());
            } else if (value != null) {
                throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.AUTH,
                        "option '" + name + "' must be a String or a Path, not " + value.getClass().getSimpleName());
            }
        }
        return env;
    }

    /**
     * Finds the auth file libvirt would use: {@code LIBVIRT_AUTH_FILE}, else the URI's
     * {@code authfile} parameter, else {@code $XDG_CONFIG_HOME/libvirt/auth.conf} (default
     * {@code ~/.config}), else {@code /etc/libvirt/auth.conf}, each only if readable.
     *
     * @param env the environment to read (normally {@link System#getenv()})
     */
    public static Optional<Path> locate(ConnectionUri uri, Map<String, String> env) {
        String explicit = env.get("LIBVIRT_AUTH_FILE");
        if (explicit != null && !explicit.isEmpty()) {
            return Optional.of(Path.of(explicit));
        }
        if (uri != null) {
            Optional<String> param = uri.parameter("authfile");
            if (param.isPresent() && !param.get().isEmpty()) {
                return Optional.of(Path.of(param.get()));
            }
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        Path user = xdg != null && !xdg.isEmpty() ? Path.of(xdg, "libvirt", "auth.conf")
                : home != null ? Path.of(home, ".config", "libvirt", "auth.conf") : null;
        if (user != null && Files.isReadable(user)) {
            return Optional.of(user);
        }
        Path system = Path.of("/etc/libvirt/auth.conf");
        return Files.isReadable(system) ? Optional.of(system) : Optional.empty();
    }

    @Override
    public String toString() {
        return "AuthConfig[" + source + ", " + sections.size() + " sections]";
    }
}
