package io.jvirt.vmx.convert;

import static io.jvirt.vmx.convert.VmxValues.endsWithIgnoreCase;

import io.jvirt.spi.xml.ControllerDef;
import io.jvirt.spi.xml.DiskDef;
import io.jvirt.spi.xml.DriveAddress;
import io.jvirt.vmx.FileNameMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the disks, CD-ROMs and floppies of a VMX file (SCSI, SATA, IDE, floppy in that order)
 * and the SCSI and SATA controllers that carry them.
 */
final class VmxDiskReader {
    private static final Map<String, String> SCSI_MODELS = Map.of("buslogic", "buslogic", "lsilogic", "lsilogic",
            "lsisas1068", "lsisas1068", "pvscsi", "vmpvscsi");
    private static final String EMPTY_BACKING = "emptyBackingString";

    private final VmxValues vmx;
    private final FileNameMapper files;
    private final int virtualHw;
    final List<DiskDef> disks = new ArrayList<>();
    final List<ControllerDef> controllers = new ArrayList<>();
    /** bus/target -> the VMX slot that took it, to refuse two slots mapping to one target. */
    private final Map<String, String> targets = new HashMap<>();

    VmxDiskReader(VmxValues vmx, FileNameMapper files, int virtualHw) {
        this.vmx = vmx;
        this.files = files;
        this.virtualHw = virtualHw;
    }

    void read() {
        readScsi();
        readSata();
        for (int bus = 0; bus < 2; bus++) {
            for (int unit = 0; unit < 2; unit++) {
                String prefix = "ide" + bus + ":" + unit;
                int index = bus * 2 + unit;
                tryDevice(prefix, "ide", DiskNames.name("hd", index), DiskNames.ideAddress(index));
            }
        }
        for (int unit = 0; unit < 2; unit++) {
            DiskDef floppy = floppy("floppy" + unit, unit);
            if (floppy != null) {
                disks.add(floppy);
            }
        }
    }

    private void readScsi() {
        boolean[] present = new boolean[4];
        String[] models = new String[4];
        for (int c = 0; c < 4; c++) {
            present[c] = vmx.bool("scsi" + c + ".present", false);
            if (!present[c]) {
                continue;
            }
            String key = "scsi" + c + ".virtualDev";
            String dev = vmx.string(key);
            if (dev != null) {
                String model = SCSI_MODELS.get(dev.toLowerCase(Locale.ROOT));
                if (model == null) {
                    throw vmx.error(key, "Expecting VMX entry '%s' to be 'buslogic' or 'lsilogic' or 'lsisas1068' "
                            + "or 'pvscsi' but found '%s'", key, dev);
                }
                models[c] = model;
            }
        }
        int maxUnit = virtualHw >= 13 ? 64 : 16;
        int before = disks.size();
        for (int c = 0; c < 4; c++) {
            if (!present[c]) {
                continue;
            }
            for (int unit = 0; unit < maxUnit; unit++) {
                if (unit == 7) {
                    continue;
                }
                String prefix = "scsi" + c + ":" + unit;
                if (!vmx.file().hasKeysUnder(prefix)) {
                    continue;
                }
                int index = c * DiskNames.SCSI_UNITS + (unit < 7 ? unit : unit - 1);
                tryDevice(prefix, "scsi", DiskNames.name("sd", index), DiskNames.scsiAddress(index, maxUnit));
            }
        }
        if (disks.size() > before) {
            int last = disks.get(disks.size() - 1).address().controller();
            for (int c = 0; c <= last; c++) {
                controllers.add(new ControllerDef("scsi", c, c < 4 ? models[c] : null));
            }
        }
    }

    private void readSata() {
        int before = disks.size();
        for (int c = 0; c < 4; c++) {
            if (!vmx.bool("sata" + c + ".present", false)) {
                continue;
            }
            for (int unit = 0; unit < 30; unit++) {
                String prefix = "sata" + c + ":" + unit;
                if (!vmx.file().hasKeysUnder(prefix)) {
                    continue;
                }
                int index = c * 30 + unit;
                tryDevice(prefix, "sata", DiskNames.name("sd", index), DiskNames.sataAddress(index));
            }
        }
        if (disks.size() > before) {
            int last = disks.get(disks.size() - 1).address().controller();
            for (int c = 0; c <= last; c++) {
                controllers.add(new ControllerDef("sata", c, null));
            }
        }
    }

    /** One VMX device slot: first as hard disk, then as CD-ROM. */
    private void tryDevice(String prefix, String bus, String dev, DriveAddress address) {
        if (!vmx.file().hasKeysUnder(prefix)) {
            return; // no key of this slot: every read would give its default (not present)
        }
        Slot s = new Slot(prefix);
        if (!s.present || s.clientDevice) {
            return;
        }
        DiskDef disk = hardDisk(s, bus, dev, address);
        if (disk == null) {
            disk = cdrom(s, bus, dev, address);
        }
        if (disk != null) {
            String taken = targets.putIfAbsent(bus + "/" + dev, prefix);
            if (taken != null) {
                // libvirt's naming gives 15 SCSI units per controller even where virtualHW 13+
                // allows 64, so e.g. scsi0:16 and scsi1:0 both become 'sdp'; libvirt then writes
                // XML with a duplicated target. Refuse instead of writing XML nobody can read.
                throw vmx.error(prefix + ".present", "VMX entries '%s' and '%s' both map to disk target '%s': "
                        + "this combination cannot be expressed in domain XML", taken, prefix, dev);
            }
            disks.add(disk);
        }
    }

    /** The keys of one device slot, all read (and validated) up front. */
    private final class Slot {
        final String prefix;
        final boolean present;
        final String deviceType;
        final boolean clientDevice;
        final String mode;
        final String fileType;
        final String fileName;
        final boolean writeThrough;

