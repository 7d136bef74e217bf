package io.jvirt.esx.shared;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

import java.time.Duration;
import java.util.Map;

/**
 * Keys of the {@code env} map passed to {@code ConnectionFactory.open(uri, auth, env)} that the
 * ESX driver understands. Durations may be given as {@link Duration}, as a {@link Number} of
 * milliseconds or as a string ({@code "30s"}, {@code "2m"}, {@code "500ms"}, ISO-8601
 * {@code "PT30S"} or plain milliseconds).
 */
public final class EsxOptions {
    /** TCP connect timeout; default 30 s. */
    public static final String CONNECT_TIMEOUT = "esx.connectTimeout";
    /** Time to wait for the answer to one request; default 120 s. */
    public static final String REQUEST_TIMEOUT = "esx.requestTimeout";
    /** Idle time after which a keepalive request refreshes the session; default 5 min; 0 disables. */
    public static final String KEEPALIVE_INTERVAL = "esx.keepaliveInterval";
    /**
     * Trust store used instead of the JDK's default CA certificates: a {@link java.security.KeyStore},
     * or a path (String or {@link java.nio.file.Path}) of a PKCS#12 or JKS file.
     */
    public static final String TRUST_STORE = "esx.trustStore";
    /** Password of {@link #TRUST_STORE} when it is a file (String or char[]); default none. */
    public static final String TRUST_STORE_PASSWORD = "esx.trustStorePassword";

    /**
     * Pins the server certificate by its SHA-1 or SHA-256 thumbprint (hex, with or without ':'
     * separators, as vSphere shows it): only that certificate is accepted, whatever its issuer
     * and host names. Overrides the trust store.
     */
    public static final String THUMBPRINT = "esx.thumbprint";

    /** Objects per property-collector page ({@code maxObjects}); default 1000. */
    public static final String PAGE_SIZE = "esx.pageSize";

    public static final int DEFAULT_PAGE_SIZE = 1000;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_KEEPALIVE_INTERVAL = Duration.ofMinutes(5);

    private EsxOptions() {
    }

    /** Reads a duration option, or the default when absent. */
    public static Duration duration(Map<String, ?> env, String key, Duration defaultValue) {
        Object value = env.get(key);
        if (value == null) {
            return defaultValue;
        }
        Duration d = toDuration(value);
        if (d == null || d.isNegative()) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                    "Option '" + key + "' has unexpected value '" + value
                            + "' (should be a non-negative duration such as 30s, 2m, 500ms or PT30S)");
        }
        return d;
    }

    /** Reads a positive integer option, or the default when absent. */
    public static int positiveInt(Map<String, ?> env, String key, int defaultValue) {
        Object value = env.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            int v = value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().strip());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                "Option '" + key + "' has unexpected value '" + value + "' (should be a positive integer)");
    }

    private static Duration toDuration(Object value) {
        if (value instanceof Duration d) {
            return d;
        }
        if (value instanceof Number n) {
            return Duration.ofMillis(n.longValue());
        }
        String s = value.toString().strip();
        try {
            if (s.startsWith("P") || s.startsWith("p")) {
                return Duration.parse(s);
            }
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).strip()));
            }
            if (s.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1).strip()));
            }
            if (s.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1).strip()));
            }
            return Duration.ofMillis(Long.parseLong(s));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
