package io.jvirt.vmx.convert;

import io.jvirt.spi.xml.ChardevDef;
import io.jvirt.spi.xml.ControllerDef;
import io.jvirt.spi.xml.Devices;
import io.jvirt.spi.xml.DiskDef;
import io.jvirt.spi.xml.DomainDef;
import io.jvirt.vmx.VmxContext;
import io.jvirt.vmx.VmxFile;

import java.util.ArrayList;
import java.util.List;

/**
 * VMX to domain definition, following libvirt 9.0's VMX reader, including the implicit devices
 * libvirt's generic code adds afterwards (disk controllers, the serial console, the video).
 */
public final class VmxToDomain {
    private VmxToDomain() {
    }

    public static DomainDef convert(VmxFile file, VmxContext ctx) {
        VmxValues vmx = new VmxValues(file);
        VmxGeneralReader general = new VmxGeneralReader(vmx);
        int virtualHw = general.versions();
        DomainDef.Builder b = DomainDef.builder().type("vmware");
        general.read(b);

        VmxDisplayReader display = new VmxDisplayReader(vmx);
        var graphics = display.graphics();
        VmxDiskReader disks = new VmxDiskReader(vmx, ctx.fileNames(), virtualHw);
        disks.read();
        var filesystems = new VmxSharedFolderReader(vmx).read();
        var interfaces = new VmxEthernetReader(vmx).read();
        var video = display.video();
        VmxCharDeviceReader chars = new VmxCharDeviceReader(vmx, ctx.fileNames());
        List<ChardevDef> serials = chars.serials();
        List<ChardevDef> parallels = chars.parallels();

        List<ChardevDef> consoles = serials.isEmpty() ? List.of()
                : List.of(new ChardevDef(serials.get(0).type(), serials.get(0).path(), serials.get(0).mode(),
                        serials.get(0).host(), serials.get(0).service(), serials.get(0).protocol(), "serial",
                        serials.get(0).targetPort()));
        b.devices(new Devices(disks.disks, implicitControllers(disks.disks, disks.controllers), filesystems,
                interfaces, List.of(), graphics, List.of(video), serials, parallels, consoles));
        b.vmwareDatacenterPath(ctx.datacenterPath());
        b.vmwareMoref(ctx.moref());
        DomainDef def = b.build();
        Errors.checkCapabilities(ctx.capabilities(), def);
        return def;
    }

    /** The highest controller index a VMX file can have per disk bus (scsi0-3, sata0-3, one IDE, one FDC). */
    private static final int MAX_CONTROLLER = 3;

    /** libvirt adds missing controllers after the explicit ones: SCSI, FDC, IDE, SATA. */
    static List<ControllerDef> implicitControllers(List<DiskDef> disks, List<ControllerDef> explicit) {
        List<ControllerDef> out = new ArrayList<>(explicit);
        for (String[] busType : new String[][] {{"scsi", "scsi"}, {"fdc", "fdc"}, {"ide", "ide"}, {"sata", "sata"}}) {
            int max = -1;
            for (DiskDef d : disks) {
                if (d.targetBus().equals(busType[0]) && d.address() != null) {
                    int controller = d.address().controller();
                    if (controller > MAX_CONTROLLER) {
                        // Found by Jazzer: an address like controller='65535' made this loop add
                        // (and re-scan) tens of thousands of controllers, for minutes.
                        throw Errors.internal("%s controller index %d out of [0..%d] range",
                                busType[0].toUpperCase(java.util.Locale.ROOT), controller, MAX_CONTROLLER);
                    }
                    max = Math.max(max, controller);
                }
            }
            for (int i = 0; i <= max; i++) {
                boolean exists = false;
                for (ControllerDef c : out) {
                    if (c.type().equals(busType[1]) && c.index() == i) {
                        exists = true;
                        break;
                    }
                }
                if (!exists) {
                    out.add(new ControllerDef(busType[1], i, null));
                }
            }
        }
        return out;
    }
}
