package io.jvirt.vmx.convert;

import io.jvirt.spi.xml.GraphicsDef;
import io.jvirt.spi.xml.Secret;
import io.jvirt.spi.xml.VideoDef;

import java.util.List;

/** Reads {@code RemoteDisplay.vnc.*} into a VNC {@code <graphics>} and {@code svga.vramSize} into the video. */
final class VmxDisplayReader {
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
        return List.of(new GraphicsDef("vnc", autoport ? -1 : (int) port, autoport, keymap,
                password == null ? null : Secret.of(password), List.of(new GraphicsDef.Listen("address", ip))));
    }

    VideoDef video() {
        String key = "svga.vramSize";
        long bytes = vmx.longValue(key, 4 * 1024 * 1024);
        if (bytes < 0 || bytes > 1024L * Integer.MAX_VALUE) {
            throw vmx.error(key, "Expecting VMX entry '%s' to be an unsigned integer (at most %d) but found %d", key,
                    1024L * Integer.MAX_VALUE, bytes);
        }
        return new VideoDef("vmvga", (bytes + 1023) / 1024, -1, true);
    }
}
