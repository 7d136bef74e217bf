package io.jvirt.spi.xml;

/**
 * A {@code <video><model type vram heads primary/></video>}.
 *
 * @param model   {@code vmvga}, {@code vga}, ... (null when not given)
 * @param vramKiB video RAM in KiB, or -1 when not given
 * @param heads   number of heads, or -1 when not given
 */
public record VideoDef(String model, long vramKiB, int heads, boolean primary) {
}
