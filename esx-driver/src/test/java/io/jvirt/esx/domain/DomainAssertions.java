package io.jvirt.esx.domain;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Assertions shared by the domain tests (connections come from {@link io.jvirt.esx.testing.SimulatedConnection}). */
final class DomainAssertions {
    private DomainAssertions() {
    }

    /** Asserts the call fails with this code and exactly this message. */
    static HypervisorException fails(ErrorCode code, String message, Executable call) {
        HypervisorException e = assertThrows(HypervisorException.class, call);
        assertEquals(message, e.getMessage());
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }
}
