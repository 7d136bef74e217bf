package io.jvirt.spi.xml;

import java.util.List;

/**
 * {@code <os>}.
 *
 * @param type       {@code hvm}, ...
 * @param arch       {@code <type arch>}, or null when not given
 * @param machine    {@code <type machine>}, or null
 * @param firmware   {@code <os firmware>} ({@code efi}, {@code bios}), or null
 * @param bootDevs   the {@code <boot dev>} values in order
 * @param smbiosMode {@code <smbios mode>} ({@code emulate}, {@code host}, {@code sysinfo}), or null
 */
public record OsDef(String type, String arch, String machine, String firmware, List<String> bootDevs,
        String smbiosMode) {

    public OsDef {
        bootDevs = List.copyOf(bootDevs);
    }

    public OsDef withArch(String a) {
        return new OsDef(type, a, machine, firmware, bootDevs, smbiosMode);
    }
}
