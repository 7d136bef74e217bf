package io.jvirt.vmx.convert;

import io.jvirt.spi.xml.DriveAddress;

/**
 * libvirt's disk naming ({@code sda}, {@code sdz}, {@code sdaa}, ...) and the drive addresses it
 * derives from a target name.
 */
final class DiskNames {
    /** SCSI units usable per controller in wide-SCSI mode before virtualHW 13 (16 minus unit 7). */
    static final int SCSI_UNITS = 15;

    private DiskNames() {
    }

    /** prefix + letters for index (0 = a, 25 = z, 26 = aa). */
    static String name(String prefix, int index) {
        StringBuilder sb = new StringBuilder();
        int i = index;
        do {
            sb.append((char) ('a' + i % 26));
            i = i / 26 - 1;
        } while (i >= 0);
        return prefix + sb.reverse();
    }

    /** The index encoded by a name with that prefix, or -1 when it is not such a name. */
    static int index(String name, String prefix) {
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
