package io.jvirt.cli;

import io.jvirt.fixtures.replay.Recording;
import io.jvirt.fixtures.replay.ReplayServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jvirsh, in-process through its real command path, against the replay server serving answers of
 * real servers (test-fixtures {@code recorded/}, see its SOURCES.md). Every expected text is
 * written by hand in virsh's formats (virsh-formats.md: a table's columns are as wide as their
 * widest cell, three spaces apart, with a rule two characters longer than the header line) from
 * the values in the answer files put through libvirt's rules, never copied from jvirsh's output.
 */
class ReplayCliTest {
    @TempDir
    static Path dir;
    static Path authFile;

    @BeforeAll
    static void authFile() throws IOException {
        authFile = dir.resolve("auth.conf");
        Files.writeString(authFile, "[credentials-replay]\nusername=root\npassword=unused-by-the-replay\n\n"
                + "[auth-esx-127.0.0.1]\ncredentials=replay\n\n[auth-vpx-127.0.0.1]\ncredentials=replay\n");
    }

    static Cli.Result run(String uri, String... args) {
        List<String> all = new ArrayList<>(List.of("-c", uri, "--auth-file", authFile.toString()));
        all.addAll(List.of(args));
        return Cli.cli().run(all.toArray(String[]::new));
    }

    static void ok(String expected, Cli.Result r) {
        assertEquals("", r.err());
        assertEquals(expected, r.out());
        assertEquals(0, r.status());
    }

    /** The real ESXi 6.5 host of govmomi's capture (no VM, no datastore in the capture). */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Esx65 {
        ReplayServer server;

        @BeforeAll
        void start() throws IOException {
            server = ReplayServer.start(Recording.load("govmomi-esx65"));
        }

        @AfterAll
        void stop() {
            server.close();
        }

        Cli.Result esx(String... args) {
            return run("esx://127.0.0.1:" + server.port() + "/?transport=http", args);
        }

        @Test
        void nodeinfo() {
            // cpuModel "Intel(R) Core(TM) i7-3615QM CPU @ 2.30GHz" without (R)/(TM), cut to 31 characters;
            // hz 3591345000; 2 packages, 2 cores, 2 threads; memorySize 4294430720 bytes; 1 NUMA node
            ok("""
                    CPU model:           Intel Core i7-3615QM CPU @ 2.30
                    CPU(s):              2
                    CPU frequency:       3591 MHz
                    CPU socket(s):       2
                    Core(s) per socket:  1
                    Thread(s) per core:  1
                    NUMA cell(s):        1
                    Memory size:         4193780 KiB

                    """, esx("nodeinfo"));
        }

        @Test
        void hostname() {
            // dnsConfig hostName "localhost", domainName "localdomain"
            ok("localhost.localdomain\n\n", esx("hostname"));
        }

        @Test
        void capabilitiesCarryTheRecordedHostUuid() {
            // hardware.systemInfo.uuid of the recorded host; CPUID 0x80000001 edx has the long-mode bit
            Cli.Result r = esx("capabilities");
            assertEquals("", r.err());
            assertEquals(0, r.status());
            assertTrue(r.out().startsWith("<capabilities>\n\n  <host>\n    <uuid>e88d4d56-9f1e-3ea1-71fa-13a8e1a7fd70</uuid>\n"),
                    r.out());
            assertTrue(r.out().contains("<arch>x86_64</arch>"), r.out());
        }

        @Test
        void listIsEmpty() {
            ok("""
                     Id   Name   State
                    --------------------

                    """, esx("list", "--all"));
        }

        @Test
        void netListIsTheVirtualSwitch() {
            ok("""
                     Name       State    Autostart   Persistent
                    ---------------------------------------------
                     vSwitch0   active   yes         yes

                    """, esx("net-list", "--all"));
        }

        @Test
        void poolListIsEmpty() {
            ok("""
                     Name   State   Autostart
                    ---------------------------

                    """, esx("pool-list", "--all"));
        }

        @Test
        void ifaceListIsThePhysicalNics() {
            ok("""
                     Name     State    MAC Address
                    --------------------------------------
                     vmnic0   active   00:0c:29:81:d8:a0
                     vmnic1   active   00:0c:29:81:d8:aa

                    """, esx("iface-list", "--all"));
        }

        @Test
        void dominfoOfAnUnknownDomainIsVirshsError() {
            Cli.Result r = esx("dominfo", "no-such-vm");
            assertEquals(1, r.status());
            assertTrue(r.err().startsWith("error: failed to get domain 'no-such-vm'\n"), r.err());
        }
    }

