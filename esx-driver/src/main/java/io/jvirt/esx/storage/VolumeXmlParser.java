package io.jvirt.esx.storage;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.xml.SafeXml;
import io.jvirt.spi.xml.XmlNode;

import java.util.Locale;
import java.util.Set;

/** Parses libvirt {@code <volume>} XML (the subset volume creation needs). */
final class VolumeXmlParser {
    private static final Set<String> TYPES = Set.of("file", "block", "dir", "network", "netdir", "ploop");

    private VolumeXmlParser() {
    }

    static VolumeDef parse(String xml) {
        XmlNode root = SafeXml.parse(xml);
        if (!root.name().equals("volume")) {
            throw error("expected root element 'volume' but found '%s'", root.name());
        }
        String type = root.attr("type") == null ? "file" : root.attr("type");
        if (!TYPES.contains(type)) {
            throw error("unknown volume type '%s'", type);
        }
        XmlNode nameNode = root.child("name");
        String name = nameNode == null ? "" : nameNode.text().trim();
        if (name.isEmpty()) {
            throw error("missing volume name element");
        }
        XmlNode capacityNode = root.child("capacity");
        if (capacityNode == null) {
            throw error("missing capacity element of volume '%s'", name);
        }
        long capacity = size(capacityNode, "capacity");
        XmlNode allocationNode = root.child("allocation");
        long allocation = allocationNode == null ? capacity : size(allocationNode, "allocation");
        String format = null;
        XmlNode target = root.child("target");
        if (target != null && target.child("format") != null) {
            format = target.child("format").attr("type");
            if (format == null || format.isEmpty()) {
                throw error("missing format type of volume '%s'", name);
            }
        }
        return new VolumeDef(type, name, capacity, allocation, format);
    }

    private static long size(XmlNode node, String what) {
        return scale(node.text().trim(), node.attr("unit"), what);
    }

    /**
     * A number with libvirt's units: none/{@code b}/{@code bytes}, {@code K}/{@code KiB} (1024),
     * {@code KB} (1000), likewise M, G, T, P, E.
     */
    static long scale(String number, String unit, String what) {
        long value;
        try {
            value = Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw error("invalid %s value '%s'", what, number);
        }
        if (value < 0) {
            throw error("negative %s value '%s'", what, number);
        }
        long factor = factor(unit == null ? "" : unit.trim(), what);
        try {
            return Math.multiplyExact(value, factor);
        } catch (ArithmeticException e) {
            throw error("%s value '%s %s' is too large", what, number, unit);
        }
    }

    private static long factor(String unit, String what) {
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.isEmpty() || u.equals("b") || u.equals("byte") || u.equals("bytes")) {
            return 1;
        }
        int power = "kmgtpe".indexOf(u.charAt(0)) + 1;
        if (power == 0) {
            throw error("unknown %s unit '%s'", what, unit);
        }
        String rest = u.substring(1);
        long base;
        if (rest.isEmpty() || rest.equals("ib")) {
            base = 1024;
        } else if (rest.equals("b")) {
            base = 1000;
        } else {
            throw error("unknown %s unit '%s'", what, unit);
        }
        long f = 1;
        for (int i = 0; i < power; i++) {
            f *= base;
        }
        return f;
    }

    private static HypervisorException error(String format, Object... args) {
        return HypervisorException.of(ErrorCode.XML_ERROR, ErrorDomain.XML, format, args);
    }
}
