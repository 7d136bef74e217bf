package io.jvirt.esx.vi;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProductLineTest {

    @ParameterizedTest
    @CsvSource({"2.5, 2005000", "2.5u2, 2005000", "4, 4000000", "4.1, 4001000", "5.5.0, 5005000",
            "6.7.3 build 123, 6007003", "8.0.2.0, 8000002", "7., 7000000"})
    void versionsAreEncodedLikeLibvirt(String text, long expected) {
        assertEquals(OptionalLong.of(expected), VersionNumber.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"abc", "''", "5.1000", ".5"})
    void unparsableVersions(String text) {
        assertEquals(OptionalLong.empty(), VersionNumber.parse(text));
    }

    @Test
    void productLines() {
        assertEquals(ProductLine.ESX, ProductLine.check("HostAgent", "6.5", "embeddedEsx", "6.5.0"));
        assertEquals(ProductLine.ESX, ProductLine.check("HostAgent", "4.0", "esx", "4.0.0"));
        assertEquals(ProductLine.GSX, ProductLine.check("HostAgent", "2.5", "gsx", "2.0.1"));
        assertEquals(ProductLine.VPX, ProductLine.check("VirtualCenter", "7.0", "vpx", "7.0.3"));
    }

    private static void assertInternal(String message, String apiType, String apiVersion, String line, String version) {
        HypervisorException e = assertThrows(HypervisorException.class,
                () -> ProductLine.check(apiType, apiVersion, line, version));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertEquals(message, e.getMessage());
    }

    @Test
    void everyCheckHasLibvirtsMessage() {
        assertInternal("Expecting VI API type 'HostAgent' or 'VirtualCenter' but found 'Other'", "Other", "6.0", "esx", "6.0");
        assertInternal("Could not parse VI API version 'x'", "HostAgent", "x", "esx", "6.0");
        assertInternal("Minimum supported VI API version is 2.5 but found version '2.0'", "HostAgent", "2.0", "esx", "6.0");
        assertInternal("Could not parse product version 'y'", "HostAgent", "6.0", "esx", "y");
        assertInternal("Minimum supported ESX(i) version is 3.5 but found version '3.0.1'", "HostAgent", "2.5", "esx", "3.0.1");
        assertInternal("Minimum supported Server/GSX version is 2.0 but found version '1.0'", "HostAgent", "2.5", "gsx", "1.0");
        assertInternal("Minimum supported vCenter/VPX version is 2.5 but found version '2.0'", "VirtualCenter", "2.5", "vpx", "2.0");
        assertInternal("Expecting product 'gsx' or 'esx' or 'embeddedEsx' or 'vpx' but found 'workstation'",
                "HostAgent", "6.0", "workstation", "6.0");
    }

    @Test
    void virtualHardwareVersions() {
        assertEquals(7, VirtualHardware.version(ProductLine.GSX, 2_000_000));
        assertEquals(4, VirtualHardware.version(ProductLine.ESX, 3_005_000));
        assertEquals(7, VirtualHardware.version(ProductLine.ESX, 4_001_000));
        assertEquals(9, VirtualHardware.version(ProductLine.ESX, 5_001_000));
        assertEquals(10, VirtualHardware.version(ProductLine.ESX, 5_005_000));
        assertEquals(10, VirtualHardware.version(ProductLine.ESX, 6_007_000));
        assertEquals(8, VirtualHardware.version(ProductLine.ESX, 7_000_003));
        assertEquals(4, VirtualHardware.version(ProductLine.VPX, 2_005_000));
        assertEquals(8, VirtualHardware.version(ProductLine.VPX, 3_000_000));
        assertEquals(9, VirtualHardware.version(ProductLine.VPX, 5_000_000));
        assertEquals(8, VirtualHardware.version(ProductLine.VPX, 8_000_000));
    }
}
