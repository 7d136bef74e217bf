package io.jvirt.spi.xml;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

import java.util.List;
import java.util.Set;

/**
 * One device element alone, as {@code virDomainAttachDevice} and friends take it: a
 * {@code <disk>} or an {@code <interface>} (the devices jvirt's drivers can attach, detach and
 * update). Parsed with the domain XML parser's rules, so a device means the same inside and
 * outside a {@code <domain>}.
 */
public final class DeviceXml {
    private static final Set<String> SUPPORTED = Set.of("disk", "interface");

    private DeviceXml() {
    }

    /** A parsed device: exactly one of {@code disk} and {@code iface} is set. */
    public record Device(DiskDef disk, InterfaceDef iface) {
        public static Device of(DiskDef disk) {
            return new Device(disk, null);
        }

        public static Device of(InterfaceDef iface) {
            return new Device(null, iface);
        }

        /** The element name, {@code disk} or {@code interface}. */
        public String element() {
            return disk != null ? "disk" : "interface";
        }
    }

    /**
     * Parses a {@code <disk>} or {@code <interface>} document; any other element is
     * {@code CONFIG_UNSUPPORTED} naming it, malformed XML an {@code XML_ERROR}.
     */
    public static Device parse(String xml) {
        if (xml == null) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.XML, "device XML must not be null");
        }
        XmlNode root = SafeXml.parse(xml);
        if (!root.namespace().isEmpty() || !SUPPORTED.contains(root.name())) {
            throw new HypervisorException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.XML,
                    "device element '" + root.name()
                            + "' cannot be attached, detached or updated (supported: disk, interface)");
        }
        Devices d = DomainXmlParser.parseDeviceNodes(List.of(root));
        return d.disks().isEmpty() ? Device.of(d.interfaces().get(0)) : Device.of(d.disks().get(0));
    }

    /** The XML of one disk, as inside a domain's {@code <devices>}. */
    public static String format(DiskDef disk) {
        return DomainXmlFormatter.formatDevice(disk);
    }

    /** The XML of one interface, as inside a domain's {@code <devices>}. */
    public static String format(InterfaceDef iface) {
        return DomainXmlFormatter.formatDevice(iface);
    }
}
