package io.jvirt.vmx.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jvirt.spi.xml.MacAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The MAC range table of esx-spec 4.8, one row per case. */
class MacRulesTest {
    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "00:0c:29:11:22:33, -, -, generated, -",
        "00:50:56:00:00:00, -, -, static, -",
        "00:50:56:3f:ff:ff, -, -, static, -",
        "00:50:56:40:00:00, -, -, static, false",
        "00:50:56:7f:ff:ff, -, -, static, false",
        "00:50:56:80:00:00, -, -, vpx, -",
        "00:50:56:bf:ff:ff, -, -, vpx, -",
        "00:50:56:c0:00:00, -, -, static, false",
        "aa:bb:cc:dd:ee:ff, -, -, static, false",
        "00:0c:29:dd:ee:fe, static, yes, static, true",
        "aa:bb:cc:dd:ee:fd, generated, no, generated, false",
        "aa:bb:cc:dd:ee:fd, generated, -, generated, -",
        "00:50:56:91:00:01, generated, -, vpx, -",
        "00:50:56:91:00:01, static, -, static, -",
        "00:0c:29:00:00:01, -, no, generated, false",
    })
    void rules(String mac, String type, String check, String addressType, String checkMac) {
        MacRules r = MacRules.of(MacAddress.tryParse(mac), type, check);
        assertEquals(addressType, r.addressType());
        assertEquals(checkMac, r.checkMac());
    }
}
