package io.jvirt.esx.testing;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The failure assertion of the storage and network tests. */
public final class Failures {
    private Failures() {
    }

    /** Asserts the call fails with this code and, unless {@code message} is null, exactly this message. */
    public static HypervisorException fails(ErrorCode code, String message, Executable call) {
        HypervisorException e = assertThrows(HypervisorException.class, call);
        assertEquals(code, e.code(), e.toString());
        if (message != null) {
            assertEquals(message, e.getMessage());
        }
        return e;
    }
}
