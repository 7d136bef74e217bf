package io.jvirt.vmx.convert;

import io.jvirt.spi.xml.GraphicsDef;
import io.jvirt.spi.xml.Password;
import io.jvirt.spi.xml.VideoDef;

import java.util.List;

/** Reads {@code RemoteDisplay.vnc.*} into a VNC {@code <graphics>} and {@code svga.vramSize} into the video. */
final class VmxDisplayReader {
    private static final System.Logger LOG = System.getLogger(VmxDisplayReader.class.getName());
    private final VmxValues vmx;

    VmxDisplayReader(VmxValues vmx) {
        this.vmx = vmx;
    }

    List<GraphicsDef> graphics() {
        if (!vmx.bool("RemoteDisplay.vnc.enabled", false)) {
            return List.of();
        }
        String portKey = "RemoteDisplay.vnc.port";
        long port = vmx.longValue(portKey, -1);
        if (port > 65535) {
            throw vmx.error(portKey, "Expecting VMX entry '%s' to be a port number (0..65535) but found %d", portKey,
                    port);
        }
        String ip = vmx.string("RemoteDisplay.vnc.ip");
        String keymap = vmx.string("RemoteDisplay.vnc.keymap");
        String password = vmx.string("RemoteDisplay.vnc.password");
        boolean autoport = port < 0;
        if (autoport) {
            LOG.log(System.Logger.Level.WARNING,
                    "VNC is enabled but VMX entry 'RemoteDisplay.vnc.port' is missing, the VNC port is unknown");
        } else if (port < 5900 || port > 5964) {
            // libvirt's warning reads "VNC port %lld it out of [5900..5964] range"
            LOG.log(System.Logger.Level.WARNING, "VNC port {0} is out of [5900..5964] range", Long.toString(port));
        }
        return List.of(new GraphicsDef("vnc", autoport ? -1 : (int) port, autoport, keymap,
                password == null ? null : Password.of(password), List.of(new GraphicsDef.Listen("address", ip))));
    }

    VideoDef video() {
        String key = "svga.vramSize";
        long bytes = vmx.longValue(key, 4 * 1024 * 1024);
        // libvirt keeps KiB in an unsigned int and its power-of-two rounding gives 0 above 2^31 KiB
        if (bytes < 0 || bytes > 1024L << 31) {
            throw vmx.error(key, "Expecting VMX entry '%s' to be an unsigned integer (at most %d) but found %d", key,
                    1024L << 31, bytes);
        }
        // libvirt's video post-parse: 0 KiB means the vmvga default, then the next power of two
        long kib = (bytes + 1023) / 1024;
        return new VideoDef("vmvga", VmxPostParse.roundUpPowerOfTwo(kib == 0 ? VmxPostParse.DEFAULT_VRAM_KIB : kib),
                -1, true);
    }
}
