package io.jvirt.esx.uri;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EsxSchemeTest {
    @Test
    void defaultPortsDependOnSchemeAndTransport() {
        assertEquals(443, EsxScheme.ESX.defaultPort(Transport.HTTPS));
        assertEquals(80, EsxScheme.ESX.defaultPort(Transport.HTTP));
        assertEquals(443, EsxScheme.VPX.defaultPort(Transport.HTTPS));
        assertEquals(80, EsxScheme.VPX.defaultPort(Transport.HTTP));
        assertEquals(8333, EsxScheme.GSX.defaultPort(Transport.HTTPS));
        assertEquals(8222, EsxScheme.GSX.defaultPort(Transport.HTTP));
    }

    @Test
    void defaultUsers() {
        assertEquals("root", EsxScheme.ESX.defaultUser());
        assertEquals("root", EsxScheme.GSX.defaultUser());
        assertEquals("administrator", EsxScheme.VPX.defaultUser());
    }

    @Test
    void schemesMatchCaseSensitively() {
        assertEquals(EsxScheme.GSX, EsxScheme.of("gsx"));
        assertEquals(ErrorCode.INVALID_ARG, assertThrows(HypervisorException.class, () -> EsxScheme.of("ESX")).code());
        assertThrows(HypervisorException.class, () -> EsxScheme.of("esx+ssh"));
    }
}
