package io.jvirt.esx.vi;

/** The {@code virtualHW.version} libvirt writes for a product line and version (esx-spec 2.4 step 4). */
public final class VirtualHardware {
    private VirtualHardware() {
    }

    public static int version(ProductLine line, long productVersion) {
        int major = VersionNumber.major(productVersion);
        int minor = VersionNumber.minor(productVersion);
        return switch (line) {
            case GSX -> 7;
            case ESX -> switch (major) {
                case 3 -> 4;
                case 4 -> 7;
                case 5 -> minor < 5 ? 9 : 10;
                case 6 -> 10;
                default -> 8;
            };
            case VPX -> switch (major) {
                case 2 -> 4;
                case 4 -> 7;
                case 5 -> minor < 5 ? 9 : 10;
                case 6 -> 10;
                default -> 8;
            };
        };
    }
}
