package io.jvirt.esx.domain;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.TypedParameter;
import io.jvirt.vim25.ResourceAllocationInfo;
import io.jvirt.vim25.SharesInfo;
import io.jvirt.vim25.SharesLevel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The pure rules of the write side: rounding, shares, parameter validation, migration URIs, SCSI models. */
class WriteRulesTest {

    @Test
    void maxMemoryRoundsUpToWholeFourMiB() {
        assertEquals(4, DomainReconfigure.maxMemoryMiB(1));
        assertEquals(4, DomainReconfigure.maxMemoryMiB(4096));
        assertEquals(8, DomainReconfigure.maxMemoryMiB(4097));
        assertEquals(1024, DomainReconfigure.maxMemoryMiB(1024 * 1024));
        assertEquals(4L * (Long.MAX_VALUE / 4096 + 1), DomainReconfigure.maxMemoryMiB(Long.MAX_VALUE));
    }

    @Test
    void ceilDivForLimitAndReservation() {
        assertEquals(0, DomainReconfigure.ceilDiv(0, 1024));
        assertEquals(1, DomainReconfigure.ceilDiv(1, 1024));
        assertEquals(1, DomainReconfigure.ceilDiv(1024, 1024));
        assertEquals(2, DomainReconfigure.ceilDiv(1025, 1024));
    }

    private static void sharesAre(SharesLevel level, int shares, int input) {
        SharesInfo s = DomainReconfigure.shares(input);
        assertEquals(level, s.getLevel());
        assertEquals(shares, s.getShares());
    }

    @Test
    void sharesMapping() {
        sharesAre(SharesLevel.CUSTOM, 0, 0);
        sharesAre(SharesLevel.CUSTOM, 2000, 2000);
        sharesAre(SharesLevel.LOW, -1, -1);
        sharesAre(SharesLevel.NORMAL, -1, -2);
        sharesAre(SharesLevel.HIGH, -1, -3);
        HypervisorException e = assertThrows(HypervisorException.class, () -> DomainReconfigure.shares(Integer.MIN_VALUE));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
    }

    @Test
    void cpuAllocationSetsOnlyWhatIsGiven() {
        ResourceAllocationInfo a = DomainReconfigure.cpuAllocation(List.of(TypedParameter.ofLong("limit", -1)));
        assertEquals(-1L, a.getLimit());
        assertNull(a.getReservation());
        assertNull(a.getShares());
        ResourceAllocationInfo b = DomainReconfigure.cpuAllocation(List.of(TypedParameter.ofLong("reservation", 0),
                TypedParameter.ofInt("shares", -2)));
        assertEquals(0L, b.getReservation());
        assertEquals(SharesLevel.NORMAL, b.getShares().getLevel());
    }

    @Test
    void typedParameterValidation() {
        var allowed = java.util.Map.of("min_guarantee", TypedParameter.Type.ULLONG);
        DomainReconfigure.validate(List.of(), allowed);
        DomainReconfigure.validate(List.of(TypedParameter.ofUnsignedLong("min_guarantee", 1)), allowed);
        HypervisorException e = assertThrows(HypervisorException.class, () -> DomainReconfigure.validate(
                List.of(new TypedParameter("min_guarantee", TypedParameter.Type.STRING, "1")), allowed));
        assertEquals("invalid type 'string' for parameter 'min_guarantee', expected 'ullong'", e.getMessage());
    }

    @Test
    void migrationUris() {
        Migration.Target t = Migration.parse("vpxmigr://10.0.0.1/resgroup-8/host-12", "10.0.0.1");
        assertEquals("ResourcePool", t.pool().getType());
        assertEquals("resgroup-8", t.pool().getValue());
        assertEquals("HostSystem", t.host().getType());
        assertEquals("host-12", t.host().getValue());
        assertEquals("a/b", Migration.parse("VpxMigr://10.0.0.1//p/a/b", "10.0.0.1").host().getValue(),
                "leading slashes skipped, the rest is the host MOR value");
        for (String[] bad : new String[][] {
                {"vpxmigr://10.0.0.2/p/h", "Migration source and destination have to refer to the same vCenter"},
                {"esx://10.0.0.1/p/h", "Only vpxmigr:// migration URIs are supported"},
                {"p/h", "Only vpxmigr:// migration URIs are supported"},
                {"vpxmigr://10.0.0.1/p", "Migration URI has to specify resource pool and host system"},
                {"vpxmigr://10.0.0.1", "Migration URI has to specify resource pool and host system"},
                {"vpxmigr://10.0.0.1/ p", "Unable to parse URI 'vpxmigr://10.0.0.1/ p'"}}) {
            HypervisorException e = assertThrows(HypervisorException.class, () -> Migration.parse(bad[0], "10.0.0.1"));
            assertEquals(bad[1], e.getMessage(), bad[0]);
            assertEquals(ErrorCode.INVALID_ARG, e.code());
        }
    }

    @Test
    void scsiControllerModels() {
        assertEquals("buslogic", ScsiAutodetect.model("VirtualBusLogicController", "x"));
        assertEquals("lsilogic", ScsiAutodetect.model("virtuallsilogiccontroller", "x"));
        assertEquals("lsisas1068", ScsiAutodetect.model("VirtualLsiLogicSASController", "x"));
        assertEquals("vmpvscsi", ScsiAutodetect.model("ParaVirtualSCSIController", "x"));
        HypervisorException e = assertThrows(HypervisorException.class,
                () -> ScsiAutodetect.model("VirtualNVMEController", "[ds] a.vmdk"));
        assertEquals("Found unexpected controller model 'VirtualNVMEController' for disk '[ds] a.vmdk'", e.getMessage());
    }
}
