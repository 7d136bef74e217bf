package io.jvirt.vmx.convert;

import io.jvirt.spi.xml.ControllerDef;
import io.jvirt.spi.xml.DiskDef;
import io.jvirt.spi.xml.DriveAddress;
import io.jvirt.vmx.ScsiModelDetector;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the SCSI controllers of the VMX file: verifies every disk address against its target
 * name, applies legacy {@code <driver name>} controller models, runs {@code model='auto'}
 * detection and checks the final models.
 */
final class ScsiControllerResolver {
    /** libvirt's SCSI controller model names (accepted as legacy driver names). */
    static final Set<String> LIBVIRT_SCSI_MODELS = Set.of("auto", "buslogic", "lsilogic", "lsisas1068", "vmpvscsi",
            "ibmvscsi", "virtio-scsi", "lsisas1078", "virtio-transitional", "virtio-non-transitional", "ncr53c90",
            "am53c974", "dc390");
    private static final Set<String> VMX_MODELS = Set.of("buslogic", "lsilogic", "lsisas1068", "vmpvscsi");

    private ScsiControllerResolver() {
    }

    /**
     * @return the model per SCSI controller index 0..3 that carries at least one SCSI disk ("" for
     *         no model), null for controllers without disks
     */
    static String[] resolve(List<DiskDef> disks, List<ControllerDef> controllers, ScsiModelDetector detector) {
        for (DiskDef d : disks) {
            verifyAddress(d);
        }
        String[] model = new String[4];
        boolean[] declared = new boolean[4];
        for (ControllerDef c : controllers) {
            if (c.type().equals("scsi") && c.index() < 4) {
                declared[c.index()] = true;
                model[c.index()] = c.model();
            }
        }
        for (DiskDef d : disks) {
            if (!d.targetBus().equals("scsi") || d.driverName() == null) {
                continue;
            }
            String name = d.driverName().toLowerCase(Locale.ROOT);
            if (!LIBVIRT_SCSI_MODELS.contains(name)) {
                throw Errors.internal("Unknown driver name '%s' of disk '%s'", d.driverName(), d.targetDev());
            }
            int c = d.address().controller();
            if (!declared[c]) {
                throw Errors.internal("Missing SCSI controller for index %d", c);
            }
            if (model[c] == null) {
                model[c] = name;
            } else if (!model[c].equals(name)) {
                throw Errors.internal("Inconsistent SCSI controller model ('%s' is not '%s') for SCSI controller "
                        + "index %d", name, model[c], c);
            }
        }
        String[] result = new String[4];
        for (int c = 0; c < 4; c++) {
            boolean hasDisks = false;
            String detected = null;
            boolean detectedAny = false;
            for (DiskDef d : disks) {
                if (!d.targetBus().equals("scsi") || d.address().controller() != c) {
                    continue;
                }
                hasDisks = true;
                if ("auto".equals(model[c])) {
                    Optional<String> m = detector.detect(d);
                    String answer = m.orElse("auto");
                    if (detectedAny && !answer.equals(detected)) {
                        throw Errors.internal("Disks on SCSI controller %d have inconsistent controller models, "
                                + "cannot autodetect model", c);
                    }
                    detected = answer;
                    detectedAny = true;
                }
            }
            if (!hasDisks) {
                continue;
            }
            String m = detectedAny ? detected : model[c];
            if (m != null && !VMX_MODELS.contains(m)) {
                throw Errors.internal("Expecting domain XML attribute 'model' of entry 'controller' to be 'buslogic' "
                        + "or 'lsilogic' or 'lsisas1068' or 'vmpvscsi' but found '%s'", m);
            }
            result[c] = m == null ? "" : m;
        }
        return result;
    }

    private static void verifyAddress(DiskDef d) {
        String bus = d.targetBus();
        if (!bus.equals("scsi") && !bus.equals("ide") && !bus.equals("fdc")) {
            throw Errors.unsupported("Unsupported bus type '%s' of disk '%s'", bus, d.targetDev());
        }
        DriveAddress expected = VmxPostParse.assignedAddress(d);
        if (expected == null) {
            throw Errors.internal("Could not verify disk address of disk '%s'", d.targetDev());
        }
        DriveAddress a = d.address();
        if (a.controller() != expected.controller() || a.bus() != expected.bus() || a.unit() != expected.unit()) {
            throw Errors.internal("Disk address %d:%d:%d doesn't match target device '%s'", a.controller(), a.bus(),
                    a.unit(), d.targetDev());
        }
        switch (bus) {
            case "scsi" -> {
                if (a.controller() > 3) {
                    throw Errors.internal("SCSI controller index %d out of [0..3] range", a.controller());
                }
                if (a.bus() != 0) {
                    throw Errors.internal("SCSI bus index %d out of [0] range", a.bus());
                }
                if (a.unit() > 15 || a.unit() == 7) {
                    throw Errors.internal("SCSI unit index %d out of [0..6,8..15] range", a.unit());
                }
            }
            case "ide" -> {
                if (a.controller() != 0) {
                    throw Errors.internal("IDE controller index %d out of [0] range", a.controller());
                }
                if (a.bus() > 1) {
                    throw Errors.internal("IDE bus index %d out of [0..1] range", a.bus());
                }
                if (a.unit() > 1) {
                    throw Errors.internal("IDE unit index %d out of [0..1] range", a.unit());
                }
            }
            default -> {
                if (a.controller() != 0) {
                    throw Errors.internal("FDC controller index %d out of [0] range", a.controller());
                }
                if (a.bus() != 0) {
                    throw Errors.internal("FDC bus index %d out of [0] range", a.bus());
                }
                if (a.unit() > 1) {
                    throw Errors.internal("FDC unit index %d out of [0..1] range", a.unit());
                }
            }
        }
    }
}
