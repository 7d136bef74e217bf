package io.jvirt.spi.uri;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed connection URI such as {@code esx://root@host:443/?no_verify=1}, following libvirt's
 * URI rules so that the URIs users already have keep working:
 * <ul>
 *   <li>{@code scheme://[user@]host[:port][/path][?query]}; {@code scheme:///path} has no server
 *       part (local drivers such as {@code test:///default});</li>
 *   <li>a missing path is the empty string; the port is {@code -1} when absent;</li>
 *   <li>user, host, path and query names/values are %XX-decoded; {@code +} is <em>not</em> a
 *       space;</li>
 *   <li>query items are separated by {@code &} (a {@code ;} separates only where no {@code &}
 *       remains), a bare name has the value "", empty items and items starting with {@code =}
 *       are skipped; parameter names compare case-insensitively and a later occurrence
 *       overrides an earlier one (see {@link #parameter(String)}).</li>
 * </ul>
 * A password in the user-info part ({@code user:secret@host}) is accepted but never kept in
 * {@link #toString()} or in error messages.
 *
 * @param scheme     the scheme, as written (drivers match it case-sensitively, like libvirt)
 * @param user       the decoded user name, or {@code null}
 * @param host       the decoded host name (brackets of an IPv6 literal removed), or {@code null}
 * @param port       the port, or {@code -1}
 * @param path       the decoded path, {@code ""} when absent
 * @param parameters the query parameters in the order written
 */
public record ConnectionUri(String scheme, String user, String host, int port, String path,
                            List<QueryParameter> parameters) {

    public ConnectionUri {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(path, "path");
        parameters = List.copyOf(parameters);
    }

    /** One {@code name=value} item of the query string. */
    public record QueryParameter(String name, String value) {
        public QueryParameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Parses a URI, throwing {@link ErrorCode#INVALID_ARG} with a message naming the problem. */
    public static ConnectionUri parse(String uri) {
        return UriParser.parse(uri);
    }

    /** True when the URI names a server ({@code esx://host/}), false for {@code test:///default}. */
    public boolean hasServer() {
        return host != null && !host.isEmpty();
    }

    /**
     * The value of the last occurrence of a parameter, names compared case-insensitively.
     */
    public Optional<String> parameter(String name) {
        String found = null;
        for (QueryParameter p : parameters) {
            if (p.name().equalsIgnoreCase(name)) {
                found = p.value();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The port, or {@code defaultPort} when the URI has none. */
    public int portOr(int defaultPort) {
        return port < 0 ? defaultPort : port;
    }

    /** A copy with another port (drivers write the chosen default port back, like libvirt). */
    public ConnectionUri withPort(int newPort) {
        return new ConnectionUri(scheme, user, host, newPort, path, parameters);
    }

    /** A copy with another user name. */
    public ConnectionUri withUser(String newUser) {
        return new ConnectionUri(scheme, newUser, host, port, path, parameters);
    }

    /** The URI in canonical form; %-encodes what needs it; never contains a password. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(scheme).append("://");
        if (user != null) {
            sb.append(encode(user, "")).append('@');
        }
        if (host != null) {
            sb.append(host.indexOf(':') >= 0 ? "[" + host + "]" : encode(host, ""));
        }
        if (port >= 0) {
            sb.append(':').append(port);
        }
        sb.append(encode(path, "/"));
        if (!parameters.isEmpty()) {
            sb.append('?');
            for (int i = 0; i < parameters.size(); i++) {
                if (i > 0) {
                    sb.append('&');
                }
                QueryParameter p = parameters.get(i);
                sb.append(encode(p.name(), "")).append('=').append(encode(p.value(), "/:*,"));
            }
        }
        return sb.toString();
    }

    private static String encode(String s, String alsoSafe) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~".indexOf(c) >= 0 || alsoSafe.indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    /** The parser; package-private so that the record stays a plain value. */
    static final class UriParser {
        private UriParser() {
        }

        static ConnectionUri parse(String uri) {
            if (uri == null || uri.isBlank()) {
                throw invalid("connection URI must not be empty");
            }
            String text = uri.strip();
            int colon = text.indexOf(':');
            if (colon <= 0 || !validScheme(text.substring(0, colon))) {
                throw invalid("connection URI '" + masked(text) + "' has no scheme: expected for example 'esx://host/' or 'test:///default'");
            }
            String scheme = text.substring(0, colon);
            String rest = text.substring(colon + 1);
            if (!rest.startsWith("//")) {
                throw invalid("connection URI '" + masked(text) + "' must have the form " + scheme + "://[user@]host[:port]/[path][?params]");
            }
            rest = rest.substring(2);
            String query = null;
            int q = rest.indexOf('?');
            if (q >= 0) {
                query = rest.substring(q + 1);
                rest = rest.substring(0, q);
            }
            int hash = (query != null ? query : rest).indexOf('#');
            if (hash >= 0) {
                if (query != null) {
                    query = query.substring(0, hash);
                } else {
                    rest = rest.substring(0, hash);
                }
            }
            int slash = rest.indexOf('/');
            String authority = slash >= 0 ? rest.substring(0, slash) : rest;
            String rawPath = slash >= 0 ? rest.substring(slash) : "";

            String user = null;
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                String userInfo = authority.substring(0, at);
                authority = authority.substring(at + 1);
                int pw = userInfo.indexOf(':');
                // A password in the URI is dropped on purpose: it must never be echoed.
                user = decode(pw >= 0 ? userInfo.substring(0, pw) : userInfo, "user name", text);
            }
            String host;
            int port = -1;
            String portText = null;
            if (authority.startsWith("[")) {
                int close = authority.indexOf(']');
                if (close < 0) {
                    throw invalid("connection URI '" + masked(text) + "' has an unterminated IPv6 address");
                }
                host = authority.substring(1, close);
                String after = authority.substring(close + 1);
                if (after.startsWith(":")) {
                    portText = after.substring(1);
                } else if (!after.isEmpty()) {
                    throw invalid("connection URI '" + masked(text) + "' has unexpected text '" + after + "' after the IPv6 address");
                }
            } else {
                int pc = authority.lastIndexOf(':');
                if (pc >= 0) {
                    portText = authority.substring(pc + 1);
                    authority = authority.substring(0, pc);
                }
                if (authority.indexOf('[') >= 0 || authority.indexOf(']') >= 0) {
                    throw invalid("connection URI '" + masked(text) + "' has an invalid host name '" + authority
                            + "' (an IPv6 address goes in brackets: [::1])");
                }
                host = decode(authority, "host name", text);
                if (host.indexOf(':') >= 0) {
                    throw invalid("connection URI '" + masked(text) + "' has an invalid host name '" + host
                            + "' (an IPv6 address goes in brackets: [::1])");
                }
            }
            if (portText != null && !portText.isEmpty()) {
                port = parsePort(portText, text);
            }
            if (host != null && host.isEmpty()) {
                host = null;
                if (user != null || port >= 0) {
                    throw invalid("connection URI '" + masked(text) + "' has a user or port but no host name");
                }
            }
            String path = decode(rawPath, "path", text);
            return new ConnectionUri(scheme, user, host, port, path, parseQuery(query, text));
        }

        private static boolean validScheme(String s) {
            if (!Character.isLetter(s.charAt(0))) {
                return false;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.') || c > 127) {
                    return false;
                }
            }
            return true;
        }

        private static int parsePort(String portText, String uri) {
            for (int i = 0; i < portText.length(); i++) {
                if (!Character.isDigit(portText.charAt(i)) || portText.charAt(i) > 127) {
                    throw invalid("connection URI '" + masked(uri) + "' has an invalid port '" + portText + "'");
                }
            }
            if (portText.length() > 5 || Integer.parseInt(portText) > 65535) {
                throw invalid("connection URI '" + masked(uri) + "' has port " + portText + " out of range (should be 0..65535)");
            }
            return Integer.parseInt(portText);
        }

        private static List<QueryParameter> parseQuery(String query, String uri) {
            List<QueryParameter> result = new ArrayList<>();
            if (query == null || query.isEmpty()) {
                return result;
            }
            String rest = query;
            while (!rest.isEmpty()) {
                int amp = rest.indexOf('&');
                int end = amp >= 0 ? amp : rest.indexOf(';');
                String item = end >= 0 ? rest.substring(0, end) : rest;
                rest = end >= 0 ? rest.substring(end + 1) : "";
                if (item.isEmpty() || item.startsWith("=")) {
                    continue;
                }
                int eq = item.indexOf('=');
                String name = eq >= 0 ? item.substring(0, eq) : item;
                String value = eq >= 0 ? item.substring(eq + 1) : "";
                result.add(new QueryParameter(decode(name, "query parameter name", uri),
                        decode(value, "value of query parameter '" + name + "'", uri)));
            }
            return result;
        }

        /** %XX-decodes as UTF-8; a malformed escape is an error naming the part of the URI. */
        static String decode(String s, String what, String uri) {
            if (s.indexOf('%') < 0) {
                return s;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '%') {
                    if (i + 2 >= s.length() || hex(s.charAt(i + 1)) < 0 || hex(s.charAt(i + 2)) < 0) {
                        throw invalid("connection URI '" + masked(uri) + "' has a malformed percent-encoding in the "
                                + what + ": '" + s.substring(i, Math.min(s.length(), i + 3)) + "'");
                    }
                    out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                    i += 2;
                } else {
                    byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                    out.write(b, 0, b.length);
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }

        private static int hex(char c) {
            return Character.digit(c, 16) >= 0 && c < 128 ? Character.digit(c, 16) : -1;
        }

        /** The URI text with any password in the user-info part replaced by {@code ***}. */
        static String masked(String uri) {
            int start = uri.indexOf("://");
            if (start < 0) {
                return uri;
            }
            int end = uri.indexOf('/', start + 3);
            String authority = end >= 0 ? uri.substring(start + 3, end) : uri.substring(start + 3);
            int at = authority.lastIndexOf('@');
            int colon = at >= 0 ? authority.indexOf(':') : -1;
            if (colon < 0 || colon > at) {
                return uri;
            }
            return uri.substring(0, start + 3) + authority.substring(0, colon) + ":***" + uri.substring(start + 3 + at);
        }

        private static HypervisorException invalid(String message) {
            return new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.URI, message);
        }
    }
}
