package io.jvirt.esx.events;

import io.jvirt.spi.DomainState;

import java.util.List;
import java.util.UUID;

/**
 * What the watcher remembers of one VM (a few strings: about 200 bytes a VM).
 *
 * @param name          the domain name (escapes decoded)
 * @param uuid          the domain UUID
 * @param state         the domain state from {@code runtime.powerState}
 * @param changeVersion {@code config.changeVersion}, or null
 * @param bootTime      {@code runtime.bootTime} as text, or null
 * @param annotation    {@code config.annotation} (libvirt's description), or null
 * @param devices       the names of the VM's disks and NICs ({@link DeviceAliases}), or null when
 *                      the server did not send {@code config.hardware.device}
 */
record VmRecord(String name, UUID uuid, DomainState state, String changeVersion, String bootTime, String annotation,
                List<String> devices) {

    VmRecord withState(DomainState s) {
        return new VmRecord(name, uuid, s, changeVersion, bootTime, annotation, devices);
    }

    VmRecord withoutBootTime() {
        return new VmRecord(name, uuid, state, changeVersion, null, annotation, devices);
    }
}
