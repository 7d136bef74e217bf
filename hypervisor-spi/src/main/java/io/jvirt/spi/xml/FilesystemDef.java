package io.jvirt.spi.xml;

/**
 * A {@code <filesystem>} (a VMware shared folder).
 *
 * @param type       {@code mount}, ...
 * @param accessMode {@code passthrough} (the default libvirt prints), ...
 */
public record FilesystemDef(String type, String accessMode, String sourceDir, String targetDir, boolean readonly) {
}
