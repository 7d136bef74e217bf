package io.jvirt.cli;

import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jvirsh against the in-JVM vSphere simulator (ESX model, a fresh one per test), in-process.
 * The expected outputs are written by hand in virsh's formats (see virsh-formats.md); values
 * the simulator picks at random (UUIDs, creation times) are matched with patterns.
 */
class SimulatorCliTest {
    static final String PASSWORD = "Pw-9f3Kq!zz";
    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    VsphereSimulator sim;
    Path authFile;

    @BeforeEach
    void start(@TempDir Path dir) throws IOException {
        sim = VsphereSimulator.builder().model(SimulatorModel.ESX).tls(true).credentials("root", PASSWORD).build().start();
        authFile = dir.resolve("auth.conf");
        Files.writeString(authFile, "[credentials-sim]\nusername=root\npassword=" + PASSWORD
                + "\n\n[auth-esx-127.0.0.1]\ncredentials=sim\n");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    String uri() {
        return "esx://127.0.0.1:" + sim.port() + "/?no_verify=1";
    }

    /** jvirsh -c URI --auth-file FILE ARGS... */
    Cli.Result esx(String... args) {
        return esx(Cli.cli(), args);
    }

    Cli.Result esx(Cli cli, String... args) {
        List<String> all = new ArrayList<>(List.of("-c", uri(), "--auth-file", authFile.toString()));
        all.addAll(List.of(args));
        return cli.run(all.toArray(String[]::new));
    }

    static void ok(String expected, Cli.Result r) {
        assertEquals("", r.err());
        assertEquals(expected, r.out());
        assertEquals(0, r.status());
    }

    static void matches(String regex, String actual) {
        assertTrue(Pattern.compile(regex, Pattern.DOTALL).matcher(actual).matches(),
                () -> "expected to match:\n" + regex + "\nbut was:\n" + actual);
    }

    @Test
    void listAll() {
        ok("""
                 Id   Name          State
                ------------------------------
                 1    ha-host_VM0   running
                 -    ha-host_VM1   shut off

                """, esx("list", "--all"));
        // with -q virsh sizes the columns without the header
        ok(" 1   ha-host_VM0   running\n", esx("-q", "list"));
        ok("ha-host_VM1\n\n", esx("list", "--inactive", "--name"));
    }

    @Test
    void dominfoDomstateDomid() {
        Cli.Result r = esx("dominfo", "ha-host_VM0");
        assertEquals(0, r.status(), r.err());
        matches("""
                Id:             1
                Name:           ha-host_VM0
                UUID:           %s
                OS Type:        hvm
                State:          running
                CPU\\(s\\):         1
                Max memory:     32768 KiB
                Used memory:    32768 KiB
                Persistent:     yes
                Autostart:      disable
                Managed save:   no

                """.formatted(UUID), r.out());
        ok("running\n\n", esx("domstate", "ha-host_VM0"));
        ok("shut off\n", esx("-q", "domstate", "ha-host_VM1"));
        ok("1\n\n", esx("domid", "ha-host_VM0"));
        ok("-\n", esx("-q", "domid", "ha-host_VM1"));
        // the UUID that dominfo printed names the same domain
        String uuid = r.out().lines().filter(l -> l.startsWith("UUID:")).findFirst().orElseThrow().substring(16);
        ok("ha-host_VM0\n", esx("-q", "domname", uuid));

        Cli.Result missing = esx("dominfo", "nope");
        assertEquals(1, missing.status());
        assertTrue(missing.err().startsWith("error: failed to get domain 'nope'\n"), missing.err());
        assertEquals("\n", missing.out());
    }

    @Test
    void hostCommands() {
        ok("""
                CPU model:           Intel Xeon CPU E5-2650 v2 @ 2.6
                CPU(s):              8
                CPU frequency:       2600 MHz
                CPU socket(s):       2
                Core(s) per socket:  4
                Thread(s) per core:  2
                NUMA cell(s):        2
                Memory size:         33554432 KiB

                """, esx("nodeinfo"));
        ok("localhost.localdomain\n", esx("-q", "hostname"));
        ok("""
                Compiled against library: libvirt 9.0.0
                Using library: libvirt 9.0.0
                Using API: ESX 9.0.0
                Running hypervisor: ESX 7.0.3
                """, esx("-q", "version"));
        ok(uri() + "\n", esx("-q", "uri"));
    }

    @Test
    void schedinfo() {
        ok("""
                Scheduler      : allocation
                reservation    : 0
                limit          : -1
                shares         : -2

                """, esx("schedinfo", "ha-host_VM0"));
    }

    @Test
    void dumpxmlIsWellFormedAndNamesTheDatacenter() throws Exception {
        Cli.Result r = esx("-q", "dumpxml", "ha-host_VM0");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("<domain type='vmware' id='1' "
                + "xmlns:vmware='http://libvirt.org/schemas/domain/vmware/1.0'>\n  <name>ha-host_VM0</name>\n"), r.out());
        assertTrue(r.out().contains("\n  <vmware:datacenterpath>ha-datacenter</vmware:datacenterpath>\n"), r.out());
        assertTrue(r.out().contains("<source file='[LocalDS_0] ha-host_VM0/ha-host_VM0.vmdk'/>"), r.out());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
        assertEquals("ha-datacenter", doc.getElementsByTagNameNS(
                "http://libvirt.org/schemas/domain/vmware/1.0", "datacenterpath").item(0).getTextContent());
    }

