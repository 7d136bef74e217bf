package io.jvirt.esx.uri;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.uri.ConnectionUri;

import java.util.Optional;

/**
 * The query parameters of an ESX driver URI, validated like libvirt's {@code esxUtil_ParseUri}
 * (esx-spec 1.3): names compare case-insensitively, values are processed in order (a later
 * occurrence overrides an earlier one, but every occurrence must be valid), unknown names are
 * ignored with a logged warning.
 *
 * @param transport  {@code http} or {@code https} (default)
 * @param vcenter    the {@code vcenter} value ({@code *} = the host's managing vCenter), or null
 * @param noVerify   true to skip server certificate checks
 * @param autoAnswer true to answer VM questions with their default answer
 * @param proxy      the proxy, or null for a direct connection
 */
public record EsxUriParameters(Transport transport, String vcenter, boolean noVerify, boolean autoAnswer,
                               ProxySpec proxy) {

    private static final System.Logger LOG = System.getLogger(EsxUriParameters.class.getName());

    /** The value of {@code vcenter} that means "the vCenter managing this host". */
    public static final String ANY_VCENTER = "*";

    /** The vCenter parameter, if given. */
    public Optional<String> vcenterParameter() {
        return Optional.ofNullable(vcenter);
    }

    /** The proxy, if given. */
    public Optional<ProxySpec> proxySpec() {
        return Optional.ofNullable(proxy);
    }

    /** Parses and validates the query parameters of {@code uri}. */
    public static EsxUriParameters parse(ConnectionUri uri) {
        Transport transport = Transport.HTTPS;
        String vcenter = null;
        boolean noVerify = false;
        boolean autoAnswer = false;
        ProxySpec proxy = null;
        for (ConnectionUri.QueryParameter p : uri.parameters()) {
            String name = p.name();
            String value = p.value();
            if (name.equalsIgnoreCase("transport")) {
                transport = switch (value) {
                    case "http" -> Transport.HTTP;
                    case "https" -> Transport.HTTPS;
                    default -> throw invalid("Query parameter 'transport' has unexpected value '%s' (should be http|https)", value);
                };
            } else if (name.equalsIgnoreCase("vcenter")) {
                vcenter = value;
            } else if (name.equalsIgnoreCase("no_verify")) {
                noVerify = parseFlag("no_verify", value);
            } else if (name.equalsIgnoreCase("auto_answer")) {
                autoAnswer = parseFlag("auto_answer", value);
            } else if (name.equalsIgnoreCase("proxy")) {
                proxy = parseProxy(value);
            } else {
                LOG.log(System.Logger.Level.WARNING, "Ignoring unexpected query parameter ''{0}''", name);
            }
        }
        return new EsxUriParameters(transport, vcenter, noVerify, autoAnswer, proxy);
    }

    private static boolean parseFlag(String name, String value) {
        Integer parsed = parseInt(value);
        if (parsed == null || (parsed != 0 && parsed != 1)) {
            throw invalid("Query parameter '%s' has unexpected value '%s' (should be 0 or 1)", name, value);
        }
        return parsed == 1;
    }

    /** Parses {@code [type://]host[:port]} (esx-spec 1.3, proxy parsing). */
    static ProxySpec parseProxy(String value) {
        ProxySpec.Type type = ProxySpec.Type.HTTP;
        String rest = value;
        if (value.startsWith("http://")) {
            rest = value.substring("http://".length());
        } else if (value.startsWith("socks://")) {
            type = ProxySpec.Type.SOCKS5;
            rest = value.substring("socks://".length());
        } else if (value.startsWith("socks5://")) {
            type = ProxySpec.Type.SOCKS5;
            rest = value.substring("socks5://".length());
        } else if (value.startsWith("socks4://")) {
            type = ProxySpec.Type.SOCKS4;
            rest = value.substring("socks4://".length());
        } else if (value.startsWith("socks4a://")) {
            type = ProxySpec.Type.SOCKS4A;
            rest = value.substring("socks4a://".length());
        } else if (value.contains("://")) {
            throw invalid("Query parameter 'proxy' contains unexpected type '%s' (should be (http|socks(|4|4a|5))",
                    value.substring(0, value.indexOf("://")));
        }
        int port = ProxySpec.DEFAULT_PORT;
        String host = rest;
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            if (colon == 0) {
                throw invalid("Query parameter 'proxy' doesn't contain a hostname");
            }
            String portText = rest.substring(colon + 1);
            Integer parsed = parseInt(portText);
            if (parsed == null || parsed < 1 || parsed > 65535) {
                throw invalid("Query parameter 'proxy' has unexpected port value '%s' (should be [1..65535])", portText);
            }
            port = parsed;
            host = rest.substring(0, colon);
        }
        if (host.isEmpty()) {
            // libvirt hands an empty name to curl, which then fails obscurely; say it now.
            throw invalid("Query parameter 'proxy' doesn't contain a hostname");
        }
        return new ProxySpec(type, host, port);
    }

    /** A whole-string base-10 integer (leading blanks and a sign allowed, like strtol), or null. */
    private static Integer parseInt(String text) {
        String t = text.stripLeading();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static HypervisorException invalid(String format, Object... args) {
        return HypervisorException.of(ErrorCode.INVALID_ARG, ErrorDomain.ESX, format, args);
    }
}
