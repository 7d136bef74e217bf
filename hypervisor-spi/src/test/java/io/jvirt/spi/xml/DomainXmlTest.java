package io.jvirt.spi.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.spi.DomainXmlFlag;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainXmlTest {
    private static final String FULL = """
            <domain type='vmware' xmlns:vmware='http://libvirt.org/schemas/domain/vmware/1.0'>
              <name>vm &amp; co</name>
              <uuid>564d9bef-acd9-b4e0-c8f0-aea8b9103515</uuid>
              <description>line1
            line2 &lt;x&gt;</description>
              <memory unit='KiB'>1048576</memory>
              <currentMemory unit='KiB'>524288</currentMemory>
              <vcpu placement='static' cpuset='0-2,5'>2</vcpu>
              <cputune>
                <shares>2000</shares>
              </cputune>
              <os firmware='efi'>
                <type arch='x86_64'>hvm</type>
                <smbios mode='host'/>
              </os>
              <cpu>
                <topology sockets='1' dies='1' cores='2' threads='1'/>
              </cpu>
              <clock offset='utc'/>
              <on_poweroff>destroy</on_poweroff>
              <on_reboot>restart</on_reboot>
              <on_crash>destroy</on_crash>
              <devices>
                <disk type='file' device='disk'>
                  <driver name='lsilogic' cache='writethrough'/>
                  <source file='[ds] vm/vm.vmdk'/>
                  <target dev='sda' bus='scsi'/>
                  <transient/>
                  <address type='drive' controller='0' bus='0' target='0' unit='0'/>
                </disk>
                <controller type='scsi' index='0' model='lsilogic'/>
                <interface type='bridge'>
                  <mac address='00:50:56:11:22:33' type='static' check='no'/>
                  <source bridge='VM Network'/>
                  <target dev='vmnet1'/>
                  <model type='e1000'/>
                </interface>
                <serial type='tcp'>
                  <source mode='bind' host='0.0.0.0' service='4000'/>
                  <protocol type='telnet'/>
                  <target port='0'/>
                </serial>
                <console type='tcp'>
                  <source mode='bind' host='0.0.0.0' service='4000'/>
                  <protocol type='telnet'/>
                  <target type='serial' port='0'/>
                </console>
                <graphics type='vnc' port='5901' autoport='no' listen='127.0.0.1' keymap='de' passwd='secret'>
                  <listen type='address' address='127.0.0.1'/>
                </graphics>
                <video>
                  <model type='vmvga' vram='8192' primary='yes'/>
                </video>
              </devices>
              <vmware:datacenterpath>dc/x</vmware:datacenterpath>
              <vmware:moref>vm-42</vmware:moref>
            </domain>
            """;

    @Test
    void liveDescriptionCarriesTheIdAfterTheType() {
        DomainDef def = DomainDef.builder().name("x").memoryKiB(4096).build();
        String live = DomainXml.format(def, false, 7);
        assertTrue(live.startsWith("<domain type='vmware' id='7'>\n  <name>x</name>"), live);
        assertFalse(DomainXml.format(def, false, -1).contains(" id="));
        assertEquals(DomainXml.parse(live), DomainXml.parse(DomainXml.format(def)), "the id is not part of the definition");
    }

    @Test
    void parsesAndFormatsInLibvirtLayout() {
        DomainDef def = DomainXml.parse(FULL);
        assertEquals("vm & co", def.name());
        assertEquals(UUID.fromString("564d9bef-acd9-b4e0-c8f0-aea8b9103515"), def.uuid());
        assertEquals(1048576, def.memoryKiB());
        assertEquals(524288, def.currentMemoryKiB());
        assertEquals("0-2,5", def.cpuset().toString());
        assertEquals(2000, def.cpuShares());
        assertEquals("vm-42", def.vmwareMoref());
        assertEquals("secret", def.devices().graphics().get(0).passwd().reveal());
        assertEquals(FULL, DomainXml.format(def, true));
    }

    @Test
    void secureFieldsOnlyWhenAskedFor() {
        DomainDef def = DomainXml.parse(FULL);
        String insecure = FULL.replace(" passwd='secret'", "");
        assertEquals(insecure, DomainXml.format(def), "the default leaves the VNC password out");
        assertEquals(insecure, DomainXml.format(def, false));
        assertEquals(FULL, DomainXml.format(def, true));
    }

    @Test
    void snapshotXmlNestsTheDomainAndItsSecretsOnlyWhenAsked() {
        DomainDef def = DomainXml.parse(FULL);
        DomainSnapshotDef snap = new DomainSnapshotDef("s1", null, "running", "s0", 1700000000L, def.uuid());
        String nested = FULL.replace(" passwd='secret'", "").lines().map(l -> "  " + l + "\n")
                .collect(java.util.stream.Collectors.joining())
                .replace("\n  line2 &lt;", "\nline2 &lt;"); // text content keeps its own lines
        String head = "<domainsnapshot>\n  <name>s1</name>\n  <state>running</state>\n"
                + "  <parent>\n    <name>s0</name>\n  </parent>\n  <creationTime>1700000000</creationTime>\n";
        assertEquals(head + nested + "</domainsnapshot>\n", snap.format(def, false));
        String secure = snap.format(def, true);
        assertTrue(secure.contains("keymap='de' passwd='secret'>"), secure);
        assertEquals(head + "  <domain>\n    <uuid>564d9bef-acd9-b4e0-c8f0-aea8b9103515</uuid>\n  </domain>\n"
                + "</domainsnapshot>\n", snap.format());
        assertEquals(def.uuid(), DomainSnapshotDef.parse(secure).domainUuid());
    }

    @Test
    void onlyAllowedFlagsPass() {
        DomainXmlFlag.requireOnly(ErrorDomain.TEST, "f", Set.of(DomainXmlFlag.SECURE), DomainXmlFlag.SECURE);
        HypervisorException e = assertThrows(HypervisorException.class, () -> DomainXmlFlag.requireOnly(
                ErrorDomain.TEST, "f", Set.of(DomainXmlFlag.INACTIVE, DomainXmlFlag.SECURE), DomainXmlFlag.SECURE));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertEquals("unsupported flags (INACTIVE) in function f", e.getMessage());
    }

    @Test
    void secretsStayOutOfToStringAndInsecureFormat() {
        DomainDef def = DomainXml.parse(FULL);
        assertFalse(def.toString().contains("secret'"), def.toString());
        assertFalse(def.devices().graphics().get(0).toString().contains("=secret"));
        assertFalse(DomainXml.format(def, false).contains("passwd"));
    }

    @Test
    void defaultsAreFilledWhenFormatting() {
        DomainDef def = DomainXml.parse("<domain type='vmware'><name>a</name><memory unit='MiB'>4</memory>"
                + "<os><type>hvm</type></os></domain>");
        assertNull(def.uuid());
        assertEquals(4096, def.memoryKiB());
        String xml = DomainXml.format(def);
        assertTrue(xml.contains("<currentMemory unit='KiB'>4096</currentMemory>"), xml);
        assertTrue(xml.contains("<vcpu placement='static'>1</vcpu>"), xml);
        assertTrue(xml.contains("<on_reboot>restart</on_reboot>"), xml);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "b|1024|1", "bytes|1025|2", "KB|1|1", "KB|1000|977", "k|3|3", "KiB|3|3", "MB|1|977", "M|1|1024", "MiB|2|2048",
        "GB|1|976563", "G|1|1048576", "GiB|1|1048576", "TiB|1|1073741824",
    })
    void memoryUnitsRoundUpToKiB(String unit, String value, long kib) {
        DomainDef def = DomainXml.parse("<domain type='vmware'><name>a</name><memory unit='" + unit + "'>" + value
                + "</memory><os><type>hvm</type></os></domain>");
        assertEquals(kib, def.memoryKiB());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<!DOCTYPE domain [<!ENTITY x 'y'>]><domain type='vmware'/>|DOCTYPE",
        "<?xml version='1.0'?><!DOCTYPE d SYSTEM 'file:///etc/passwd'><domain/>|DOCTYPE",
        "<domain type='vmware'><name>a</name>|XML document structures must start and end",
        "<domain type='vmware'><name>a</name><memory>x</memory><os><type>hvm</type></os></domain>|"
            + "invalid value 'x' of element 'memory' at line 1",
        "<domain type='vmware'><name>a</name><memory>1</memory><os><type arch='sparc'>hvm</type></os></domain>|"
            + "invalid value 'sparc' of attribute 'arch' of element 'type'",
        "<domain type='vmware'><name>a</name><memory>1</memory><os><type>hvm</type></os><devices>"
            + "<interface type='bridge'><mac address='01:02'/><source bridge='b'/></interface></devices></domain>|"
            + "invalid value '01:02' of attribute 'address' of element 'mac'",
        "<domain type='vmware'><name>a</name><memory>1</memory><os><type>hvm</type></os><devices>"
            + "<graphics type='vnc' port='99999'/></devices></domain>|"
            + "invalid value '99999' of attribute 'port' of element 'graphics'",
        "<domain type='vmware'><name>a</name><memory>1</memory><os><type>hvm</type></os><devices>"
            + "<disk type='file'><target dev='sda' bus='floppy'/></disk></devices></domain>|"
            + "invalid value 'floppy' of attribute 'bus' of element 'target'",
        "<domain type='vmware'><name>a</name><memory>1</memory><os><type>hvm</type></os>"
            + "<on_crash>explode</on_crash></domain>|invalid value 'explode' of element 'on_crash'",
        "<domain type='vmware'><name>a</name><memory>1</memory><os><type>hvm</type></os>"
            + "<vcpu cpuset='3-1'>1</vcpu></domain>|invalid value '3-1' of attribute 'cpuset' of element 'vcpu'",
        "<domain type='vmware'><name>a</name><memory>1</memory></domain>|missing element 'os'",
        "<domain><name>a</name></domain>|missing attribute 'type'",
    })
    void invalidDocumentsAreXmlErrors(String xml, String message) {
        HypervisorException e = assertThrows(HypervisorException.class, () -> DomainXml.parse(xml));
        assertEquals(ErrorCode.XML_ERROR, e.code());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void reusedParserStaysHardened() {
        String good = "<domain type='vmware'><name>a</name><memory>1</memory><os><type>hvm</type></os></domain>";
        String doctype = "<!DOCTYPE domain [<!ENTITY x 'y'>]><domain type='vmware'><name>&x;</name></domain>";
        for (int i = 0; i < 3; i++) {
            assertEquals("a", DomainXml.parse(good).name());
            assertThrows(HypervisorException.class, () -> DomainXml.parse(doctype));
            assertThrows(HypervisorException.class, () -> DomainXml.parse("<domain"));
        }
    }

    @Test
    void deepNestingIsRefused() {
        String xml = "<domain type='vmware'>" + "<a>".repeat(300) + "</a>".repeat(300) + "</domain>";
        HypervisorException e = assertThrows(HypervisorException.class, () -> DomainXml.parse(xml));
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
    }

    @Test
    void formatterDropsCharactersXmlCannotCarry() {
        DomainDef def = DomainDef.builder().name("a\u0001b\uFFFEc").memoryKiB(4096).build();
        String xml = DomainXml.format(def);
        assertTrue(xml.contains("<name>abc</name>"), xml);
        assertEquals("abc", DomainXml.parse(xml).name());
    }

    @Test
    void macAndUuidSyntax() {
        assertEquals("0a:0b:0c:0d:0e:ff", MacAddress.tryParse("A:B:c:d:e:FF").toString());
        assertNull(MacAddress.tryParse("00:11:22:33:44"));
        assertNull(MacAddress.tryParse("00:11:22:33:44:55:66"));
        assertNull(MacAddress.tryParse("000:11:22:33:44:55"));
        assertEquals(UUID.fromString("564d9bef-acd9-b4e0-c8f0-aea8b9103515"),
                Uuids.tryParse(" 56 4d 9b ef ac d9 b4 e0-c8 f0 ae a8 b9 10 35 15 "));
        assertNull(Uuids.tryParse("564d9bef-acd9-b4e0-c8f0-aea8b910351"));
        assertNull(Uuids.tryParse("564d9bef-acd9-b4e0-c8f0-aea8b91035151"));
    }
}
