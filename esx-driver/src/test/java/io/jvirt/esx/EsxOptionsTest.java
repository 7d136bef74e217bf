package io.jvirt.esx;

import io.jvirt.esx.shared.EsxOptions;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EsxOptionsTest {
    private static Duration d(Object v) {
        return EsxOptions.duration(Map.of("k", v), "k", Duration.ZERO);
    }

    @Test
    void durationForms() {
        assertEquals(Duration.ofSeconds(5), d(Duration.ofSeconds(5)));
        assertEquals(Duration.ofMillis(250), d(250));
        assertEquals(Duration.ofMillis(250), d("250ms"));
        assertEquals(Duration.ofSeconds(30), d("30s"));
        assertEquals(Duration.ofMinutes(2), d("2m"));
        assertEquals(Duration.ofSeconds(90), d("PT90S"));
        assertEquals(Duration.ofMillis(1500), d("1500"));
        assertEquals(Duration.ofSeconds(7), EsxOptions.duration(Map.of(), "k", Duration.ofSeconds(7)));
    }

    @Test
    void badDurationsNameTheOption() {
        HypervisorException e = assertThrows(HypervisorException.class, () -> d("soon"));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertEquals("Option 'k' has unexpected value 'soon' (should be a non-negative duration such as 30s, 2m, 500ms or PT30S)",
                e.getMessage());
        assertThrows(HypervisorException.class, () -> d(-5));
    }
}
