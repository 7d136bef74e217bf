package io.jvirt.spi;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ErrorCodeTest {
    @Test
    void presentsMessagesLikeLibvirt() {
        assertEquals("Requested operation is not valid: Domain is not powered on",
                ErrorCode.OPERATION_INVALID.present("Domain is not powered on"));
        assertEquals("Domain not found: no domain with matching name 'x'",
                ErrorCode.NO_DOMAIN.present("Domain not found: no domain with matching name 'x'"), "never twice");
        assertEquals("this function is not supported by the connection driver: Domain.migrate",
                HypervisorException.noSupport("Domain.migrate").code().present(HypervisorException.noSupport("Domain.migrate").getMessage()));
        assertEquals("connection refused", ErrorCode.SYSTEM_ERROR.present("connection refused"), "no summary for system errors");
    }
}
