package io.jvirt.esx.uri;

import java.util.Objects;

/**
 * The proxy named by a {@code proxy=[type://]host[:port]} URI parameter.
 *
 * @param type the proxy protocol
 * @param host the proxy host name
 * @param port the proxy port (1080 unless given, for every type, like libvirt)
 */
public record ProxySpec(Type type, String host, int port) {

    /** Default port of every proxy type. */
    public static final int DEFAULT_PORT = 1080;

    /** Proxy protocols accepted in the {@code proxy} parameter. */
    public enum Type {
        HTTP, SOCKS4, SOCKS4A, SOCKS5;

        /** True for the SOCKS family. */
        public boolean isSocks() {
            return this != HTTP;
        }
    }

    public ProxySpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy port out of range: " + port);
        }
    }

    @Override
    public String toString() {
        return type.name().toLowerCase(java.util.Locale.ROOT) + "://" + host + ":" + port;
    }
}