    /**
     * The real vCenter 6.7 of pyvmomi's cassettes: they hold no hardware of the host, so a full
     * connection stops at the capabilities as libvirt's does (esxCapsInit needs hardware.cpuFeature).
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Vcenter67 {
        ReplayServer server;

        @BeforeAll
        void start() throws IOException {
            server = ReplayServer.start(Recording.load("pyvmomi-vcenter67"));
        }

        @AfterAll
        void stop() {
            server.close();
        }

        @Test
        void listFailsWithAClearErrorNamingTheMissingProperty() {
            Cli.Result r = run("vpx://127.0.0.1:" + server.port() + "/Marlboro/10.0.0.5?transport=http", "list");
            assertEquals(1, r.status());
            assertEquals("", r.out());
            assertTrue(r.err().startsWith("error: failed to connect to the hypervisor\nerror: "), r.err());
            assertTrue(r.err().contains("hardware.cpuFeature"), r.err());
            assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), r.err());
        }
    }

    /**
     * The vCenter 8.0U3 shape constructed from VMware's vim25 definitions (no public recording of
     * one exists, see SOURCES.md): a cluster host with vSAN, vVol, PMem, NFS 4.1 and VMFS datastores,
     * a standard and a distributed switch, and one VM on a distributed port group.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Vcenter80u3 {
        ReplayServer server;

        @BeforeAll
        void start() throws IOException {
            server = ReplayServer.start(Recording.load("constructed-vcenter80u3"));
        }

        @AfterAll
        void stop() {
            server.close();
        }

        Cli.Result vpx(String... args) {
            return run("vpx://127.0.0.1:" + server.port() + "/DC8/Cluster8/esx8.example.test?transport=http", args);
        }

        @Test
        void nodeinfo() {
            // "Intel(R) Xeon(R) Gold 6326 CPU @ 2.90GHz" cleaned and cut to 31; 2900000000 Hz;
            // 2 packages, 32 cores, 64 threads (libvirt: CPU(s) = cores); 549755813888 bytes; 2 NUMA nodes
            ok("""
                    CPU model:           Intel Xeon Gold 6326 CPU @ 2.90
                    CPU(s):              32
                    CPU frequency:       2900 MHz
                    CPU socket(s):       2
                    Core(s) per socket:  16
                    Thread(s) per core:  2
                    NUMA cell(s):        2
                    Memory size:         536870912 KiB

                    """, vpx("nodeinfo"));
        }

        @Test
        void listAndDominfo() {
            // vm-40 poweredOn: id 40
            ok("""
                     Id   Name    State
                    -----------------------
                     40   web01   running

                    """, vpx("list", "--all"));
            // memoryMB 8192 with no limit: max and used memory 8388608 KiB; numCPU 4
            ok("""
                    Id:             40
                    Name:           web01
                    UUID:           42001234-5678-9abc-def0-123456789abc
                    OS Type:        hvm
                    State:          running
                    CPU(s):         4
                    Max memory:     8388608 KiB
                    Used memory:    8388608 KiB
                    Persistent:     yes
                    Autostart:      disable
                    Managed save:   no

                    """, vpx("dominfo", "web01"));
        }

        @Test
        void poolListShowsEveryDatastoreKind() {
            // virsh sorts pool names case-insensitively
            ok("""
                     Name            State    Autostart
                    -------------------------------------
                     nfs41-ds        active   yes
                     PMemDS-esx8     active   yes
                     vmfs-ds         active   yes
                     vsanDatastore   active   yes
                     vvol-ds         active   yes

                    """, vpx("pool-list", "--all"));
        }

        @Test
        void poolInfoOfTheVsanDatastore() throws Exception {
            // summary capacity 4398046511104 (4 TiB), freeSpace 3298534883328 (3 TiB); libvirt's pool
            // UUID is the MD5 of the host's mount path
            java.nio.ByteBuffer md5 = java.nio.ByteBuffer.wrap(java.security.MessageDigest.getInstance("MD5").digest(
                    "/vmfs/volumes/vsan:52a1b2c3d4e5f607-1a2b3c4d5e6f7081".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            ok("""
                    Name:           vsanDatastore
                    UUID:           %s
                    State:          running
                    Persistent:     yes
                    Autostart:      yes
                    Capacity:       4.00 TiB
                    Allocation:     1.00 TiB
                    Available:      3.00 TiB

                    """.formatted(new java.util.UUID(md5.getLong(), md5.getLong())), vpx("pool-info", "vsanDatastore"));
        }

        @Test
        void netListShowsTheStandardSwitchOnly() {
            // libvirt's ESX driver maps networks from HostVirtualSwitch only: DSwitch is not listed
            ok("""
                     Name       State    Autostart   Persistent
                    ---------------------------------------------
                     vSwitch0   active   yes         yes

                    """, vpx("net-list", "--all"));
        }

        @Test
        void aVmOnADistributedPortGroupIsAVdsInterface() {
            // virsh domiflist reads the source from bridge/dev/network/name/path: a vds interface has none
            ok("""
                     Interface   Type   Source   Model     MAC
                    ----------------------------------------------------------
                     -           vds    -        vmxnet3   00:50:56:a1:00:40

                    """, vpx("domiflist", "web01"));
            ok("""
                    <domain type='vmware' id='40' xmlns:vmware='http://libvirt.org/schemas/domain/vmware/1.0'>
                      <name>web01</name>
                      <uuid>42001234-5678-9abc-def0-123456789abc</uuid>
                      <memory unit='KiB'>8388608</memory>
                      <currentMemory unit='KiB'>8388608</currentMemory>
                      <vcpu placement='static'>4</vcpu>
                      <os firmware='efi'>
                        <type arch='x86_64'>hvm</type>
                      </os>
                      <clock offset='utc'/>
                      <on_poweroff>destroy</on_poweroff>
                      <on_reboot>restart</on_reboot>
                      <on_crash>destroy</on_crash>
                      <devices>
                        <disk type='file' device='disk'>
                          <source file='[vmfs-ds] web01/web01.vmdk'/>
                          <target dev='sda' bus='scsi'/>
                          <address type='drive' controller='0' bus='0' target='0' unit='0'/>
                        </disk>
                        <controller type='scsi' index='0' model='vmpvscsi'/>
                        <interface type='vds'>
                          <mac address='00:50:56:a1:00:40' type='generated'/>
                          <source switchid='501a2b3c-4d5e-6f70-8192-a3b4c5d6e7f8' portid='12' portgroupid='dvportgroup-30' connectionid='1846512093'/>
                          <model type='vmxnet3'/>
                        </interface>
                        <video>
                          <model type='vmvga' vram='4096' primary='yes'/>
                        </video>
                      </devices>
                      <vmware:datacenterpath>DC8</vmware:datacenterpath>
                      <vmware:moref>vm-40</vmware:moref>
                    </domain>

                    """, vpx("dumpxml", "web01"));
        }
    }
}
