package io.jvirt.vmx.convert;

import io.jvirt.spi.xml.ChardevDef;
import io.jvirt.vmx.FileNameMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads {@code serialN.*} (N 0..3) and {@code parallelN.*} (N 0..2). */
final class VmxCharDeviceReader {
    private final VmxValues vmx;
    private final FileNameMapper files;

    VmxCharDeviceReader(VmxValues vmx, FileNameMapper files) {
        this.vmx = vmx;
        this.files = files;
    }

    List<ChardevDef> serials() {
        List<ChardevDef> out = new ArrayList<>();
        for (int port = 0; port < 4; port++) {
            ChardevDef c = serial(port);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    List<ChardevDef> parallels() {
        List<ChardevDef> out = new ArrayList<>();
        for (int port = 0; port < 3; port++) {
            ChardevDef c = parallel(port);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private String file(String key, String name) {
        return files.toSource(name, false).orElseThrow(() -> vmx.error(key, "Referenced missing file '%s'", name));
    }

    private ChardevDef serial(int port) {
        String p = "serial" + port;
        if (!vmx.bool(p + ".present", false)) {
            return null;
        }
        vmx.bool(p + ".startConnected", true);
        String typeKey = p + ".fileType";
        String fileType = vmx.string(typeKey);
        String nameKey = p + ".fileName";
        String fileName = vmx.string(nameKey);
        String endPointKey = p + ".network.endPoint";
        String endPoint = vmx.string(endPointKey);
        String t = fileType == null ? "device" : fileType.toLowerCase(Locale.ROOT);
        switch (t) {
            case "device":
                return ChardevDef.path("dev", fileName, port);
            case "file":
                return ChardevDef.path("file", file(nameKey, vmx.requiredString(nameKey)), port);
            case "pipe":
                return ChardevDef.path("pipe", fileName, port);
            case "network":
                return network(port, nameKey, vmx.requiredString(nameKey), endPointKey, endPoint);
            default:
                throw vmx.error(typeKey, "Expecting VMX entry '%s' to be 'device', 'file' or 'pipe' or 'network' but "
                        + "found '%s'", typeKey, fileType);
        }
    }

    private ChardevDef network(int port, String nameKey, String uri, String endPointKey, String endPoint) {
        String scheme = null;
        String rest = uri;
        int sep = uri.indexOf("://");
        if (sep >= 0) {
            scheme = uri.substring(0, sep);
            rest = uri.substring(sep + 3);
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        String host;
        String portText;
        if (authority.startsWith("[") && authority.indexOf(']') > 0) {
            int close = authority.indexOf(']');
            host = authority.substring(1, close);
            portText = authority.startsWith(":", close + 1) ? authority.substring(close + 2) : null;
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? null : authority.substring(colon + 1);
        }
        if (sep < 0) {
            // without "scheme://" the text is not a URI with an authority part
            portText = null;
        }
        Long service = portText == null ? null : VmxValues.parseLong(portText);
        if (service == null || service <= 0 || service > 65535 || !portText.chars().allMatch(Character::isDigit)) {
            throw vmx.error(nameKey, "VMX entry '%s' doesn't contain a port part (found '%s')", nameKey, uri);
        }
        String protocol;
        String s = scheme == null ? "tcp" : scheme.toLowerCase(Locale.ROOT);
        switch (s) {
            case "tcp", "tcp4", "tcp6" -> protocol = "raw";
            case "telnet" -> protocol = "telnet";
            case "telnets" -> protocol = "telnets";
            case "ssl", "tcp+ssl", "tcp4+ssl", "tcp6+ssl" -> protocol = "tls";
            default -> throw vmx.error(nameKey, "VMX entry '%s' contains unsupported scheme '%s'", nameKey, scheme);
        }
        String mode;
        if (endPoint == null || endPoint.equalsIgnoreCase("server")) {
            mode = "bind";
        } else if (endPoint.equalsIgnoreCase("client")) {
            mode = "connect";
        } else {
            throw vmx.error(endPointKey, "Expecting VMX entry '%s' to be 'server' or 'client' but found '%s'",
                    endPointKey, endPoint);
        }
        return new ChardevDef("tcp", null, mode, host.isEmpty() ? null : host, Long.toString(service), protocol, null,
                port);
    }

    private ChardevDef parallel(int port) {
        String p = "parallel" + port;
        if (!vmx.bool(p + ".present", false)) {
            return null;
        }
        vmx.bool(p + ".startConnected", true);
        String typeKey = p + ".fileType";
        String fileType = vmx.requiredString(typeKey);
        String nameKey = p + ".fileName";
        String fileName = vmx.requiredString(nameKey);
        if (fileType.equalsIgnoreCase("device")) {
            return ChardevDef.path("dev", fileName, port);
        }
        if (fileType.equalsIgnoreCase("file")) {
            return ChardevDef.path("file", file(nameKey, fileName), port);
        }
        throw vmx.error(typeKey, "Expecting VMX entry '%s' to be 'device' or 'file' but found '%s'", typeKey,
                fileType);
    }
}
