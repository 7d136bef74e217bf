package io.jvirt.esx.domain;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.testing.SimulatedConnection;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.Domain;
import io.jvirt.spi.DomainState;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.xml.DomainXml;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.jvirt.esx.domain.DomainAssertions.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** domainDefineXML against the ESX simulator: upload + RegisterVM_Task, then dumpxml. */
class DomainDefinerTest {
    private static final String UUID_TEXT = "564d9bef-acd9-b4e0-c8f0-aeaa2a2c6d01";

    private VsphereSimulator sim;
    private EsxConnection conn;

    @BeforeEach
    void start() {
        sim = SimulatedConnection.startSimulator(SimulatorModel.ESX, 1);
        conn = SimulatedConnection.esx(sim, "");
        sim.putDatastoreFile("LocalDS_0", "newvm/newvm.vmdk", new byte[0]);
    }

    @AfterEach
    void stop() {
        conn.close();
        sim.close();
    }

    static String xml(String name, String uuid, String disks) {
        return "<domain type='vmware'>\n  <name>" + name + "</name>\n"
                + (uuid == null ? "" : "  <uuid>" + uuid + "</uuid>\n")
                + "  <memory unit='KiB'>262144</memory>\n  <vcpu>2</vcpu>\n"
                + "  <os><type>hvm</type></os>\n  <devices>\n" + disks + "  </devices>\n</domain>\n";
    }

    static String disk(String type, String device, String source) {
        return "    <disk type='" + type + "' device='" + device + "'>\n"
                + (source == null ? "" : "      <source file='" + source + "'/>\n")
                + "      <target dev='" + (device.equals("cdrom") ? "hdc" : "sda") + "' bus='"
                + (device.equals("cdrom") ? "ide" : "scsi") + "'/>\n    </disk>\n";
    }

