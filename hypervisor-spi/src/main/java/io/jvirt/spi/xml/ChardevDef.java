package io.jvirt.spi.xml;

/**
 * A {@code <serial>}, {@code <parallel>} or {@code <console>} device.
 *
 * @param type       {@code file}, {@code dev}, {@code pipe}, {@code tcp}, ...
 * @param path       {@code <source path>} for file/dev/pipe, or null
 * @param mode       {@code <source mode>} for tcp: {@code bind} or {@code connect}
 * @param host       {@code <source host>} for tcp
 * @param service    {@code <source service>} for tcp
 * @param protocol   {@code <protocol type>} for tcp: {@code raw}, {@code telnet}, {@code telnets}, {@code tls}
 * @param targetType {@code <target type>} (consoles: {@code serial}), or null
 * @param targetPort {@code <target port>}, or -1 when not given
 */
public record ChardevDef(String type, String path, String mode, String host, String service, String protocol,
        String targetType, int targetPort) {

    public static ChardevDef path(String type, String path, int port) {
        return new ChardevDef(type, path, null, null, null, null, null, port);
    }

    /** The console libvirt adds to mirror the first serial port. */
    public ChardevDef asSerialConsole() {
        return new ChardevDef(type, path, mode, host, service, protocol, "serial", targetPort);
    }
}
