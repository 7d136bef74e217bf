package io.jvirt.vmx.convert;

import io.jvirt.spi.xml.DriveAddress;

/**
 * libvirt's disk naming ({@code sda}, {@code sdz}, {@code sdaa}, ...) and the drive addresses it
 * derives from a target name. The one place of these rules: the VMX reader and writer use them,
 * and so do the ESX driver's device changes and device events (a target names the same slot in
 * {@code dumpxml}, {@code detach-disk} and a {@code device-removed} event).
 */
public final class DiskNames {
    /** SCSI units usable per controller in wide-SCSI mode before virtualHW 13 (16 minus unit 7). */
    static final int SCSI_UNITS = 15;

    private DiskNames() {
    }

    /**
     * The target libvirt's VMX reader gives the disk at {@code controller}:{@code unit} of a bus:
     * SCSI {@code sd} + (controller * 15 + unit, unit 7 skipped), SATA {@code sd} + (controller * 30
     * + unit), IDE {@code hd} + (bus * 2 + unit), floppy ({@code fdc}) {@code fd} + unit.
     */
    public static String target(String bus, int controller, int unit) {
        return switch (bus) {
            case "scsi" -> name("sd", controller * SCSI_UNITS + (unit > 7 ? unit - 1 : unit));
            case "sata" -> name("sd", controller * 30 + unit);
            case "ide" -> name("hd", controller * 2 + unit);
            case "fdc" -> name("fd", unit);
            default -> throw new IllegalArgumentException("no disk naming for bus " + bus);
        };
    }

    /** prefix + letters for index (0 = a, 25 = z, 26 = aa). */
    public static String name(String prefix, int index) {
        StringBuilder sb = new StringBuilder();
        int i = index;
        do {
            sb.append((char) ('a' + i % 26));
            i = i / 26 - 1;
        } while (i >= 0);
        return prefix + sb.reverse();
    }

    /** The index encoded by a name with that prefix, or -1 when it is not such a name. */
    public static int index(String name, String prefix) {
        if (name == null || !name.startsWith(prefix) || name.length() == prefix.length()
                || name.length() > prefix.length() + 6) {
            return -1;
        }
        int idx = 0;
        for (int i = prefix.length(); i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 'a' || c > 'z') {
                return -1;
            }
            idx = idx * 26 + (c - 'a' + 1);
        }
        return idx - 1;
    }

    /** SCSI address with units per bus = maxUnit - 1 usable (unit 7 skipped). */
    static DriveAddress scsiAddress(int index, int maxUnit) {
        int per = maxUnit - 1;
        int unit = index % per;
        if (unit >= 7) {
            unit++;
        }
        return new DriveAddress(index / per, 0, 0, unit);
    }

    static DriveAddress ideAddress(int index) {
        return new DriveAddress(0, index / 2, 0, index % 2);
    }

    static DriveAddress sataAddress(int index) {
        return new DriveAddress(index / 6, 0, 0, index % 6);
    }

    static DriveAddress fdcAddress(int index) {
        return new DriveAddress(0, 0, 0, index);
    }

    /** The index of a name with any of libvirt's disk prefixes, or -1. */
    static int anyIndex(String name) {
        for (String prefix : new String[] {"xvd", "ubd", "fd", "hd", "vd", "sd"}) {
            if (name.startsWith(prefix)) {
                return index(name, prefix);
            }
        }
        return -1;
    }
}
