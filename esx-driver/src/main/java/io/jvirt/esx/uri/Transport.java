package io.jvirt.esx.uri;

/** The HTTP transport of a connection ({@code transport=} parameter). */
public enum Transport {
    HTTP, HTTPS;

    /** The URL scheme, {@code http} or {@code https}. */
    public String scheme() {
        return this == HTTP ? "http" : "https";
    }
}
