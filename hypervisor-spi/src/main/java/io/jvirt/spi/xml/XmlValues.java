package io.jvirt.spi.xml;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

import java.util.Set;
import java.util.UUID;

/**
 * Typed reading of attributes and element texts. Every invalid value is an
 * {@link ErrorCode#XML_ERROR} naming the element, the attribute, the line and the value.
 */
public final class XmlValues {
    private XmlValues() {
    }

    public static HypervisorException error(XmlNode node, String attr, String value, String what) {
        String where = attr == null ? "element '" + node.name() + "'"
                : "attribute '" + attr + "' of element '" + node.name() + "'";
        return HypervisorException.of(ErrorCode.XML_ERROR, ErrorDomain.XML, "invalid value '%s' of %s at line %d: %s",
                shorten(value), where, node.line(), what);
    }

    public static HypervisorException missing(XmlNode parent, String what) {
        return HypervisorException.of(ErrorCode.XML_ERROR, ErrorDomain.XML, "missing %s in element '%s' at line %d",
                what, parent.name(), parent.line());
    }

    static String shorten(String value) {
        if (value == null) {
            return "<null>";
        }
        return value.length() > 200 ? value.substring(0, 200) + "..." : value;
    }

    /** The attribute, or the error when it is absent. */
    public static String required(XmlNode node, String attr) {
        String v = node.attr(attr);
        if (v == null) {
            throw missing(node, "attribute '" + attr + "'");
        }
        return v;
    }

    /** The attribute, which must be one of the allowed values when present; null when absent. */
    public static String enumAttr(XmlNode node, String attr, Set<String> allowed) {
        String v = node.attr(attr);
        if (v != null && !allowed.contains(v)) {
            throw error(node, attr, v, "expected one of " + new java.util.TreeSet<>(allowed));
        }
        return v;
    }

    /** A text that must be one of the allowed values. */
    public static String enumText(XmlNode node, Set<String> allowed) {
        String v = node.text().strip();
        if (!allowed.contains(v)) {
            throw error(node, null, v, "expected one of " + new java.util.TreeSet<>(allowed));
        }
        return v;
    }

    /** Parses a decimal unsigned integer in [min, max] (libvirt also accepts surrounding spaces). */
    public static long parseLong(XmlNode node, String attr, String text, long min, long max) {
        String s = text.strip();
        long v = 0;
        boolean negative = s.startsWith("-");
        int i = negative ? 1 : 0;
        if (i >= s.length()) {
            throw error(node, attr, text, "expected an integer");
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw error(node, attr, text, "expected an integer");
            }
            if (v > (Long.MAX_VALUE - (c - '0')) / 10) {
                throw error(node, attr, text, "number too large");
            }
            v = v * 10 + (c - '0');
        }
        if (negative) {
            v = -v;
        }
        if (v < min || v > max) {
            throw error(node, attr, text, "expected a number in [" + min + ".." + max + "]");
        }
        return v;
    }

    /** An integer attribute, or the default when absent. */
    public static long longAttr(XmlNode node, String attr, long min, long max, long dflt) {
        String v = node.attr(attr);
        return v == null ? dflt : parseLong(node, attr, v, min, max);
    }

    public static int intAttr(XmlNode node, String attr, int min, int max, int dflt) {
        return (int) longAttr(node, attr, min, max, dflt);
    }

    /** A {@code yes}/{@code no} attribute; dflt when absent. */
    public static boolean yesNo(XmlNode node, String attr, boolean dflt) {
        String v = node.attr(attr);
        if (v == null) {
            return dflt;
        }
        return switch (v) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw error(node, attr, v, "expected 'yes' or 'no'");
        };
    }

    public static UUID uuid(XmlNode node, String attr, String text) {
        UUID u = Uuids.tryParse(text);
        if (u == null) {
            throw error(node, attr, text, "expected a UUID");
        }
        return u;
    }

    public static MacAddress mac(XmlNode node, String attr, String text) {
        MacAddress m = MacAddress.tryParse(text);
        if (m == null) {
            throw error(node, attr, text, "expected a MAC address aa:bb:cc:dd:ee:ff");
        }
        return m;
    }

    /** A size with libvirt's units ({@code defaultUnit} when none is given), in bytes. */
    public static long sizeBytes(XmlNode node, String defaultUnit) {
        String unit = node.attr("unit");
        long scale = switch (unit == null ? defaultUnit : unit) {
            case "b", "bytes" -> 1;
            case "KB" -> 1000;
            case "k", "K", "KiB" -> 1024;
            case "MB" -> 1000L * 1000;
            case "m", "M", "MiB" -> 1024L * 1024;
            case "GB" -> 1000L * 1000 * 1000;
            case "g", "G", "GiB" -> 1024L * 1024 * 1024;
            case "TB" -> 1000L * 1000 * 1000 * 1000;
            case "t", "T", "TiB" -> 1024L * 1024 * 1024 * 1024;
            case "PB" -> 1000L * 1000 * 1000 * 1000 * 1000;
            case "p", "P", "PiB" -> 1024L * 1024 * 1024 * 1024 * 1024;
            default -> throw error(node, "unit", unit, "unknown unit");
        };
        long value = parseLong(node, null, node.text(), 0, Long.MAX_VALUE);
        if (value > Long.MAX_VALUE / scale) {
            throw error(node, null, node.text(), "size too large");
        }
        return value * scale;
    }

    /** A memory size with libvirt's units (default KiB), rounded up to whole KiB. */
    public static long memoryKiB(XmlNode node) {
        long bytes;
        try {
            bytes = sizeBytes(node, "KiB");
        } catch (io.jvirt.spi.error.HypervisorException e) {
            if (e.getMessage().endsWith("size too large")) {
                throw error(node, null, node.text(), "memory size too large");
            }
            throw e;
        }
        long kib = bytes / 1024 + (bytes % 1024 == 0 ? 0 : 1);
        // keep KiB * 1024 representable, as libvirt keeps sizes in bytes
        if (kib > Long.MAX_VALUE / 1024) {
            throw error(node, null, node.text(), "memory size too large");
        }
        return kib;
    }
}
