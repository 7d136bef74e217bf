package io.jvirt.esx.vi;

import io.jvirt.esx.uri.EsxScheme;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

/** The product behind a vSphere endpoint, from {@code about.productLineId} (esx-spec 1.7). */
public enum ProductLine {
    GSX("Server/GSX", 2_000_000L, "2.0"),
    ESX("ESX(i)", 3_005_000L, "3.5"),
    VPX("vCenter/VPX", 2_005_000L, "2.5");

    /** Minimum API version ({@code about.apiVersion}) the driver talks to. */
    public static final long MIN_API_VERSION = 2_005_000L;

    private final String displayName;
    private final long minimumVersion;
    private final String minimumText;

    ProductLine(String displayName, long minimumVersion, String minimumText) {
        this.displayName = displayName;
        this.minimumVersion = minimumVersion;
        this.minimumText = minimumText;
    }

    /** The name used in messages, e.g. {@code ESX(i)}. */
    public String displayName() {
        return displayName;
    }

    /** The product line a scheme expects when connecting to a host (esx or gsx) or vCenter (vpx). */
    public static ProductLine expectedFor(EsxScheme scheme) {
        return switch (scheme) {
            case ESX -> ESX;
            case GSX -> GSX;
            case VPX -> VPX;
        };
    }

    /**
     * Validates the {@code about} data of a server and returns its product line; the checks and
     * messages of esx-spec 1.7.
     */
    public static ProductLine check(String apiType, String apiVersion, String productLineId, String version) {
        if (!"HostAgent".equals(apiType) && !"VirtualCenter".equals(apiType)) {
            throw internal("Expecting VI API type 'HostAgent' or 'VirtualCenter' but found '%s'", apiType);
        }
        long api = VersionNumber.parse(apiVersion)
                .orElseThrow(() -> internal("Could not parse VI API version '%s'", apiVersion));
        if (api < MIN_API_VERSION) {
            throw internal("Minimum supported %s version is %s but found version '%s'", "VI API", "2.5", apiVersion);
        }
        long product = VersionNumber.parse(version)
                .orElseThrow(() -> internal("Could not parse product version '%s'", version));
        ProductLine line;
        if ("gsx".equals(productLineId)) {
            line = GSX;
        } else if ("esx".equals(productLineId) || "embeddedEsx".equals(productLineId)) {
            line = ESX;
        } else if ("vpx".equals(productLineId)) {
            line = VPX;
        } else {
            throw internal("Expecting product 'gsx' or 'esx' or 'embeddedEsx' or 'vpx' but found '%s'", productLineId);
        }
        if (product < line.minimumVersion) {
            throw internal("Minimum supported %s version is %s but found version '%s'",
                    line.displayName, line.minimumText, version);
        }
        return line;
    }

    private static HypervisorException internal(String format, Object... args) {
        return HypervisorException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX, format, args);
    }
}
