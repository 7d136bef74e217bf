package io.jvirt.vmx.convert;

import static io.jvirt.vmx.convert.VmxValues.endsWithIgnoreCase;

import io.jvirt.spi.xml.DiskDef;
import io.jvirt.vmx.FileNameMapper;
import io.jvirt.vmx.VmxWriter;

/** Writes disks, CD-ROMs, LUNs and floppies as {@code scsiC:U.*}, {@code ideB:U.*}, {@code floppyU.*}. */
final class VmxDiskWriter {
    private final VmxWriter out;
    private final FileNameMapper files;
    final boolean[] floppyUsed = new boolean[2];

    VmxDiskWriter(VmxWriter out, FileNameMapper files) {
        this.out = out;
        this.files = files;
    }

    void write(DiskDef d) {
        switch (d.device()) {
            case "disk", "cdrom", "lun" -> disk(d);
            case "floppy" -> floppy(d);
            default -> throw Errors.unsupported("Unsupported disk device type '%s'", d.device());
        }
    }

    private void disk(DiskDef d) {
        String what = d.device().equals("disk") ? "Harddisk" : d.device().equals("cdrom") ? "CD-ROM" : "LUN";
        if (!d.type().equals("file") && !d.type().equals("block")) {
            throw Errors.unsupported("%s %s '%s' has unsupported type '%s', expecting 'file' or 'block'",
                    d.targetBus().toUpperCase(java.util.Locale.ROOT), what, d.targetDev(), d.type());
        }
        String prefix;
        boolean scsi = d.targetBus().equals("scsi");
        if (scsi) {
            if (!d.targetDev().startsWith("sd")) {
                throw Errors.internal("Expecting domain XML attribute 'dev' of entry 'devices/disk/target' to start "
                        + "with 'sd' but found '%s'", d.targetDev());
            }
            int idx = DiskNames.index(d.targetDev(), "sd");
            if (idx < 0) {
                throw Errors.internal("Could not parse valid disk index from '%s'", d.targetDev());
            }
            if (idx >= 60) {
                throw Errors.internal("SCSI disk index (parsed from '%s') is too large", d.targetDev());
            }
            int unit = idx % 15;
            prefix = "scsi" + idx / 15 + ":" + (unit >= 7 ? unit + 1 : unit);
        } else if (d.targetBus().equals("ide")) {
            if (!d.targetDev().startsWith("hd")) {
                throw Errors.internal("Expecting domain XML attribute 'dev' of entry 'devices/disk/target' to start "
                        + "with 'hd' but found '%s'", d.targetDev());
            }
            int idx = DiskNames.index(d.targetDev(), "hd");
            if (idx < 0) {
                throw Errors.internal("Could not parse valid disk index from '%s'", d.targetDev());
            }
            if (idx >= 4) {
                throw Errors.internal("IDE disk index (parsed from '%s') is too large", d.targetDev());
            }
            prefix = "ide" + idx / 2 + ":" + idx % 2;
        } else {
            throw Errors.unsupported("Unsupported bus type '%s' for %s '%s'", d.targetBus(), what, d.targetDev());
        }
        String deviceType;
        boolean file = d.type().equals("file");
        switch (d.device()) {
            case "disk" -> {
                if (!file) {
                    throw Errors.unsupported("%s %s '%s' has an unsupported type '%s'",
                            d.targetBus().toUpperCase(java.util.Locale.ROOT), what, d.targetDev(), d.type());
                }
                deviceType = scsi ? "scsi-hardDisk" : "ata-hardDisk";
            }
            case "cdrom" -> deviceType = file ? "cdrom-image" : "atapi-cdrom";
            default -> deviceType = scsi && d.source() != null && d.source().startsWith("/vmfs/devices/cdrom/")
                    ? "scsi-passthru" : "cdrom-raw";
        }
        out.put(prefix + ".present", "true");
        out.put(prefix + ".deviceType", deviceType);
        if (file) {
            String suffix = d.device().equals("disk") ? ".vmdk" : ".iso";
            if (d.source() != null) {
                if (!endsWithIgnoreCase(d.source(), suffix)) {
                    throw Errors.internal("Image file for %s %s '%s' has unsupported suffix, expecting '%s'",
                            d.targetBus(), what.toLowerCase(java.util.Locale.ROOT), d.targetDev(), suffix);
                }
                out.put(prefix + ".fileName", files.toVmxFileName(d.source()));
            } else if (d.device().equals("cdrom")) {
                out.put(prefix + ".fileName", "emptyBackingString");
            } else {
                throw Errors.internal("%s '%s' has no source file", what, d.targetDev());
            }
        } else if (d.source() == null && "optional".equals(d.startupPolicy())) {
            out.put(prefix + ".autodetect", "true");
            out.put(prefix + ".fileName", "auto detect");
        } else if (d.source() == null) {
            throw Errors.internal("%s '%s' of type 'block' has no source device", what, d.targetDev());
        } else {
            out.put(prefix + ".fileName", d.source());
        }
        if (scsi && d.driverCache() != null && !d.driverCache().equals("default")) {
            if (!d.driverCache().equals("writethrough")) {
                throw Errors.unsupported("%s harddisk '%s' has unsupported cache mode '%s'", "SCSI", d.targetDev(),
                        d.driverCache());
            }
            out.put(prefix + ".writeThrough", "true");
        }
        if (d.transientDisk()) {
            out.put(prefix + ".mode", "independent-nonpersistent");
        }
    }

    private void floppy(DiskDef d) {
        int idx = DiskNames.index(d.targetDev(), "fd");
        if (idx < 0) {
            throw Errors.internal("Could not parse valid disk index from '%s'", d.targetDev());
        }
        if (idx >= 2) {
            throw Errors.internal("Floppy disk index (parsed from '%s') is too large", d.targetDev());
        }
        String prefix = "floppy" + idx;
        floppyUsed[idx] = true;
        out.put(prefix + ".present", "true");
        if (d.type().equals("file")) {
            out.put(prefix + ".fileType", "file");
            if (d.source() != null) {
                out.put(prefix + ".fileName", files.toVmxFileName(d.source()));
            }
        } else if (d.type().equals("block")) {
            out.put(prefix + ".fileType", "device");
            if (d.source() != null) {
                out.put(prefix + ".fileName", d.source());
            }
        } else {
            throw Errors.unsupported("Floppy '%s' has unsupported type '%s', expecting 'file' or 'block'",
                    d.targetDev(), d.type());
        }
    }
}
