package io.jvirt.spi.xml;

/**
 * A {@code <disk>} device.
 *
 * @param type          {@code file}, {@code block}, {@code dir}, {@code network} or {@code volume}
 * @param device        {@code disk}, {@code cdrom}, {@code floppy} or {@code lun}
 * @param driverName    {@code <driver name>} (for VMX: the legacy SCSI controller model), or null
 * @param driverCache   {@code <driver cache>}, or null
 * @param source        the {@code file} or {@code dev} of {@code <source>}, or null
 * @param startupPolicy {@code <source startupPolicy>}, or null
 * @param targetDev     {@code <target dev>}, e.g. {@code sda}
 * @param targetBus     {@code <target bus>}: {@code scsi}, {@code ide}, {@code sata}, {@code fdc}, ...
 * @param address       the drive address, or null when not given
 * @param readonly      {@code <readonly/>}
 * @param transientDisk {@code <transient/>}
 */
public record DiskDef(String type, String device, String driverName, String driverCache, String source,
        String startupPolicy, String targetDev, String targetBus, DriveAddress address, boolean readonly,
        boolean transientDisk) {

    public DiskDef withAddress(DriveAddress a) {
        return new DiskDef(type, device, driverName, driverCache, source, startupPolicy, targetDev, targetBus, a,
                readonly, transientDisk);
    }
}
