package io.jvirt.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pools, volumes, networks and host interfaces. */
class StorageNetworkCommandsTest {

    @Test
    void poolListAndInfo() {
        assertEquals("""
                 Name           State    Autostart
                ------------------------------------
                 default-pool   active   no

                """, Cli.test("pool-list", "--all").out());
        Cli.Result r = Cli.test("pool-info", "default-pool");
        assertTrue(r.out().startsWith("""
                Name:           default-pool
                UUID:           """), r.out());
        assertTrue(r.out().contains("\nState:          running\nPersistent:     yes\nAutostart:      no\nCapacity:       "), r.out());
        assertTrue(r.out().matches("(?s).*Capacity:       \\d+\\.\\d\\d [KMGT]?i?B\n.*"), r.out());
    }

    @Test
    void poolListDetailsAsVirshPrintsIt() {
        // `virsh -c test:///default pool-list --all --details` (libvirt's test driver: a 100 GiB empty pool)
        assertEquals("""
                 Name           State     Autostart   Persistent   Capacity     Allocation   Available
                -----------------------------------------------------------------------------------------
                 default-pool   running   no          yes          100.00 GiB   0.00 B       100.00 GiB

                """, Cli.test("pool-list", "--all", "--details").out());
    }

    @Test
    void unknownPool() {
        Cli.Result r = Cli.test("pool-info", "nope");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("error: failed to get pool 'nope'\nerror: "), r.err());
    }

    @Test
    void volumeLifecycle() {
        Cli.Result r = Cli.test("vol-create-as default-pool v1 10M; vol-list default-pool; vol-info v1 --pool default-pool;"
                + " vol-clone v1 v2 --pool default-pool; vol-wipe v2 --pool default-pool; vol-delete v2 --pool default-pool");
        assertEquals(0, r.status(), r.err());
        assertEquals("""
                Vol v1 created

                 Name   Path
                --------------------------
                 v1     /default-pool/v1

                Name:           v1
                Type:           file
                Capacity:       10.00 MiB
                Allocation:     10.00 MiB

                Vol v2 cloned from v1

                Vol v2 wiped

                Vol v2 deleted

                """, r.out());
    }

    @Test
    void uploadAndDownload(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in.bin");
        Path out = dir.resolve("out.bin");
        Files.write(in, new byte[]{1, 2, 3, 4, 5});
        Cli.Result r = Cli.test("vol-create-as default-pool v1 1K; vol-upload v1 " + in + " --pool default-pool;"
                + " vol-download v1 " + out + " --pool default-pool --length 5");
        assertEquals(0, r.status(), r.err());
        assertEquals(5, Files.size(out));
        assertEquals(1, Files.readAllBytes(out)[0]);
    }

    @Test
    void networks() {
        assertEquals("""
                 Name      State    Autostart   Persistent
                --------------------------------------------
                 default   active   no          yes

                """, Cli.test("net-list", "--all").out());
        Cli.Result r = Cli.test("net-info", "default");
        assertTrue(r.out().startsWith("Name:           default\nUUID:           "), r.out());
        assertTrue(r.out().contains("Active:         yes\nPersistent:     yes\nAutostart:      no\n"), r.out());
        r = Cli.test("net-info", "nope");
        assertTrue(r.err().startsWith("error: failed to get network 'nope'\nerror: "), r.err());
    }

    @Test
    void netDefineAndUndefine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("n.xml");
        Files.writeString(file, "<network>\n  <name>lab</name>\n  <bridge name='virbr9'/>\n</network>\n");
        Cli.Result r = Cli.test("net-define " + file + "; net-list --all --name; net-undefine lab");
        assertEquals(0, r.status(), r.err());
        assertEquals("Network lab defined from " + file + "\n\ndefault\nlab\n\nNetwork lab has been undefined\n\n", r.out());
    }

    @Test
    void interfaces() {
        assertEquals("""
                 Name   State    MAC Address
                ------------------------------------
                 eth1   active   aa:bb:cc:dd:ee:ff

                """, Cli.test("iface-list").out());
        Cli.Result r = Cli.test("iface-dumpxml", "eth1");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("<interface"), r.out());
        r = Cli.test("iface-dumpxml", "aa:bb:cc:dd:ee:ff");
        assertEquals(0, r.status(), r.err());
    }
}