    @Test
    void defineUploadsRegistersAndDumpsBack() {
        java.util.List<String> progress = new java.util.ArrayList<>();
        Domain d = conn.defineDomain(xml("new vm", UUID_TEXT, disk("file", "disk", "[LocalDS_0] newvm/newvm.vmdk")),
                (op, p) -> progress.add(op + " " + p));
        assertEquals("upload 0", progress.get(0));
        assertEquals("upload 100", progress.get(1));
        assertEquals("RegisterVM_Task 100", progress.get(progress.size() - 1));
        assertEquals("new vm", d.name());
        assertEquals(UUID.fromString(UUID_TEXT), d.uuid());
        assertEquals(-1, d.id());
        assertEquals(DomainState.SHUTOFF, d.currentState());
        // the .vmx is named with the escaped name (esx-spec 5.3), next to the first disk
        String vmx = new String(sim.datastoreFile("LocalDS_0", "newvm/new vm.vmx").orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(vmx.contains("displayName = \"new vm\""), vmx);
        assertTrue(vmx.contains("virtualHW.version = \""), vmx);
        Domain found = conn.lookupDomainByName("new vm");
        assertEquals(d.uuid(), found.uuid());
        var def = DomainXml.parse(found.xmlDesc());
        assertEquals("new vm", def.name());
        assertEquals(UUID.fromString(UUID_TEXT), def.uuid());
        assertEquals(262144, def.memoryKiB());
        assertEquals(2, def.vcpus());
        assertEquals("[LocalDS_0] newvm/newvm.vmdk", def.devices().disks().get(0).source());
        assertEquals(1, sim.requestCount("RegisterVM_Task"));
        assertEquals(1, sim.requestCount("PUT /folder"));
    }

    @Test
    void existingDomainsAreRedefinedNeverRenamedOrUploaded() {
        String existing = conn.lookupDomainByName("ha-host_VM0").uuid().toString();
        fails(ErrorCode.DOM_EXIST, "domain 'ha-host_VM0' is already defined with uuid " + existing,
                () -> conn.defineDomain(xml("other", existing, disk("file", "disk", "[LocalDS_0] newvm/newvm.vmdk"))));
        // a redefinition of the running VM that ESX cannot apply is refused naming the element
        HypervisorException e = org.junit.jupiter.api.Assertions.assertThrows(HypervisorException.class,
                () -> conn.defineDomain(xml("ha-host_VM0", null, disk("file", "disk", "[LocalDS_0] newvm/newvm.vmdk"))));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code(), e::toString);
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("cannot change <"), e.getMessage());
        assertEquals(0, sim.requestCount("PUT /folder"));
    }

    @Test
    void datastoreAndDirectoryChoice() {
        fails(ErrorCode.INTERNAL_ERROR, "Domain XML doesn't contain any disks, cannot deduce datastore and path for VMX file",
                () -> conn.defineDomain(xml("a", null, "")));
        fails(ErrorCode.INTERNAL_ERROR, "Domain XML doesn't contain any file-based harddisks, cannot deduce datastore"
                + " and path for VMX file", () -> conn.defineDomain(xml("a", null,
                disk("file", "cdrom", "[LocalDS_0] a.iso"))));
        // the VMX conversion (step 5) already refuses a non-.vmdk SCSI disk, before the placement check
        fails(ErrorCode.INTERNAL_ERROR, "Image file for scsi harddisk 'sda' has unsupported suffix, expecting '.vmdk'",
                () -> conn.defineDomain(xml("a", null, disk("file", "disk", "[LocalDS_0] newvm/disk.img"))));
        fails(ErrorCode.INVALID_ARG, "Datastore path '/vmfs/volumes/x/a.vmdk' doesn't have expected format"
                + " '[<datastore>] <path>'", () -> conn.defineDomain(xml("a", null, disk("file", "disk", "/vmfs/volumes/x/a.vmdk"))));
        assertEquals(0, sim.requestCount("RegisterVM_Task"));
    }

    @Test
    void nameWithNewlineIsRejected() {
        fails(ErrorCode.XML_DETAIL, "invalid char in name: \n",
                () -> conn.defineDomain(xml("a&#10;b", null, disk("file", "disk", "[LocalDS_0] newvm/newvm.vmdk"))));
    }

    @Test
    void missingDirectoryIsAnHttpErrorAndNothingIsRegistered() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.jvirt.spi.error.HypervisorException.class,
                () -> conn.defineDomain(xml("x", null, disk("file", "disk", "[LocalDS_0] nodir/x.vmdk"))));
        assertEquals(ErrorCode.HTTP_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("HTTP response code 404 for upload to 'http://127.0.0.1:"), e.getMessage());
        assertTrue(e.getMessage().contains("/folder/nodir/x.vmx?dcPath=ha-datacenter&dsName=LocalDS_0"), e.getMessage());
        assertEquals(0, sim.requestCount("RegisterVM_Task"));
    }

    @Test
    void diskAtTheDatastoreRootPutsTheVmxAtTheRoot() {
        sim.putDatastoreFile("LocalDS_0", "root.vmdk", new byte[0]);
        Domain d = conn.defineDomain(xml("rooted", null, disk("file", "disk", "[LocalDS_0] root.vmdk")));
        assertTrue(sim.datastoreFile("LocalDS_0", "rooted.vmx").isPresent());
        assertEquals("rooted", DomainXml.parse(d.xmlDesc()).name());
    }

    @Test
    void registrationFailureRemovesTheUploadedFile() {
        sim.faults().soapFault("RegisterVM_Task", new io.jvirt.vim25.InvalidState(), "Cannot register now.", 1);
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.jvirt.spi.error.HypervisorException.class,
                () -> conn.defineDomain(xml("newvm", null, disk("file", "disk", "[LocalDS_0] newvm/newvm.vmdk"))));
        assertTrue(e.getMessage().contains("Cannot register now."), e.getMessage());
        // issue 9: a failed define leaves nothing behind (libvirt keeps the uploaded file)
        assertTrue(sim.datastoreFile("LocalDS_0", "newvm/newvm.vmx").isEmpty());
        // defining again uploads and registers
        Domain d = conn.defineDomain(xml("newvm", null, disk("file", "disk", "[LocalDS_0] newvm/newvm.vmdk")));
        assertEquals("newvm", d.name());
    }

    @Test
    void placementRules() {
        var def = DomainXml.parse(xml("p", null, disk("file", "cdrom", "[a] x.iso") + disk("file", "disk", "[ds1] d/e/f.VMDK")));
        assertEquals(new DomainDefiner.Placement("ds1", "d/e"), DomainDefiner.placement(def));
        fails(ErrorCode.INTERNAL_ERROR, "Expecting source '[ds1] d/f.img' of first file-based harddisk to be a VMDK image",
                () -> DomainDefiner.placement(DomainXml.parse(xml("p", null, disk("file", "disk", "[ds1] d/f.img")))));
        fails(ErrorCode.INTERNAL_ERROR, "First file-based harddisk has no source, cannot deduce datastore and path for"
                + " VMX file", () -> DomainDefiner.placement(DomainXml.parse(xml("p", null, disk("file", "disk", null)))));
        assertEquals("[ds1] n.vmx", new DomainDefiner.Placement("ds1", "").vmxPath("n"));
        assertEquals("[ds1] a/b/n.vmx", new DomainDefiner.Placement("ds1", "a/b").vmxPath("n"));
    }
}