        Slot(String prefix) {
            this.prefix = prefix;
            present = vmx.bool(prefix + ".present", false);
            vmx.bool(prefix + ".startConnected", true);
            deviceType = vmx.string(prefix + ".deviceType");
            clientDevice = vmx.bool(prefix + ".clientDevice", false);
            mode = vmx.string(prefix + ".mode");
            fileType = vmx.string(prefix + ".fileType");
            fileName = vmx.string(prefix + ".fileName");
            writeThrough = vmx.bool(prefix + ".writeThrough", false);
        }

        boolean deviceTypeIs(String t) {
            return deviceType != null && deviceType.equalsIgnoreCase(t);
        }

        RuntimeException unhandled() {
            return vmx.error(prefix + ".fileName", "Invalid or not yet handled value '%s' for VMX entry '%s' for "
                    + "device type '%s'", fileName == null ? "<null>" : fileName, prefix + ".fileName",
                    deviceType == null ? "unknown" : deviceType);
        }
    }

    private DiskDef hardDisk(Slot s, String bus, String dev, DriveAddress address) {
        if (s.fileName == null || endsWithIgnoreCase(s.fileName, ".iso") || s.fileName.equals(EMPTY_BACKING)
                || s.deviceTypeIs("atapi-cdrom") || s.deviceTypeIs("cdrom-raw") || s.deviceTypeIs("cdrom-image")
                || (s.deviceTypeIs("scsi-passthru") && s.fileName.startsWith("/vmfs/devices/cdrom/"))) {
            return null;
        }
        if (!endsWithIgnoreCase(s.fileName, ".vmdk")) {
            throw s.unhandled();
        }
        if (s.deviceType != null) {
            String key = s.prefix + ".deviceType";
            if (bus.equals("scsi") && !s.deviceTypeIs("scsi-hardDisk") && !s.deviceTypeIs("disk")) {
                throw vmx.error(key, "Expecting VMX entry '%s' to be 'scsi-hardDisk' or 'disk' but found '%s'", key,
                        s.deviceType);
            }
            if (bus.equals("ide") && !s.deviceTypeIs("ata-hardDisk") && !s.deviceTypeIs("disk")) {
                throw vmx.error(key, "Expecting VMX entry '%s' to be 'ata-hardDisk' or 'disk' but found '%s'", key,
                        s.deviceType);
            }
        }
        String source = files.toSource(s.fileName, false).orElseThrow(() -> vmx.error(s.prefix + ".fileName",
                "Referenced missing file '%s'", s.fileName));
        boolean transientDisk = s.mode != null && s.mode.equalsIgnoreCase("independent-nonpersistent");
        return new DiskDef("file", "disk", null, s.writeThrough ? "writethrough" : null, source, null, dev, bus,
                address, false, transientDisk);
    }

    private DiskDef cdrom(Slot s, String bus, String dev, DriveAddress address) {
        if (endsWithIgnoreCase(s.fileName, ".vmdk")) {
            return null;
        }
        if (endsWithIgnoreCase(s.fileName, ".iso")) {
            requireCdromImage(s);
            String source = files.toSource(s.fileName, true).orElse(null);
            return new DiskDef("file", "cdrom", null, null, source, null, dev, bus, address, true, false);
        }
        if (s.deviceTypeIs("atapi-cdrom") || s.deviceTypeIs("cdrom-raw")) {
            String device = s.deviceTypeIs("cdrom-raw") ? "lun" : "cdrom";
            boolean auto = s.fileName != null && s.fileName.equalsIgnoreCase("auto detect");
            return new DiskDef("block", device, null, null, auto ? null : s.fileName, auto ? "optional" : null, dev,
                    bus, address, true, false);
        }
        if (bus.equals("scsi") && s.deviceTypeIs("scsi-passthru")) {
            if (s.fileName != null && s.fileName.startsWith("/vmfs/devices/cdrom/")) {
                return new DiskDef("block", "lun", null, null, s.fileName, null, dev, bus, address, true, false);
            }
            return null;
        }
        if (EMPTY_BACKING.equals(s.fileName)) {
            requireCdromImage(s);
            return new DiskDef("file", "cdrom", null, null, null, null, dev, bus, address, true, false);
        }
        throw s.unhandled();
    }

    private void requireCdromImage(Slot s) {
        if (s.deviceType != null && !s.deviceTypeIs("cdrom-image")) {
            String key = s.prefix + ".deviceType";
            throw vmx.error(key, "Expecting VMX entry '%s' to be 'cdrom-image' but found '%s'", key, s.deviceType);
        }
    }

    private DiskDef floppy(String prefix, int unit) {
        if (!vmx.file().hasKeysUnder(prefix)) {
            return null;
        }
        Slot s = new Slot(prefix);
        if (!s.present || s.clientDevice) {
            return null;
        }
        String dev = DiskNames.name("fd", unit);
        DriveAddress address = DiskNames.fdcAddress(unit);
        if (s.fileType != null && s.fileType.equalsIgnoreCase("device")) {
            return new DiskDef("block", "floppy", null, null, s.fileName, null, dev, "fdc", address, false, false);
        }
        if (s.fileType != null && s.fileType.equalsIgnoreCase("file")) {
            String source = s.fileName == null ? null : files.toSource(s.fileName, false).orElseThrow(
                    () -> vmx.error(prefix + ".fileName", "Referenced missing file '%s'", s.fileName));
            return new DiskDef("file", "floppy", null, null, source, null, dev, "fdc", address, false, false);
        }
        String key = prefix + ".fileType";
        throw vmx.error(key, "Invalid or not yet handled value '%s' for VMX entry '%s' for device type '%s'",
                s.fileType == null ? "<null>" : s.fileType, key, "floppy");
    }
}
