package io.jvirt.esx.domain.devices;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainModificationImpact;
import io.jvirt.spi.DomainXmlFlag;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.xml.DiskDef;
import io.jvirt.spi.xml.DomainDef;
import io.jvirt.spi.xml.DomainXml;
import io.jvirt.spi.xml.InterfaceDef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Device changes and redefinition against the in-JVM ESX simulator, which applies the
 * ReconfigVM_Task's device changes to the VM's .vmx: each change must show in dumpxml (read
 * from the .vmx) and in the server's device list.
 */
class DeviceWritesSimulatorTest {
    private static final Set<DomainModificationImpact> CONFIG = Set.of(DomainModificationImpact.CONFIG);
    private static final Set<DomainModificationImpact> LIVE = Set.of(DomainModificationImpact.LIVE);

    private VsphereSimulator sim;
    private EsxConnection conn;
    private Domain on;
    private Domain off;
    private String datastore;

    @BeforeEach
    void start() {
        sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 3);
        conn = SimulatedConnection.esx(sim, "");
        on = conn.lookupDomainByName("ha-host_VM0");
        off = conn.lookupDomainByName("ha-host_VM1");
        datastore = DomainXml.parse(off.xmlDesc()).devices().disks().get(0).source();
        datastore = datastore.substring(1, datastore.indexOf(']'));
    }

    @AfterEach
    void stop() {
        conn.close();
        sim.close();
    }

    private DomainDef dumpxml(Domain d) {
        return DomainXml.parse(d.xmlDesc(Set.of(DomainXmlFlag.INACTIVE)));
    }

    private static List<String> targets(List<DiskDef> disks) {
        return disks.stream().map(d -> d.targetDev() + "=" + d.source()).toList();
    }

    private static void fails(ErrorCode code, String text, Executable action) {
        HypervisorException e = assertThrows(HypervisorException.class, action);
        assertEquals(code, e.code(), e::toString);
        assertTrue(e.getMessage().contains(text), () -> "'" + e.getMessage() + "' should contain '" + text + "'");
    }

    @Test
    void attachAndDetachDiskShowInDumpxmlAndServerDevices() {
        String vm0Disk = "[" + datastore + "] ha-host_VM0/ha-host_VM0.vmdk";
        String disk = "<disk type='file' device='disk'><source file='" + vm0Disk + "'/>"
                + "<target dev='sdb' bus='scsi'/></disk>";
        off.attachDevice(disk, CONFIG);
        List<String> expected = List.of("sda=[" + datastore + "] ha-host_VM1/ha-host_VM1.vmdk", "sdb=" + vm0Disk);
        assertEquals(expected, targets(dumpxml(off).devices().disks()).stream().filter(t -> t.startsWith("sd")).toList());
        assertEquals(expected, targets(off.diskDevices(true)).stream().filter(t -> t.startsWith("sd")).toList());
        fails(ErrorCode.OPERATION_INVALID, "target sdb already exists", () -> off.attachDevice(disk, CONFIG));

        off.detachDevice("<disk type='file' device='disk'><target dev='sdb' bus='scsi'/></disk>", Set.of());
        assertEquals(List.of(expected.get(0)),
                targets(dumpxml(off).devices().disks()).stream().filter(t -> t.startsWith("sd")).toList());
        fails(ErrorCode.OPERATION_FAILED, "disk sdb not found",
                () -> off.detachDevice("<disk type='file' device='disk'><target dev='sdb' bus='scsi'/></disk>", CONFIG));
    }

    @Test
    void attachingAMissingFileIsTheServersFileNotFound() {
        HypervisorException e = assertThrows(HypervisorException.class, () -> off.attachDevice(
                "<disk type='file' device='disk'><source file='[" + datastore + "] nowhere/none.vmdk'/>"
                        + "<target dev='sdc'/></disk>", CONFIG));
        assertTrue(e.getMessage().contains("Could not attach disk"), e::getMessage);
        assertTrue(e.getMessage().contains("none.vmdk"), e::getMessage);
        assertEquals(1, dumpxml(off).devices().disks().stream().filter(d -> d.targetDev().startsWith("sd")).count());
    }

    @Test
    void interfacesAttachAndDetachByMac() {
        off.attachDevice("<interface type='bridge'><mac address='00:50:56:00:00:42'/>"
                + "<source bridge='VM Network'/><model type='vmxnet3'/></interface>", CONFIG);
        List<InterfaceDef> nics = dumpxml(off).devices().interfaces();
        assertEquals(2, nics.size());
        assertEquals("00:50:56:00:00:42", nics.get(1).mac().toString());
        assertEquals("vmxnet3", nics.get(1).model());
        assertEquals("VM Network", nics.get(1).sourceBridge());
        assertEquals(2, off.interfaceDevices(true).size());
        off.detachDevice("<interface type='bridge'><mac address='00:50:56:00:00:42'/><source bridge='VM Network'/>"
                + "</interface>", CONFIG);
        assertEquals(1, dumpxml(off).devices().interfaces().size());
        fails(ErrorCode.OPERATION_FAILED, "no device matching MAC address 00:50:56:00:00:42 found",
                () -> off.detachDevice("<interface type='bridge'><mac address='00:50:56:00:00:42'/>"
                        + "<source bridge='VM Network'/></interface>", CONFIG));
    }

    @Test
    void cdromMediaChangesOnARunningDomain() {
        sim.putDatastoreFile(datastore, "iso/install.iso", new byte[2048]);
        String iso = "[" + datastore + "] iso/install.iso";
        on.updateDevice("<disk type='file' device='cdrom'><source file='" + iso + "'/><target dev='hdc' bus='ide'/></disk>",
                LIVE);
        DiskDef cdrom = dumpxml(on).devices().disks().stream().filter(d -> d.targetDev().equals("hdc")).findFirst().orElseThrow();
        assertEquals("cdrom", cdrom.device());
        assertEquals(iso, cdrom.source());
        on.updateDevice("<disk type='file' device='cdrom'><target dev='hdc' bus='ide'/></disk>", Set.of());
        cdrom = dumpxml(on).devices().disks().stream().filter(d -> d.targetDev().equals("hdc")).findFirst().orElseThrow();
        assertEquals(null, cdrom.source());
    }

    @Test
    void hotPlugRulesOfARunningDomain() {
        fails(ErrorCode.OPERATION_UNSUPPORTED, "ESX cannot change only the persistent configuration of a running domain",
                () -> on.attachDevice("<interface type='bridge'><source bridge='VM Network'/></interface>", CONFIG));
        fails(ErrorCode.OPERATION_INVALID, "cannot add disk hda (bus ide) while the domain is running",
                () -> on.attachDevice("<disk type='file' device='disk'><source file='[" + datastore
                        + "] ha-host_VM0/ha-host_VM0.vmdk'/><target dev='hda'/></disk>", LIVE));
        fails(ErrorCode.OPERATION_INVALID, "domain is not running",
                () -> off.attachDevice("<interface type='bridge'><source bridge='VM Network'/></interface>", LIVE));
        on.attachDevice("<interface type='bridge'><source bridge='VM Network'/><model type='e1000'/></interface>", LIVE);
        assertEquals(2, dumpxml(on).devices().interfaces().size());
    }

    @Test
    void redefineAppliesTheDifferenceInOneReconfigure() {
        String xml = off.xmlDesc(Set.of(DomainXmlFlag.INACTIVE));
        DomainDef before = DomainXml.parse(xml);
        long requests = sim.requestCount("ReconfigVM_Task");
        Domain same = conn.defineDomain(xml);
        assertEquals(off.uuid(), same.uuid());
        assertEquals(xml, same.xmlDesc(Set.of(DomainXmlFlag.INACTIVE)), "an unchanged definition changes nothing");
        assertEquals(requests, sim.requestCount("ReconfigVM_Task"), "nothing to change: no task");

        DomainDef doubled = before.toBuilder().memoryKiB(before.memoryKiB() * 2).currentMemoryKiB(-1)
                .description("edited").vcpus(2).build();
        conn.defineDomain(DomainXml.format(doubled));
        DomainDef after = dumpxml(off);
        assertEquals(before.memoryKiB() * 2, after.memoryKiB());
        assertEquals(2, after.vcpus());
        assertEquals("edited", after.description());
        assertEquals(before.memoryKiB() * 2, off.info().maxMemoryKiB());
        assertEquals(requests + 1, sim.requestCount("ReconfigVM_Task"), "one ReconfigVM_Task for all changes");
    }

    @Test
    void redefineRefusesWhatEsxCannotChange() {
        DomainDef def = dumpxml(off);
        fails(ErrorCode.DOM_EXIST, "already exists with uuid",
                () -> conn.defineDomain(DomainXml.format(def.toBuilder().uuid(java.util.UUID.randomUUID()).build())));
        fails(ErrorCode.CONFIG_UNSUPPORTED, "cannot change <os><type arch>",
                () -> conn.defineDomain(DomainXml.format(def.toBuilder().os(new io.jvirt.spi.xml.OsDef("hvm",
                        "x86_64".equals(def.os().arch()) ? "i686" : "x86_64", null, null, List.of(), null)).build())));
        DomainDef running = dumpxml(on);
        fails(ErrorCode.CONFIG_UNSUPPORTED, "cannot change <memory>",
                () -> conn.defineDomain(DomainXml.format(running.toBuilder().memoryKiB(running.memoryKiB() * 2).build())));
        assertEquals(running.memoryKiB(), dumpxml(on).memoryKiB());
        assertFalse(dumpxml(off).memoryKiB() != def.memoryKiB());
    }
}
