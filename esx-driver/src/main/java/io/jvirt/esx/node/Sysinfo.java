package io.jvirt.esx.node;

import io.jvirt.spi.xml.XmlWriter;
import io.jvirt.vim25.HostBIOSInfo;
import io.jvirt.vim25.HostSystemInfo;

import java.util.Locale;

/**
 * {@code virConnectGetSysinfo} for ESX: libvirt's {@code <sysinfo type='smbios'>} built from the
 * host's {@code hardware.biosInfo} (bios: vendor, version, date as MM/DD/YYYY, release as
 * major.minor) and {@code hardware.systemInfo} (system: manufacturer, product, serial, uuid), the
 * fields SMBIOS types 0 and 1 have and vSphere reports. Absent fields are left out, as libvirt
 * leaves out what dmidecode does not show.
 */
public final class Sysinfo {
    /** The host properties it needs. */
    public static final String BIOS = "hardware.biosInfo";
    public static final String SYSTEM = "hardware.systemInfo";

    private Sysinfo() {
    }

    public static String xml(HostBIOSInfo bios, HostSystemInfo system) {
        XmlWriter w = new XmlWriter();
        w.start("sysinfo").attr("type", "smbios").open();
        if (bios != null) {
            w.start("bios").open();
            entry(w, "vendor", bios.getVendor());
            entry(w, "version", bios.getBiosVersion());
            if (bios.getReleaseDate() != null) {
                var d = bios.getReleaseDate();
                entry(w, "date", String.format(Locale.ROOT, "%02d/%02d/%04d", d.getMonth(), d.getDay(), d.getYear()));
            }
            if (bios.getMajorRelease() != null && bios.getMinorRelease() != null) {
                entry(w, "release", bios.getMajorRelease() + "." + bios.getMinorRelease());
            }
            w.end("bios");
        }
        if (system != null) {
            w.start("system").open();
            entry(w, "manufacturer", system.getVendor());
            entry(w, "product", system.getModel());
            entry(w, "serial", system.getSerialNumber());
            entry(w, "uuid", system.getUuid());
            w.end("system");
        }
        w.end("sysinfo");
        return w.toString();
    }

    private static void entry(XmlWriter w, String name, String value) {
        if (value != null && !value.isBlank()) {
            w.start("entry").attr("name", name).text("entry", value.strip());
        }
    }
}
