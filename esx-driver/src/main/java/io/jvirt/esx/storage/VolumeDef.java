package io.jvirt.esx.storage;

/**
 * The parts of a libvirt {@code <volume>} document the ESX driver uses.
 *
 * @param type       {@code file}, {@code block}, {@code dir}, {@code network}, {@code netdir} or {@code ploop}
 * @param name       the volume name
 * @param capacity   bytes
 * @param allocation bytes (libvirt: the capacity when not given)
 * @param format     {@code <target><format type>}, or null when not given
 */
record VolumeDef(String type, String name, long capacity, long allocation, String format) {
}
