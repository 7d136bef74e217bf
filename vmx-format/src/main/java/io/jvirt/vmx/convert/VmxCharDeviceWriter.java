package io.jvirt.vmx.convert;

import io.jvirt.spi.xml.ChardevDef;
import io.jvirt.vmx.FileNameMapper;
import io.jvirt.vmx.VmxWriter;

/** Writes {@code <serial>} and {@code <parallel>} devices. */
final class VmxCharDeviceWriter {
    private VmxCharDeviceWriter() {
    }

    static void serial(VmxWriter out, ChardevDef c, FileNameMapper files) {
        if (c.targetPort() < 0 || c.targetPort() > 3) {
            throw Errors.internal("Serial port index %d out of [0..3] range", c.targetPort());
        }
        String p = "serial" + c.targetPort();
        out.put(p + ".present", "true");
        switch (c.type()) {
            case "dev" -> {
                out.put(p + ".fileType", "device");
                out.put(p + ".fileName", requirePath(c, "serial"));
            }
            case "file" -> {
                out.put(p + ".fileType", "file");
                out.put(p + ".fileName", files.toVmxFileName(requirePath(c, "serial")));
            }
            case "pipe" -> {
                out.put(p + ".fileType", "pipe");
                out.put(p + ".pipe.endPoint", "client");
                out.put(p + ".tryNoRxLoss", "false");
                out.put(p + ".fileName", requirePath(c, "serial"));
            }
            case "tcp" -> {
                String proto = switch (c.protocol()) {
                    case "raw" -> "tcp";
                    case "telnet" -> "telnet";
                    case "telnets" -> "telnets";
                    case "tls" -> "ssl";
                    default -> throw Errors.unsupported("Unsupported character device TCP protocol '%s'",
                            c.protocol());
                };
                out.put(p + ".fileType", "network");
                out.put(p + ".fileName", proto + "://" + (c.host() == null ? "" : c.host()) + ":" + c.service());
                out.put(p + ".network.endPoint", "bind".equals(c.mode()) ? "server" : "client");
            }
            default -> throw Errors.unsupported("Unsupported character device type '%s'", c.type());
        }
        out.put(p + ".yieldOnMsrRead", "true");
    }

    static void parallel(VmxWriter out, ChardevDef c, FileNameMapper files) {
        if (c.targetPort() < 0 || c.targetPort() > 2) {
            throw Errors.internal("Parallel port index %d out of [0..2] range", c.targetPort());
        }
        String p = "parallel" + c.targetPort();
        out.put(p + ".present", "true");
        switch (c.type()) {
            case "dev" -> {
                out.put(p + ".fileType", "device");
                out.put(p + ".fileName", requirePath(c, "parallel"));
            }
            case "file" -> {
                out.put(p + ".fileType", "file");
                out.put(p + ".fileName", files.toVmxFileName(requirePath(c, "parallel")));
            }
            default -> throw Errors.unsupported("Unsupported character device type '%s'", c.type());
        }
    }

    private static String requirePath(ChardevDef c, String what) {
        if (c.path() == null) {
            throw Errors.internal("Missing source path of %s port %d of type '%s'", what, c.targetPort(), c.type());
        }
        return c.path();
    }
}
