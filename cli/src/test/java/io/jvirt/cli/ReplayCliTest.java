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

    /**
     * A command that fails: exactly {@code expectedErr} on stderr, status 1, and on stdout only the empty
     * line virsh prints after every command, failed or not (vshCommandRun).
     */
    static void fails(String expectedErr, Cli.Result r) {
        assertEquals(expectedErr, r.err());
        assertEquals("\n", r.out());
        assertEquals(1, r.status());
    }

    /** libvirt's ESX UUID of a pool (MD5 of the host's mount path) or network (MD5 of the vSwitch key). */
    static String md5Uuid(String text) {
        try {
            java.nio.ByteBuffer md5 = java.nio.ByteBuffer.wrap(java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return new java.util.UUID(md5.getLong(), md5.getLong()).toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** The capabilities of an x86-64 ESX host: its hardware.systemInfo.uuid, i686 and x86_64 guests (esxCapsInit). */
    static String capabilities(String hostUuid) {
        return """
                <capabilities>

                  <host>
                    <uuid>%s</uuid>
                    <cpu>
                      <arch>x86_64</arch>
                    </cpu>
                    <power_management/>
                    <iommu support='no'/>
                    <migration_features>
                      <live/>
                      <uri_transports>
                        <uri_transport>vpxmigr</uri_transport>
                      </uri_transports>
                    </migration_features>
                  </host>

                  <guest>
                    <os_type>hvm</os_type>
                    <arch name='i686'>
                      <wordsize>32</wordsize>
                      <domain type='vmware'/>
                    </arch>
                  </guest>

                  <guest>
                    <os_type>hvm</os_type>
                    <arch name='x86_64'>
                      <wordsize>64</wordsize>
                      <domain type='vmware'/>
                    </arch>
                  </guest>

                </capabilities>

                """.formatted(hostUuid);
    }

    /** libvirt's XML of a datastore it has no better pool type for (vSAN, vVol, PMem): a dir pool at its mount path. */
    static String dirPool(String name, String path, long capacity, long free) {
        return pool("dir", name, path, capacity, free, "");
    }

    static String netfsPool(String name, String path, long capacity, long free, String host, String dir) {
        return pool("netfs", name, path, capacity, free, "    <host name='" + host + "'/>\n    <dir path='" + dir
                + "'/>\n    <format type='nfs'/>\n");
    }

    static String vmfsPool(String name, String path, long capacity, long free) {
        return pool("fs", name, path, capacity, free, "    <format type='vmfs'/>\n");
    }

    private static String pool(String type, String name, String path, long capacity, long free, String source) {
        return "<pool type='" + type + "'>\n  <name>" + name + "</name>\n  <uuid>" + md5Uuid(path) + "</uuid>\n"
                + "  <capacity unit='bytes'>" + capacity + "</capacity>\n"
                + "  <allocation unit='bytes'>" + (capacity - free) + "</allocation>\n"
                + "  <available unit='bytes'>" + free + "</available>\n"
                + "  <source>\n" + source + "  </source>\n  <target>\n    <path>" + path + "</path>\n  </target>\n</pool>\n\n";
    }

    /** A vSwitch that libvirt shows as a bridged network over its uplinks, with the port groups VMs can use. */
    static String vswitchXml(String uuid, List<String> uplinks, List<String> portGroups) {
        StringBuilder b = new StringBuilder("<network>\n  <name>vSwitch0</name>\n  <uuid>" + uuid + "</uuid>\n");
        b.append("  <forward dev='").append(uplinks.get(0)).append("' mode='bridge'>\n");
        uplinks.forEach(u -> b.append("    <interface dev='").append(u).append("'/>\n"));
        b.append("  </forward>\n");
        portGroups.forEach(g -> b.append("  <portgroup name='").append(g).append("'>\n  </portgroup>\n"));
        return b.append("</network>\n\n").toString();
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
        void theVirtualSwitchAsANetwork() {
            // vSwitch0 key "key-vim.host.VirtualSwitch-vSwitch0", uplink vmnic0; port groups "VM Network" (a
            // datacenter Network "HaNetwork-VM Network" of that name exists) and "Management Network" (none: hidden)
            String uuid = md5Uuid("key-vim.host.VirtualSwitch-vSwitch0");
            ok("""
                    Name:           vSwitch0
                    UUID:           %s
                    Active:         yes
                    Persistent:     yes
                    Autostart:      yes

                    """.formatted(uuid), esx("net-info", "vSwitch0"));
            ok(vswitchXml(uuid, List.of("vmnic0"), List.of("VM Network")), esx("net-dumpxml", "vSwitch0"));
        }

        @Test
        void ifaceDumpxmlOfARecordedNic() {
            // vmnic0: mac 00:0c:29:81:d8:a0, spec.ip with dhcp false and no address: no <protocol>
            ok("""
                    <interface type='ethernet' name='vmnic0'>
                      <start mode='onboot'/>
                      <mac address='00:0c:29:81:d8:a0'/>
                    </interface>

                    """, esx("iface-dumpxml", "vmnic0"));
        }

        @Test
        void poolListDetailsIsEmpty() {
            ok("""
                     Name   State   Autostart   Persistent   Capacity   Allocation   Available
                    ----------------------------------------------------------------------------

                    """, esx("pool-list", "--all", "--details"));
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
            // vm-40 and vm-41 poweredOn: ids 40 and 41
            ok("""
                     Id   Name      State
                    -------------------------
                     40   web01     running
                     41   batch01   running

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
        void poolListDetailsAndTheXmlOfEveryDatastoreKind() {
            // allocation = capacity - freeSpace; vsan/vvol/pmem are dir pools at the host's mount path,
            // NFS 4.1 a netfs pool with the first remote host, VMFS an fs pool of format vmfs (libvirt's rule)
            ok("""
                     Name            State     Autostart   Persistent   Capacity     Allocation   Available
                    ------------------------------------------------------------------------------------------
                     nfs41-ds        running   yes         yes          1.00 TiB     512.00 GiB   512.00 GiB
                     PMemDS-esx8     running   yes         yes          256.00 GiB   56.00 GiB    200.00 GiB
                     vmfs-ds         running   yes         yes          500.00 GiB   100.00 GiB   400.00 GiB
                     vsanDatastore   running   yes         yes          4.00 TiB     1.00 TiB     3.00 TiB
                     vvol-ds         running   yes         yes          2.00 TiB     512.00 GiB   1.50 TiB

                    """, vpx("pool-list", "--all", "--details"));
            ok(dirPool("PMemDS-esx8", "/vmfs/volumes/pmem:5e8f7a6b-4c3d-2e1f-0a9b-8c7d6e5f4a3b",
                    274877906944L, 214748364800L), vpx("pool-dumpxml", "PMemDS-esx8"));
            ok(dirPool("vvol-ds", "/vmfs/volumes/vvol:5f1e2d3c4b5a6978-8796a5b4c3d2e1f0", 2199023255552L, 1649267441664L),
                    vpx("pool-dumpxml", "vvol-ds"));
            ok(dirPool("vsanDatastore", "/vmfs/volumes/vsan:52a1b2c3d4e5f607-1a2b3c4d5e6f7081", 4398046511104L,
                    3298534883328L), vpx("pool-dumpxml", "vsanDatastore"));
            ok(netfsPool("nfs41-ds", "/vmfs/volumes/a1b2c3d4-e5f60718", 1099511627776L, 549755813888L,
                    "nfs1.example.test", "/export/vsphere"), vpx("pool-dumpxml", "nfs41-ds"));
            ok(vmfsPool("vmfs-ds", "/vmfs/volumes/66a0b1c2-d3e4f506-0718-000c29aabbcc", 536870912000L, 429496729600L),
                    vpx("pool-dumpxml", "vmfs-ds"));
        }

        @Test
        void volListOfTheVmfsDatastore() {
            // the search task lists web01.vmdk in folder "[vmfs-ds] web01": name folder/file, path [ds] folder/file
            ok("""
                     Name               Path
                    ------------------------------------------------
                     web01/web01.vmdk   [vmfs-ds] web01/web01.vmdk

                    """, vpx("vol-list", "vmfs-ds"));
        }

        @Test
        void domifaddrReadsGuestNetAndNeedsTools() {
            // guest.net: the vNIC on DPortGroup with ipConfig 192.0.2.40/24, 2001:db8:80::40/64 and
            // fe80::250:56ff:fea1:40/64; a guest-internal bridge with no network is skipped (libvirt's rule)
            ok("""
                     Name       MAC address          Protocol     Address
                    -------------------------------------------------------------------------------
                     DPortGroup 00:50:56:a1:00:40    ipv4         192.0.2.40/24
                     -          -                    ipv6         2001:db8:80::40/64
                     -          -                    ipv6         fe80::250:56ff:fea1:40/64

                    """, vpx("domifaddr", "web01", "--source", "agent"));
            ok("""
                     Name       MAC address          Protocol     Address
                    -------------------------------------------------------------------------------
                     DPortGroup 00:50:56:a1:00:40    ipv4         192.0.2.40/24
                     DPortGroup 00:50:56:a1:00:40    ipv6         2001:db8:80::40/64
                     DPortGroup 00:50:56:a1:00:40    ipv6         fe80::250:56ff:fea1:40/64

                    """, vpx("domifaddr", "web01", "--source", "agent", "--full"));
            // batch01 is powered on but its Tools are not running: no guest.net in the answer
            fails("""
                    error: Failed to query for interfaces addresses
                    error: internal error: Missing property 'guest.net' in answer (are VMware Tools running in 'batch01'?)
                    """, vpx("domifaddr", "batch01", "--source", "agent"));
            // the ESX driver knows only the agent (VMware Tools) as a source; virsh's default is the lease file
            Cli.Result lease = vpx("domifaddr", "web01");
            assertEquals(1, lease.status());
            assertTrue(lease.err().startsWith("error: Failed to query for interfaces addresses\nerror: "), lease.err());
        }

        @Test
        void theDistributedSwitchAndItsPortGroupsAreNotNetworks() {
            String uuid = md5Uuid("key-vim.host.VirtualSwitch-vSwitch0");
            ok(vswitchXml(uuid, List.of("vmnic0"), List.of("VM Network")), vpx("net-dumpxml", "vSwitch0"));
            for (String name : List.of("DSwitch", "DPortGroup")) {
                fails("error: failed to get network '" + name + "'\nerror: Network not found: Could not find "
                        + "HostVirtualSwitch with name '" + name + "'\n", vpx("net-info", name));
            }
        }

        @Test
        void everyPhysicalNicIsAnInterfaceWhateverSwitchItServes() {
            // vmnic0 serves vSwitch0, vmnic1 the distributed switch's proxy switch: both are listed
            ok("""
                     Name     State    MAC Address
                    --------------------------------------
                     vmnic0   active   00:50:56:aa:00:01
                     vmnic1   active   00:50:56:aa:00:02

                    """, vpx("iface-list", "--all"));
            ok("""
                    <interface type='ethernet' name='vmnic1'>
                      <start mode='onboot'/>
                      <mac address='00:50:56:aa:00:02'/>
                    </interface>

                    """, vpx("iface-dumpxml", "vmnic1"));
        }

        @Test
        void capabilitiesCarryTheHostUuid() {
            ok(ReplayCliTest.capabilities("4c4c4544-0038-4d10-8052-b4c04f4e3233"), vpx("capabilities"));
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

    /**
     * The ESXi 7.0U3 shape constructed from VMware's vim25 definitions (no public recording of an ESXi 7
     * exists, see SOURCES.md): a standalone host with VMFS, NFS 3, vSAN, vVol and PMem datastores, a
     * standard switch and the proxy switch of a distributed one, a VM on a distributed port group with
     * VMware Tools running and a powered-off VM on a standard port group.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Esx70u3 {
        ReplayServer server;

        @BeforeAll
        void start() throws IOException {
            server = ReplayServer.start(Recording.load("constructed-esx70u3"));
        }

        @AfterAll
        void stop() {
            server.close();
        }

        Cli.Result esx(String... args) {
            return run("esx://127.0.0.1:" + server.port() + "/?transport=http", args);
        }

        @Test
        void nodeinfoHostnameAndCapabilities() {
            // "Intel(R) Xeon(R) E-2288G CPU @ 3.70GHz" without (R), cut to 31; 3700000000 Hz; 1 package,
            // 8 cores, 16 threads; 137438953472 bytes; 1 NUMA node
            ok("""
                    CPU model:           Intel Xeon E-2288G CPU @ 3.70GH
                    CPU(s):              8
                    CPU frequency:       3700 MHz
                    CPU socket(s):       1
                    Core(s) per socket:  8
                    Thread(s) per core:  2
                    NUMA cell(s):        1
                    Memory size:         134217728 KiB

                    """, esx("nodeinfo"));
            ok("esx7.example.test\n\n", esx("hostname"));
            ok(capabilities("4c4c4544-0052-3410-8037-c7c04f563732"), esx("capabilities"));
        }

        @Test
        void listAndDominfo() {
            // VM ids are the host agent's morefs 1 and 2; a powered-off VM has no id
            ok("""
                     Id   Name      State
                    --------------------------
                     1    app7      running
                     -    legacy7   shut off

                    """, esx("list", "--all"));
            ok("""
                    Id:             1
                    Name:           app7
                    UUID:           564d7e01-0a0b-0c0d-0e0f-101112131415
                    OS Type:        hvm
                    State:          running
                    CPU(s):         2
                    Max memory:     4194304 KiB
                    Used memory:    4194304 KiB
                    Persistent:     yes
                    Autostart:      disable
                    Managed save:   no

                    """, esx("dominfo", "app7"));
        }

        @Test
        void dumpxmlOfAVmOnADistributedPortGroup() {
            // app7.vmx: virtualHW 19, EFI, guestOS ubuntu-64, PVSCSI with a disk in its folder and one given by
            // the absolute mount path of the vSAN datastore (libvirt names it by datastore), ethernet0.dvs.*
            ok("""
                    <domain type='vmware' id='1' xmlns:vmware='http://libvirt.org/schemas/domain/vmware/1.0'>
                      <name>app7</name>
                      <uuid>564d7e01-0a0b-0c0d-0e0f-101112131415</uuid>
                      <memory unit='KiB'>4194304</memory>
                      <currentMemory unit='KiB'>4194304</currentMemory>
                      <vcpu placement='static'>2</vcpu>
                      <os firmware='efi'>
                        <type arch='x86_64'>hvm</type>
                      </os>
                      <clock offset='utc'/>
                      <on_poweroff>destroy</on_poweroff>
                      <on_reboot>restart</on_reboot>
                      <on_crash>destroy</on_crash>
                      <devices>
                        <disk type='file' device='disk'>
                          <source file='[datastore1] app7/app7.vmdk'/>
                          <target dev='sda' bus='scsi'/>
                          <address type='drive' controller='0' bus='0' target='0' unit='0'/>
                        </disk>
                        <disk type='file' device='disk'>
                          <source file='[vsanDatastore] app7-data/app7-data.vmdk'/>
                          <target dev='sdb' bus='scsi'/>
                          <address type='drive' controller='0' bus='0' target='0' unit='1'/>
                        </disk>
                        <controller type='scsi' index='0' model='vmpvscsi'/>
                        <interface type='vds'>
                          <mac address='00:0c:29:7e:01:01' type='generated'/>
                          <source switchid='502b3c4d-5e6f-7081-92a3-b4c5d6e7f809' portid='7' portgroupid='dvportgroup-1012' connectionid='903415772'/>
                          <model type='vmxnet3'/>
                        </interface>
                        <video>
                          <model type='vmvga' vram='4096' primary='yes'/>
                        </video>
                      </devices>
                      <vmware:datacenterpath>ha-datacenter</vmware:datacenterpath>
                      <vmware:moref>1</vmware:moref>
                    </domain>

                    """, esx("dumpxml", "app7"));
            ok("""
                     Interface   Type   Source   Model     MAC
                    ----------------------------------------------------------
                     -           vds    -        vmxnet3   00:0c:29:7e:01:01

                    """, esx("domiflist", "app7"));
        }

        @Test
        void dumpxmlOfAPoweredOffVmWithCrlfLines() {
            // legacy7.vmx (CRLF): virtualHW 13, BIOS, centos7-64, LSI Logic, a CD-ROM image on the NFS datastore
            // at ide1:0 (hdc, controller 0 bus 1; libvirt adds the IDE controller), an E1000 on "VM Network"
            ok("""
                    <domain type='vmware' xmlns:vmware='http://libvirt.org/schemas/domain/vmware/1.0'>
                      <name>legacy7</name>
                      <uuid>564d7e02-1a1b-1c1d-1e1f-202122232425</uuid>
                      <memory unit='KiB'>2097152</memory>
                      <currentMemory unit='KiB'>2097152</currentMemory>
                      <vcpu placement='static'>1</vcpu>
                      <os>
                        <type arch='x86_64'>hvm</type>
                      </os>
                      <clock offset='utc'/>
                      <on_poweroff>destroy</on_poweroff>
                      <on_reboot>restart</on_reboot>
                      <on_crash>destroy</on_crash>
                      <devices>
                        <disk type='file' device='disk'>
                          <source file='[datastore1] legacy7/legacy7.vmdk'/>
                          <target dev='sda' bus='scsi'/>
                          <address type='drive' controller='0' bus='0' target='0' unit='0'/>
                        </disk>
                        <disk type='file' device='cdrom'>
                          <source file='[nfs3-iso] CentOS-7-x86_64-Minimal-2009.iso'/>
                          <target dev='hdc' bus='ide'/>
                          <readonly/>
                          <address type='drive' controller='0' bus='1' target='0' unit='0'/>
                        </disk>
                        <controller type='scsi' index='0' model='lsilogic'/>
                        <controller type='ide' index='0'/>
                        <interface type='bridge'>
                          <mac address='00:0c:29:7e:02:01' type='generated'/>
                          <source bridge='VM Network'/>
                          <model type='e1000'/>
                        </interface>
                        <video>
                          <model type='vmvga' vram='4096' primary='yes'/>
                        </video>
                      </devices>
                      <vmware:datacenterpath>ha-datacenter</vmware:datacenterpath>
                      <vmware:moref>2</vmware:moref>
                    </domain>

                    """, esx("dumpxml", "legacy7"));
            ok("""
                     Interface   Type     Source       Model   MAC
                    --------------------------------------------------------------
                     -           bridge   VM Network   e1000   00:0c:29:7e:02:01

                    """, esx("domiflist", "legacy7"));
        }

        @Test
        void domifaddr() {
            // guest.net of app7: the vNIC on DPG-Prod with ipConfig 198.51.100.7/24 and 2001:db8:70::7/64
            ok("""
                     Name       MAC address          Protocol     Address
                    -------------------------------------------------------------------------------
                     DPG-Prod   00:0c:29:7e:01:01    ipv4         198.51.100.7/24
                     -          -                    ipv6         2001:db8:70::7/64

                    """, esx("domifaddr", "app7", "--source", "agent"));
            fails("""
                    error: Failed to query for interfaces addresses
                    error: Requested operation is not valid: Domain is not powered on
                    """, esx("domifaddr", "legacy7", "--source", "agent"));
        }

        @Test
        void poolsOfEveryDatastoreKind() {
            ok("""
                     Name            State    Autostart
                    -------------------------------------
                     datastore1      active   yes
                     nfs3-iso        active   yes
                     PMemDS-esx7     active   yes
                     vsanDatastore   active   yes
                     vvol-ds7        active   yes

                    """, esx("pool-list", "--all"));
            ok("""
                     Name            State     Autostart   Persistent   Capacity      Allocation   Available
                    -------------------------------------------------------------------------------------------
                     datastore1      running   yes         yes          1000.00 GiB   200.00 GiB   800.00 GiB
                     nfs3-iso        running   yes         yes          500.00 GiB    250.00 GiB   250.00 GiB
                     PMemDS-esx7     running   yes         yes          128.00 GiB    32.00 GiB    96.00 GiB
                     vsanDatastore   running   yes         yes          2.00 TiB      512.00 GiB   1.50 TiB
                     vvol-ds7        running   yes         yes          1.00 TiB      256.00 GiB   768.00 GiB

                    """, esx("pool-list", "--all", "--details"));
            ok("""
                    Name:           nfs3-iso
                    UUID:           %s
                    State:          running
                    Persistent:     yes
                    Autostart:      yes
                    Capacity:       500.00 GiB
                    Allocation:     250.00 GiB
                    Available:      250.00 GiB

                    """.formatted(md5Uuid("/vmfs/volumes/c58d2fd7-9bde5a34")), esx("pool-info", "nfs3-iso"));
            ok(vmfsPool("datastore1", "/vmfs/volumes/60f1a2b3-c4d5e6f7-8091-0c42a1b2c3d4", 1073741824000L, 858993459200L),
                    esx("pool-dumpxml", "datastore1"));
            ok(netfsPool("nfs3-iso", "/vmfs/volumes/c58d2fd7-9bde5a34", 536870912000L, 268435456000L,
                    "nas7.example.test", "/export/iso"), esx("pool-dumpxml", "nfs3-iso"));
            ok(dirPool("vsanDatastore", "/vmfs/volumes/vsan:52c4e5f6a7b8c9d0-e1f2a3b4c5d6e7f8", 2199023255552L,
                    1649267441664L), esx("pool-dumpxml", "vsanDatastore"));
            ok(dirPool("vvol-ds7", "/vmfs/volumes/vvol:6a7b8c9d0e1f2a3b-4c5d6e7f8091a2b3", 1099511627776L, 824633720832L),
                    esx("pool-dumpxml", "vvol-ds7"));
            ok(dirPool("PMemDS-esx7", "/vmfs/volumes/pmem:61a2b3c4-d5e6-f708-192a-3b4c5d6e7f80", 137438953472L,
                    103079215104L), esx("pool-dumpxml", "PMemDS-esx7"));
        }

        @Test
        void volumesAreTheDisksAndImagesTheBrowserFinds() {
            ok("""
                     Name                   Path
                    -----------------------------------------------------------
                     app7/app7.vmdk         [datastore1] app7/app7.vmdk
                     legacy7/legacy7.vmdk   [datastore1] legacy7/legacy7.vmdk

                    """, esx("vol-list", "datastore1"));
            // an image at the top of the export: its name is the file name
            ok("""
                     Name                               Path
                    ---------------------------------------------------------------------------------
                     CentOS-7-x86_64-Minimal-2009.iso   [nfs3-iso] CentOS-7-x86_64-Minimal-2009.iso

                    """, esx("vol-list", "nfs3-iso"));
        }

        @Test
        void networksAreTheStandardSwitchOnly() {
            String uuid = md5Uuid("key-vim.host.VirtualSwitch-vSwitch0");
            ok("""
                     Name       State    Autostart   Persistent
                    ---------------------------------------------
                     vSwitch0   active   yes         yes

                    """, esx("net-list", "--all"));
            ok("""
                    Name:           vSwitch0
                    UUID:           %s
                    Active:         yes
                    Persistent:     yes
                    Autostart:      yes

                    """.formatted(uuid), esx("net-info", "vSwitch0"));
            // "Management Network" has no Network object (VMkernel only): not a port group of the network
            ok(vswitchXml(uuid, List.of("vmnic0"), List.of("VM Network")), esx("net-dumpxml", "vSwitch0"));
            for (String name : List.of("DSwitch7", "DPG-Prod")) {
                fails("error: failed to get network '" + name + "'\nerror: Network not found: Could not find "
                        + "HostVirtualSwitch with name '" + name + "'\n", esx("net-info", name));
            }
        }

        @Test
        void interfacesAreEveryPhysicalNic() {
            // vmnic0 (vSwitch0), vmnic1 (the distributed switch's uplink), vmnic2 (no link): all are listed, active
            ok("""
                     Name     State    MAC Address
                    --------------------------------------
                     vmnic0   active   3c:ec:ef:70:00:10
                     vmnic1   active   3c:ec:ef:70:00:11
                     vmnic2   active   3c:ec:ef:70:00:12

                    """, esx("iface-list", "--all"));
            ok("""
                    <interface type='ethernet' name='vmnic2'>
                      <start mode='onboot'/>
                      <mac address='3c:ec:ef:70:00:12'/>
                    </interface>

                    """, esx("iface-dumpxml", "vmnic2"));
        }
    }

    /**
     * The vCenter 7.0U3 shape constructed from VMware's vim25 definitions (no public recording of a
     * vCenter 7 exists, see SOURCES.md): a standalone host (ComputeResource) with VMFS, NFS 3, vSAN, vVol
     * and an empty PMem datastore, a standard switch teaming two NICs, a VmwareDistributedVirtualSwitch
     * with its port groups, a VM on a distributed port group whose Tools report only legacy addresses and
     * a VM whose Tools report its NIC with no address yet, and a VM on an NSX-T segment (an opaque network).
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Vcenter70u3 {
        ReplayServer server;

        @BeforeAll
        void start() throws IOException {
            server = ReplayServer.start(Recording.load("constructed-vcenter70u3"));
        }

        @AfterAll
        void stop() {
            server.close();
        }

        Cli.Result vpx(String... args) {
            return run("vpx://127.0.0.1:" + server.port() + "/DC7/esx70.example.test?transport=http", args);
        }

        @Test
        void nodeinfoAndCapabilities() {
            // "AMD EPYC 7352 24-Core Processor" (31 characters, kept whole); 2100000000 Hz; 2 packages,
            // 24 cores, 48 threads; 274877906944 bytes; 2 NUMA nodes
            ok("""
                    CPU model:           AMD EPYC 7352 24-Core Processor
                    CPU(s):              24
                    CPU frequency:       2100 MHz
                    CPU socket(s):       2
                    Core(s) per socket:  12
                    Thread(s) per core:  2
                    NUMA cell(s):        2
                    Memory size:         268435456 KiB

                    """, vpx("nodeinfo"));
            ok(capabilities("36383150-3630-4d32-3232-303130304e4d"), vpx("capabilities"));
        }

        @Test
        void listAndDominfo() {
            ok("""
                     Id   Name    State
                    -----------------------
                     50   web70   running
                     51   win70   running
                     52   nsx70   running

                    """, vpx("list", "--all"));
            // memoryMB 16384, numCPU 8
            ok("""
                    Id:             50
                    Name:           web70
                    UUID:           420e5001-7a7b-7c7d-7e7f-808182838485
                    OS Type:        hvm
                    State:          running
                    CPU(s):         8
                    Max memory:     16777216 KiB
                    Used memory:    16777216 KiB
                    Persistent:     yes
                    Autostart:      disable
                    Managed save:   no

                    """, vpx("dominfo", "web70"));
        }

        @Test
        void dumpxml() {
            // web70.vmx: 8 vCPUs with cpuid.coresPerSocket 4 (2 sockets of 4 cores), a disk on the vVol
            // datastore by absolute path, ethernet0.dvs.*, svga.vramSize 8388608 bytes = 8192 KiB
            ok("""
                    <domain type='vmware' id='50' xmlns:vmware='http://libvirt.org/schemas/domain/vmware/1.0'>
                      <name>web70</name>
                      <uuid>420e5001-7a7b-7c7d-7e7f-808182838485</uuid>
                      <memory unit='KiB'>16777216</memory>
                      <currentMemory unit='KiB'>16777216</currentMemory>
                      <vcpu placement='static'>8</vcpu>
                      <os firmware='efi'>
                        <type arch='x86_64'>hvm</type>
                      </os>
                      <cpu>
                        <topology sockets='2' dies='1' cores='4' threads='1'/>
                      </cpu>
                      <clock offset='utc'/>
                      <on_poweroff>destroy</on_poweroff>
                      <on_reboot>restart</on_reboot>
                      <on_crash>destroy</on_crash>
                      <devices>
                        <disk type='file' device='disk'>
                          <source file='[vmfs70] web70/web70.vmdk'/>
                          <target dev='sda' bus='scsi'/>
                          <address type='drive' controller='0' bus='0' target='0' unit='0'/>
                        </disk>
                        <disk type='file' device='disk'>
                          <source file='[vvol-70] rfc4122.9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d/web70-data.vmdk'/>
                          <target dev='sdb' bus='scsi'/>
                          <address type='drive' controller='0' bus='0' target='0' unit='1'/>
                        </disk>
                        <controller type='scsi' index='0' model='vmpvscsi'/>
                        <interface type='vds'>
                          <mac address='00:50:56:8e:50:01' type='generated'/>
                          <source switchid='503c4d5e-6f70-8192-a3b4-c5d6e7f8091a' portid='3' portgroupid='dvportgroup-32' connectionid='512340987'/>
                          <model type='vmxnet3'/>
                        </interface>
                        <video>
                          <model type='vmvga' vram='8192' primary='yes'/>
                        </video>
                      </devices>
                      <vmware:datacenterpath>DC7</vmware:datacenterpath>
                      <vmware:moref>vm-50</vmware:moref>
                    </domain>

                    """, vpx("dumpxml", "web70"));
            // win70.vmx: virtualHW 17, EFI, LSI Logic SAS (lsisas1068), an E1000e on "VM Network"
            ok("""
                    <domain type='vmware' id='51' xmlns:vmware='http://libvirt.org/schemas/domain/vmware/1.0'>
                      <name>win70</name>
                      <uuid>420e5101-8a8b-8c8d-8e8f-909192939495</uuid>
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
                          <source file='[vmfs70] win70/win70.vmdk'/>
                          <target dev='sda' bus='scsi'/>
                          <address type='drive' controller='0' bus='0' target='0' unit='0'/>
                        </disk>
                        <controller type='scsi' index='0' model='lsisas1068'/>
                        <interface type='bridge'>
                          <mac address='00:50:56:8e:51:01' type='generated'/>
                          <source bridge='VM Network'/>
                          <model type='e1000e'/>
                        </interface>
                        <video>
                          <model type='vmvga' vram='4096' primary='yes'/>
                        </video>
                      </devices>
                      <vmware:datacenterpath>DC7</vmware:datacenterpath>
                      <vmware:moref>vm-51</vmware:moref>
                    </domain>

                    """, vpx("dumpxml", "win70"));
            ok("""
                     Interface   Type   Source   Model     MAC
                    ----------------------------------------------------------
                     -           vds    -        vmxnet3   00:50:56:8e:50:01

                    """, vpx("domiflist", "web70"));
            ok("""
                     Interface   Type     Source       Model    MAC
                    ---------------------------------------------------------------
                     -           bridge   VM Network   e1000e   00:50:56:8e:51:01

                    """, vpx("domiflist", "win70"));
        }

        @Test
        void aVmOnAnNsxSegmentHasANullInterface() {
            // nsx70.vmx: its vmxnet3 has ethernet0.opaqueNetwork.id/.type and no networkName, which libvirt's
            // VMX reader makes an <interface type='null'>; the server's card (an opaque-network backing) is
            // the same interface in domiflist (type null, no source)
            ok("""
                    <domain type='vmware' id='52' xmlns:vmware='http://libvirt.org/schemas/domain/vmware/1.0'>
                      <name>nsx70</name>
                      <uuid>420e5201-9a9b-9c9d-9e9f-a0a1a2a3a4a5</uuid>
                      <memory unit='KiB'>4194304</memory>
                      <currentMemory unit='KiB'>4194304</currentMemory>
                      <vcpu placement='static'>2</vcpu>
                      <os>
                        <type arch='x86_64'>hvm</type>
                      </os>
                      <clock offset='utc'/>
                      <on_poweroff>destroy</on_poweroff>
                      <on_reboot>restart</on_reboot>
                      <on_crash>destroy</on_crash>
                      <devices>
                        <disk type='file' device='disk'>
                          <source file='[vmfs70] nsx70/nsx70.vmdk'/>
                          <target dev='sda' bus='scsi'/>
                          <address type='drive' controller='0' bus='0' target='0' unit='0'/>
                        </disk>
                        <controller type='scsi' index='0' model='vmpvscsi'/>
                        <interface type='null'>
                          <mac address='00:50:56:8e:52:01' type='generated'/>
                          <model type='vmxnet3'/>
                        </interface>
                        <video>
                          <model type='vmvga' vram='4096' primary='yes'/>
                        </video>
                      </devices>
                      <vmware:datacenterpath>DC7</vmware:datacenterpath>
                      <vmware:moref>vm-52</vmware:moref>
                    </domain>

                    """, vpx("dumpxml", "nsx70"));
            ok("""
                     Interface   Type   Source   Model     MAC
                    ----------------------------------------------------------
                     -           null   -        vmxnet3   00:50:56:8e:52:01

                    """, vpx("domiflist", "nsx70"));
            // Tools name the NIC after the segment
            ok("""
                     Name       MAC address          Protocol     Address
                    -------------------------------------------------------------------------------
                     seg-app    00:50:56:8e:52:01    ipv4         10.70.1.52/24

                    """, vpx("domifaddr", "nsx70", "--source", "agent"));
        }

        @Test
        void domifaddr() {
            // no ipConfig: the legacy ipAddress strings, with prefix 0 (libvirt's rule)
            ok("""
                     Name       MAC address          Protocol     Address
                    -------------------------------------------------------------------------------
                     DPG-Web    00:50:56:8e:50:01    ipv4         203.0.113.50/0
                     -          -                    ipv6         2001:db8:7::50/0

                    """, vpx("domifaddr", "web70", "--source", "agent"));
            // a connected NIC with no address yet: virsh prints N/A
            ok("""
                     Name       MAC address          Protocol     Address
                    -------------------------------------------------------------------------------
                     VM Network 00:50:56:8e:51:01    N/A          N/A

                    """, vpx("domifaddr", "win70", "--source", "agent"));
        }

        @Test
        void poolsOfEveryDatastoreKind() {
            ok("""
                     Name            State     Autostart   Persistent   Capacity     Allocation   Available
                    ------------------------------------------------------------------------------------------
                     nfs-backup      running   yes         yes          4.00 TiB     512.00 GiB   3.50 TiB
                     PMemDS-esx70    running   yes         yes          512.00 GiB   0.00 B       512.00 GiB
                     vmfs70          running   yes         yes          2.00 TiB     1.00 TiB     1.00 TiB
                     vsanDatastore   running   yes         yes          8.00 TiB     2.00 TiB     6.00 TiB
                     vvol-70         running   yes         yes          3.00 TiB     1.00 TiB     2.00 TiB

                    """, vpx("pool-list", "--all", "--details"));
            ok("""
                    Name:           PMemDS-esx70
                    UUID:           %s
                    State:          running
                    Persistent:     yes
                    Autostart:      yes
                    Capacity:       512.00 GiB
                    Allocation:     0.00 B
                    Available:      512.00 GiB

                    """.formatted(md5Uuid("/vmfs/volumes/pmem:61e0f1a2-0000-4000-8000-b49691700020")),
                    vpx("pool-info", "PMemDS-esx70"));
            ok(netfsPool("nfs-backup", "/vmfs/volumes/0a1b2c3d-4e5f6071", 4398046511104L, 3848290697216L,
                    "backup.example.test", "/mnt/pool0/vsphere"), vpx("pool-dumpxml", "nfs-backup"));
            ok(vmfsPool("vmfs70", "/vmfs/volumes/61e0f1a2-b3c4d5e6-f708-b49691700020", 2199023255552L, 1099511627776L),
                    vpx("pool-dumpxml", "vmfs70"));
            ok(dirPool("vsanDatastore", "/vmfs/volumes/vsan:5270a1b2c3d4e5f6-0718293a4b5c6d7e", 8796093022208L,
                    6597069766656L), vpx("pool-dumpxml", "vsanDatastore"));
            ok(dirPool("vvol-70", "/vmfs/volumes/vvol:7b8c9d0e1f2a3b4c-5d6e7f8091a2b3c4", 3298534883328L, 2199023255552L),
                    vpx("pool-dumpxml", "vvol-70"));
            ok(dirPool("PMemDS-esx70", "/vmfs/volumes/pmem:61e0f1a2-0000-4000-8000-b49691700020", 549755813888L,
                    549755813888L), vpx("pool-dumpxml", "PMemDS-esx70"));
            ok("""
                     Name               Path
                    -----------------------------------------------
                     web70/web70.vmdk   [vmfs70] web70/web70.vmdk
                     win70/win70.vmdk   [vmfs70] win70/win70.vmdk

                    """, vpx("vol-list", "vmfs70"));
            // VmDiskFileInfo capacityKb 41943040 (40 GiB), fileSize 42949672960 (40 GiB allocated)
            ok("""
                    Name:           web70/web70.vmdk
                    Type:           file
                    Capacity:       40.00 GiB
                    Allocation:     40.00 GiB

                    """, vpx("vol-info", "web70/web70.vmdk", "--pool", "vmfs70"));
        }

        @Test
        void theDistributedSwitchIsNotANetwork() {
            String uuid = md5Uuid("key-vim.host.VirtualSwitch-vSwitch0");
            ok("""
                     Name       State    Autostart   Persistent
                    ---------------------------------------------
                     vSwitch0   active   yes         yes

                    """, vpx("net-list", "--all"));
            // vSwitch0 teams vmnic0 and vmnic1: the first is the forward dev
            ok(vswitchXml(uuid, List.of("vmnic0", "vmnic1"), List.of("VM Network")), vpx("net-dumpxml", "vSwitch0"));
            for (String name : List.of("DSwitch70", "DPG-Web", "DSwitch70-DVUplinks-30", "seg-app")) {
                fails("error: failed to get network '" + name + "'\nerror: Network not found: Could not find "
                        + "HostVirtualSwitch with name '" + name + "'\n", vpx("net-info", name));
            }
        }

        @Test
        void interfaces() {
            ok("""
                     Name     State    MAC Address
                    --------------------------------------
                     vmnic0   active   b4:96:91:70:00:20
                     vmnic1   active   b4:96:91:70:00:21
                     vmnic2   active   b4:96:91:70:00:22

                    """, vpx("iface-list", "--all"));
            ok("""
                    <interface type='ethernet' name='vmnic2'>
                      <start mode='onboot'/>
                      <mac address='b4:96:91:70:00:22'/>
                    </interface>

                    """, vpx("iface-dumpxml", "vmnic2"));
        }
    }
}
