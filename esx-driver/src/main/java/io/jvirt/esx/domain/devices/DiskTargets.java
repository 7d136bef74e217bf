package io.jvirt.esx.domain.devices;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.vmx.convert.DiskNames;

/**
 * libvirt's VMX disk naming, both ways: a target ({@code sda}, {@code hdc}, {@code fda}) on a bus
 * is one controller and unit of the VM. SCSI: 15 units per controller, unit 7 (the controller's
 * own) skipped, controllers 0-3; IDE: 2 buses of 2 units; SATA: 30 units per controller, 0-3;
 * floppy: units 0-1. These are the rules the VMX reader uses, so a target means the same slot in
 * {@code dumpxml} and in a device change.
 */
public final class DiskTargets {
    private DiskTargets() {
    }

    /** A slot: the bus kind ({@code scsi}, {@code ide}, {@code sata}, {@code fdc}), controller and unit. */
    public record Slot(String bus, int controller, int unit) {
    }

    /** The slot of target {@code dev} on {@code bus}; {@code INVALID_ARG} naming the target if none. */
    public static Slot slot(String dev, String bus) {
        switch (bus) {
            case "scsi" -> {
                int idx = index(dev, "sd");
                if (idx >= 0 && idx < 60) {
                    int unit = idx % 15;
                    return new Slot("scsi", idx / 15, unit >= 7 ? unit + 1 : unit);
                }
            }
            case "sata" -> {
                int idx = index(dev, "sd");
                if (idx >= 0 && idx < 120) {
                    return new Slot("sata", idx / 30, idx % 30);
                }
            }
            case "ide" -> {
                int idx = index(dev, "hd");
                if (idx >= 0 && idx < 4) {
                    return new Slot("ide", idx / 2, idx % 2);
                }
            }
            case "fdc" -> {
                int idx = index(dev, "fd");
                if (idx >= 0 && idx < 2) {
                    return new Slot("fdc", 0, idx);
                }
            }
            default -> throw new HypervisorException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.ESX,
                    "disk bus '" + bus + "' of target '" + dev + "' is not supported by ESX (scsi, sata, ide, fdc)");
        }
        throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                "disk target '" + dev + "' does not name a " + bus + " slot ESX has");
    }

    /** The target name of a slot. */
    public static String name(Slot slot) {
        return DiskNames.target(slot.bus(), slot.controller(), slot.unit());
    }

    private static int index(String name, String prefix) {
        return DiskNames.index(name, prefix);
    }
}