    @Test
    void lifecycleMessagesAndInvalidTransitions() {
        ok("Domain 'ha-host_VM1' started\n\n", esx("start", "ha-host_VM1"));
        assertEquals("poweredOn", sim.powerState("ha-host_VM1"));
        ok("Domain 'ha-host_VM1' suspended\n\n", esx("suspend", "ha-host_VM1"));
        assertEquals("suspended", sim.powerState("ha-host_VM1"));
        ok("paused\n", esx("-q", "domstate", "ha-host_VM1"));
        ok("Domain 'ha-host_VM1' resumed\n\n", esx("resume", "ha-host_VM1"));
        ok("Domain 'ha-host_VM1' destroyed\n\n", esx("destroy", "ha-host_VM1"));
        assertEquals("poweredOff", sim.powerState("ha-host_VM1"));

        // virsh's context line, then the driver's reason with libvirt's summary of its code
        Cli.Result r = esx("resume", "ha-host_VM1");
        assertEquals(1, r.status());
        assertEquals("error: Failed to resume domain 'ha-host_VM1'\nerror: Requested operation is not valid: Domain is not suspended\n", r.err());
        r = esx("suspend", "ha-host_VM1");
        assertEquals(1, r.status());
        assertEquals("error: Failed to suspend domain 'ha-host_VM1'\nerror: Requested operation is not valid: Domain is not powered on\n", r.err());
        r = esx("destroy", "ha-host_VM1");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("error: Failed to destroy domain 'ha-host_VM1'\nerror: "), r.err());
        r = esx("start", "ha-host_VM0");
        assertEquals(1, r.status());
        assertEquals("error: Domain is already active\n", r.err());
        assertEquals("shut off\n", esx("-q", "domstate", "ha-host_VM1").out());
    }

    @Test
    void snapshots() {
        ok("Domain snapshot s1 created\n", esx("snapshot-create-as", "ha-host_VM0", "s1"));
        ok("Domain snapshot s2 created\n", esx("snapshot-create-as", "ha-host_VM0", "s2", "the second"));
        String time = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}";
        Cli.Result list = esx("snapshot-list", "ha-host_VM0");
        assertEquals(0, list.status(), list.err());
        matches("""
                 Name   Creation Time               State
                ---------------------------------------------
                 s1     %1$s   running
                 s2     %1$s   running

                """.formatted(time), list.out());
        ok("s1\n  |\n  +- s2\n    \n\n", esx("snapshot-list", "ha-host_VM0", "--tree"));
        ok("s2\n", esx("-q", "snapshot-current", "ha-host_VM0", "--name"));
        ok("Domain snapshot s2 deleted\n\n", esx("snapshot-delete", "ha-host_VM0", "s2"));
        matches(" s1   %s   running\n".formatted(time), esx("-q", "snapshot-list", "ha-host_VM0").out());
        ok("s1\n\n", esx("-q", "snapshot-list", "ha-host_VM0", "--tree"));

        Cli.Result r = esx("snapshot-delete", "ha-host_VM0", "nope");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("error: Domain snapshot not found: Could not find snapshot with name 'nope'"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void storage() {
        ok("""
                 Name                                     State    Autostart
                --------------------------------------------------------------
                 iqn.2026-01.test.jvirt:storage.target0   active   yes
                 LocalDS_0                                active   yes
                 nfs-iso                                  active   yes

                """, esx("pool-list", "--all"));
        Cli.Result info = esx("pool-info", "LocalDS_0");
        assertEquals(0, info.status(), info.err());
        matches("""
                Name:           LocalDS_0
                UUID:           %s
                State:          running
                Persistent:     yes
                Autostart:      yes
                Capacity:       500\\.00 GiB
                Allocation:     \\d+\\.\\d\\d [KMG]iB
                Available:      \\d+\\.\\d\\d GiB

                """.formatted(UUID), info.out());
        ok("""
                 Name                           Path
                --------------------------------------------------------------------------
                 ha-host_VM0/ha-host_VM0.vmdk   [LocalDS_0] ha-host_VM0/ha-host_VM0.vmdk
                 ha-host_VM1/ha-host_VM1.vmdk   [LocalDS_0] ha-host_VM1/ha-host_VM1.vmdk

                """, esx("vol-list", "LocalDS_0"));
        Cli.Result r = esx("pool-info", "NoSuchDS");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("error: failed to get pool 'NoSuchDS'\n"), r.err());
    }

    @Test
    void networksAndInterfaces() {
        ok("""
                 Name       State    Autostart   Persistent
                ---------------------------------------------
                 vSwitch0   active   yes         yes

                """, esx("net-list", "--all"));
        Cli.Result info = esx("net-info", "vSwitch0");
        assertEquals(0, info.status(), info.err());
        matches("""
                Name:           vSwitch0
                UUID:           %s
                Active:         yes
                Persistent:     yes
                Autostart:      yes

                """.formatted(UUID), info.out());
        ok("""
                 Name     State    MAC Address
                --------------------------------------
                 vmnic0   active   00:50:56:01:00:00
                 vmnic1   active   00:50:56:01:00:01

                """, esx("iface-list"));
    }

    static final String VMX = """
            config.version = "8"
            virtualHW.version = "13"
            displayName = "conv1"
            memsize = "512"
            numvcpus = "2"
            guestOS = "other-64"
            scsi0.present = "true"
            scsi0.virtualDev = "lsilogic"
            scsi0:0.present = "true"
            scsi0:0.deviceType = "scsi-hardDisk"
            scsi0:0.fileName = "/vmfs/volumes/LocalDS_0/conv1/conv1.vmdk"
            ethernet0.present = "true"
            ethernet0.networkName = "VM Network"
            ethernet0.addressType = "static"
            ethernet0.address = "00:50:56:11:22:33"
            """;

    static final String CONV1_XML = """
            <domain type='vmware'>
              <name>conv1</name>
              <uuid>00000000-0000-0000-0000-000000000000</uuid>
              <memory unit='KiB'>524288</memory>
              <currentMemory unit='KiB'>524288</currentMemory>
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
                  <source file='[LocalDS_0] conv1/conv1.vmdk'/>
                  <target dev='sda' bus='scsi'/>
                  <address type='drive' controller='0' bus='0' target='0' unit='0'/>
                </disk>
                <controller type='scsi' index='0' model='lsilogic'/>
                <interface type='bridge'>
                  <mac address='00:50:56:11:22:33' type='static'/>
                  <source bridge='VM Network'/>
                </interface>
                <video>
                  <model type='vmvga' vram='4096' primary='yes'/>
                </video>
              </devices>
            </domain>
            """;

    @Test
    void domxmlFromNativeAgainstTheServerAndOffline(@TempDir Path dir) throws IOException {
        Path vmx = dir.resolve("conv1.vmx");
        Files.writeString(vmx, VMX);
        ok(CONV1_XML + "\n", esx("domxml-from-native", "vmware-vmx", vmx.toString()));
        // no connection at all: no -c, no server
        ok(CONV1_XML + "\n", Cli.cli().run("domxml-from-native", "vmware-vmx", vmx.toString(), "--offline"));

        Path xml = dir.resolve("conv1.xml");
        Files.writeString(xml, CONV1_XML.replace("[LocalDS_0] conv1/conv1.vmdk", "[datastore 2] conv1/conv1.vmdk"));
        Cli.Result back = Cli.cli().run("domxml-to-native", "vmware-vmx", xml.toString(), "--offline");
        assertEquals(0, back.status(), back.err());
        assertTrue(back.out().contains("scsi0:0.fileName = \"/vmfs/volumes/datastore 2/conv1/conv1.vmdk\"\n"), back.out());
        assertTrue(back.out().contains("displayName = \"conv1\"\n") && back.out().contains("memsize = \"512\"\n"),
                back.out());

        // a bare file name is relative to the VMX file's directory
        Path bare = dir.resolve("bare.vmx");
        Files.writeString(bare, VMX.replace("/vmfs/volumes/LocalDS_0/conv1/conv1.vmdk", "disk-b.vmdk"));
        Cli.Result r = Cli.cli().run("domxml-from-native", "vmware-vmx", bare.toString(), "--offline");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("<source file='" + dir.toAbsolutePath().normalize() + "/disk-b.vmdk'/>"), r.out());

        Cli.Result broken = Cli.cli().run("domxml-from-native", "vmware-vmx", dir.resolve("missing.vmx").toString(),
                "--offline");
        assertEquals(1, broken.status());
        assertTrue(broken.err().startsWith("error: "), broken.err());
        assertFalse(broken.err().contains("\tat "), broken.err());
    }

    @Test
    void batchModeLogsInOnce() {
        sim.resetRequestCounts();
        Cli.Result r = esx(Cli.cli().stdin("domstate ha-host_VM0\nstart ha-host_VM1\ndomstate ha-host_VM1\n"
                + "pool-list --name\nnet-list --name\n"), "-q");
        assertEquals("", r.err());
        assertEquals("running\nrunning\niqn.2026-01.test.jvirt:storage.target0\nLocalDS_0\n"
                + "nfs-iso\nvSwitch0\n", r.out());
        assertEquals(0, r.status());
        assertEquals(1, sim.requestCount("Login"));
    }

    @Test
    void wrongPasswordFromTheAuthFile(@TempDir Path dir) throws IOException {
        String wrong = "Wr0ng-Pa55-q7";
        Path conf = dir.resolve("bad.conf");
        Files.writeString(conf, "[credentials-x]\nusername=root\npassword=" + wrong + "\n\n[auth-esx-127.0.0.1]\ncredentials=x\n");
        Cli.Result r = Cli.cli().run("-c", uri(), "--auth-file", conf.toString(), "list", "--all");
        assertEquals(1, r.status());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("error: failed to connect to the hypervisor\nerror: "), r.err());
        assertFalse(r.err().contains(wrong) || r.err().contains(PASSWORD), r.err());
        // the same file through LIBVIRT_AUTH_FILE
        r = Cli.cli().env("LIBVIRT_AUTH_FILE", conf.toString()).run("-c", uri(), "list");
        assertEquals(1, r.status());
        assertFalse(r.err().contains(wrong), r.err());
    }

    @Test
    void promptsForCredentialsFromStdin() {
        Cli.Result r = Cli.cli().stdin("\n" + PASSWORD + "\n").run("-c", uri(), "-q", "domstate", "ha-host_VM0");
        assertEquals("", r.err());
        assertEquals("Enter username for 127.0.0.1 [root]: Enter root password for 127.0.0.1: \nrunning\n", r.out());
        assertEquals(0, r.status());

        Cli.Result bad = Cli.cli().stdin("root\nnot-it-1234\n").run("-c", uri(), "-q", "domstate", "ha-host_VM0");
        assertEquals(1, bad.status());
        assertTrue(bad.err().startsWith("error: failed to connect to the hypervisor\n"), bad.err());
        assertFalse((bad.out() + bad.err()).contains("not-it-1234"));
    }

    @Test
    void debugLoggingNeverShowsThePassword(@TempDir Path dir) throws IOException {
        Cli.Result r = esx("-d", "0", "-q", "domstate", "ha-host_VM0");
        assertEquals("running\n", r.out());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("debug : io.jvirt.cli.session.Session : connected to " + uri()), r.err());
        assertFalse(r.err().contains(PASSWORD), "password in the debug output");

        // a failing login logs the failure (level 0 = everything) but not the password typed
        String wrong = "Wr0ng-Pa55-q7";
        Path log = dir.resolve("jvirsh.log");
        r = Cli.cli().stdin("root\n" + wrong + "\n").run("-c", uri(), "-d", "0", "-l", log.toString(), "-q", "list");
        assertEquals(1, r.status());
        String text = Files.readString(log);
        assertTrue(text.contains("connecting to " + uri() + " failed: "), text);
        assertFalse(text.contains(wrong) || r.err().contains(wrong) || r.out().contains(wrong), text);
    }

    @Test
    void progressBarOnlyOnATerminal() {
        sim.setTaskDuration(Duration.ofMillis(1500));
        Cli.Result pipe = esx("snapshot-create-as", "ha-host_VM0", "slow1");
        ok("Domain snapshot slow1 created\n", pipe);
        Cli.Result tty = esx(Cli.cli().terminal(), "snapshot-create-as", "ha-host_VM0", "slow2");
        assertEquals(0, tty.status(), tty.err());
        assertEquals("Domain snapshot slow2 created\n", tty.out());
        assertTrue(tty.err().contains("\rSnapshot: [") && tty.err().contains("100 %"), tty.err());
        assertFalse(tty.err().contains("error"), tty.err());
    }

    @Test
    void vcenterModel() {
        try (VsphereSimulator vpx = VsphereSimulator.builder().model(SimulatorModel.VPX).tls(true)
                .credentials("root", PASSWORD).build()) {
            vpx.start();
            String dc = vpx.datacenterName();
            String vpxUri = "vpx://127.0.0.1:" + vpx.port() + "/" + dc + "/" + dc + "_H0?no_verify=1";
            Cli.Result r = Cli.cli().stdin("root\n" + PASSWORD + "\n").run("-c", vpxUri, "-q", "list", "--all", ";",
                    "hostname", ";", "start", "DC0_H0_VM1", ";", "domstate", "DC0_H0_VM1");
            assertEquals("", r.err());
            matches("Enter username for 127\\.0\\.0\\.1 \\[administrator\\]: Enter root password for 127\\.0\\.0\\.1: \n"
                    + " \\d+ +DC0_H0_VM0   running\n - +DC0_H0_VM1   shut off\n"
                    + "dc0-h0\\.example\\.test\nrunning\n", r.out());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void embeddedSimulator() {
        ok(" 1   ha-host_VM0   running\n -   ha-host_VM1   shut off\n", Cli.cli().run("--sim", "-q", "list", "--all"));
        Cli.Result vpx = Cli.cli().run("--sim=vpx", "-q", "list", "--all");
        assertEquals("", vpx.err());
        matches(" \\d+ +DC0_H0_VM0   running\n - +DC0_H0_VM1   shut off\n", vpx.out());
        // state is kept for the session
        ok("Domain 'ha-host_VM1' started\n\nrunning\n\n", Cli.cli().run("--sim", "start", "ha-host_VM1", ";", "domstate",
                "ha-host_VM1"));
        Cli.Result both = Cli.cli().run("--sim", "-c", "test:///default", "list");
        assertEquals(1, both.status());
        assertEquals("error: --sim and -c/--connect cannot be used together\n", both.err());
    }

    @Test
    void embeddedSimulatorIgnoresTheUsersAuthFile(@TempDir Path dir) throws IOException {
        // a user's auth.conf with other credentials for 127.0.0.1 (a real ESX host tunnelled
        // there, or the benchmark's vcsim) must not stop --sim from logging in
        Path conf = dir.resolve("other.conf");
        Files.writeString(conf, "[credentials-x]\nusername=user\npassword=Other-Pa55\n\n[auth-esx-127.0.0.1]\ncredentials=x\n"
                + "\n[auth-vpx-127.0.0.1]\ncredentials=x\n");
        ok(" 1   ha-host_VM0   running\n -   ha-host_VM1   shut off\n",
                Cli.cli().env("LIBVIRT_AUTH_FILE", conf.toString()).run("--sim", "-q", "list", "--all"));
        Files.createDirectories(dir.resolve("libvirt"));
        Files.copy(conf, dir.resolve("libvirt/auth.conf"));
        ok(" 1   ha-host_VM0   running\n -   ha-host_VM1   shut off\n",
                Cli.cli().env("XDG_CONFIG_HOME", dir.toString()).run("--sim", "-q", "list", "--all"));
        // an --auth-file given with --sim is still read, as asked: its password is refused
        Cli.Result asked = Cli.cli().run("--sim", "--auth-file", conf.toString(), "-q", "list", "--all");
        assertEquals(1, asked.status());
        assertTrue(asked.err().startsWith("error: failed to connect to the hypervisor\nerror: "), asked.err());
        assertFalse(asked.err().contains("Other-Pa55"), asked.err());
    }
}
