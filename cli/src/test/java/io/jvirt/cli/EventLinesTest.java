package io.jvirt.cli;

import io.jvirt.cli.commands.EventCommands;
import io.jvirt.spi.event.DomainEvent;
import io.jvirt.spi.event.DomainEventId;
import io.jvirt.spi.event.EventOrigin;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * virsh's lines for the device and metadata events the ESX watcher produces (virsh's
 * {@code virshEventDeviceAddedPrint}, {@code virshEventDeviceRemovedPrint},
 * {@code virshEventMetadataChangePrint}: the alias, the metadata type and the namespace URI,
 * {@code <null>} when there is none).
 */
class EventLinesTest {
    private static final UUID ID = UUID.fromString("564d0c6a-9f2b-4c1e-8a3d-2b7e5f6a7b8c");

    @Test
    void deviceAndMetadataEventsPrintLikeVirsh() {
        assertEquals("event 'device-added' for domain 'vm1': 00:50:56:aa:bb:cc", EventCommands.line(
                DomainEvent.of("vm1", ID, DomainEventId.DEVICE_ADDED, -1, "00:50:56:aa:bb:cc", EventOrigin.LIVE)));
        assertEquals("event 'device-removed' for domain 'vm1': sda", EventCommands.line(
                DomainEvent.of("vm1", ID, DomainEventId.DEVICE_REMOVED, -1, "sda", EventOrigin.LIVE)));
        assertEquals("event 'metadata-change' for domain 'vm1': type description, uri <null>", EventCommands.line(
                DomainEvent.of("vm1", ID, DomainEventId.METADATA_CHANGE, 0, null, EventOrigin.LIVE)));
    }
}
