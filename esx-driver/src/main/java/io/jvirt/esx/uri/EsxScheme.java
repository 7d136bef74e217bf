package io.jvirt.esx.uri;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

/** The three URI schemes of the driver and what they imply. */
public enum EsxScheme {
    /** An ESX(i) host. */
    ESX("esx", 443, 80, "root"),
    /** A VMware Server (GSX) host. */
    GSX("gsx", 8333, 8222, "root"),
    /** A vCenter, with an inventory path. */
    VPX("vpx", 443, 80, "administrator");

    private final String scheme;
    private final int httpsPort;
    private final int httpPort;
    private final String defaultUser;

    EsxScheme(String scheme, int httpsPort, int httpPort, String defaultUser) {
        this.scheme = scheme;
        this.httpsPort = httpsPort;
        this.httpPort = httpPort;
        this.defaultUser = defaultUser;
    }

    /** The scheme as written in URIs. */
    public String scheme() {
        return scheme;
    }

    /** The port used when the URI has none (esx-spec 1.4). */
    public int defaultPort(Transport transport) {
        return transport == Transport.HTTPS ? httpsPort : httpPort;
    }

    /** The user name offered as default when asking for credentials. */
    public String defaultUser() {
        return defaultUser;
    }

    /** The scheme for a URI scheme string (matched case-sensitively, like libvirt's core). */
    public static EsxScheme of(String scheme) {
        for (EsxScheme s : values()) {
            if (s.scheme.equals(scheme)) {
                return s;
            }
        }
        throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                "URI scheme '" + scheme + "' is not handled by the ESX driver (expected esx, gsx or vpx)");
    }
}
