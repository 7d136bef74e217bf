package io.jvirt.conformance.contract;

import io.jvirt.spi.CloneOptions;
import io.jvirt.spi.Connection;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.error.ErrorCode;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Domain.clone} on every driver: the clone has the new name, a new UUID and the source's
 * vCPUs and memory, is shut off, lists and is found by name and UUID (fresh MAC addresses are
 * checked per driver: CloneSimulatorTest, the test driver's clone test); a taken
 * name is DOM_EXIST and a linked clone without a snapshot INVALID_ARG. The source is a shut-off
 * domain (ESX copies the disks of shut-off VMs only); a running lifecycle domain is stopped for
 * the copy and started again.
 */
final class CloneContract {
    private static final String NAME = "conformance-clone";

    private CloneContract() {
    }

    static void check(ConformanceTarget t, Connection c) {
        Domain source = c.listAllDomains().stream().filter(d -> d.state() == DomainState.SHUTOFF).findFirst().orElse(null);
        boolean restart = false;
        if (source == null) {
            source = t.lifecycleDomain() != null ? c.lookupDomainByName(t.lifecycleDomain()) : Contracts.anyDomain(c);
            source.destroy();
            restart = true;
        }
        try {
            io.jvirt.spi.DomainInfo before = source.info();
            Domain clone = source.clone(NAME, CloneOptions.defaults());
            try {
                assertEquals(NAME, clone.name());
                assertNotEquals(source.uuid(), clone.uuid());
                assertEquals(DomainState.SHUTOFF, clone.currentState());
                assertEquals(clone.uuid(), c.lookupDomainByName(NAME).uuid());
                assertEquals(NAME, c.lookupDomainByUuid(clone.uuid()).name());
                assertTrue(c.listAllDomains().stream().anyMatch(d -> d.name().equals(NAME)));
                // the server's view (vcsim writes no .vmx for a clone, so not the domain XML)
                io.jvirt.spi.DomainInfo after = clone.info();
                assertEquals(before.vcpus(), after.vcpus());
                assertEquals(before.maxMemoryKiB(), after.maxMemoryKiB());
                assertEquals(source.uuid(), c.lookupDomainByName(source.name()).uuid(), "the source keeps its UUID");
                Domain src = source;
                Contracts.expect(ErrorCode.DOM_EXIST, () -> src.clone(NAME, CloneOptions.defaults()));
                Contracts.expect(ErrorCode.INVALID_ARG, () -> new CloneOptions(null, true, null));
            } finally {
                clone.undefine();
            }
        } finally {
            if (restart) {
                source.create();
            }
        }
    }
}
