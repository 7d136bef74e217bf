package io.jvirt.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * domblkstat, domifstat, nodecpustats, nodememstats against the test driver. Shapes, error
 * texts and the test driver's values are virsh's ({@code virsh -c test:///default}, libvirt
 * 8.0): block and interface counters grow with the wall clock (microseconds since the epoch
 * divided by fixed numbers), so the tests check those relations, not fixed numbers.
 */
class IoStatsCommandsTest {
    private static final String DOMAIN = "<domain type='test'><name>d1</name><memory>1048576</memory><vcpu>2</vcpu>"
            + "<os><type>hvm</type></os><devices><disk type='file' device='disk'><source file='/tmp/a.img'/>"
            + "<target dev='vda' bus='virtio'/></disk><interface type='network'><mac address='52:54:00:11:22:33'/>"
            + "<source network='default'/><target dev='vnet0'/></interface></devices></domain>";

    private static Path domain(Path dir) throws IOException {
        Path file = dir.resolve("d1.xml");
        Files.writeString(file, DOMAIN);
        return file;
    }

    private static long value(String out, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(out);
        assertTrue(m.find(), regex + " in\n" + out);
        return Long.parseLong(m.group(1));
    }

    @Test
    void domblkstatPrintsVirshsLegacyAndHumanLines(@TempDir Path dir) throws IOException {
        Cli.Result r = Cli.test("define " + domain(dir) + "; start d1; domblkstat d1 vda; domblkstat d1 /tmp/a.img --human");
        assertEquals(0, r.status(), r.err());
        String out = r.out();
        assertTrue(Pattern.compile("^vda rd_req \\d+\\nvda rd_bytes \\d+\\nvda wr_req \\d+\\nvda wr_bytes \\d+\\n"
                + "vda errs \\d+\\n\\n", Pattern.MULTILINE).matcher(out).find(), out);
        assertTrue(Pattern.compile("^Device: /tmp/a.img\\n number of read operations:      \\d+\\n"
                + " number of bytes read:           \\d+\\n number of write operations:     \\d+\\n"
                + " number of bytes written:        \\d+\\n error count:                    \\d+\\n\\n",
                Pattern.MULTILINE).matcher(out).find(), out);
        // libvirt's test driver: rd_req = us/10, rd_bytes = us/20, wr_req = us/30, wr_bytes = us/40, errs = s/2
        long rdReq = value(out, "^vda rd_req (\\d+)$");
        long rdBytes = value(out, "^vda rd_bytes (\\d+)$");
        long wrReq = value(out, "^vda wr_req (\\d+)$");
        long errs = value(out, "^vda errs (\\d+)$");
        assertTrue(Math.abs(rdReq - 2 * rdBytes) <= 2, out);
        assertTrue(Math.abs(rdReq - 3 * wrReq) <= 3, out);
        assertEquals(rdReq / 200_000, errs, 1, out);
    }

    @Test
    void domblkstatErrorsAreVirshs(@TempDir Path dir) throws IOException {
        Cli.Result r = Cli.test("define " + domain(dir) + "; domblkstat d1 vda");
        assertEquals("error: Failed to get block stats d1 vda\n"
                + "error: Requested operation is not valid: domain is not running\n", r.err());
        assertEquals("error: Failed to get block stats test hda\nerror: invalid argument: invalid path: hda\n",
                Cli.test("domblkstat", "test", "hda").err());
        assertEquals("error: Failed to get block stats test \n"
                + "error: Operation not supported: summary statistics are not supported yet\n",
                Cli.test("domblkstat", "test").err());
    }

    @Test
    void domifstatPrintsVirshsLines(@TempDir Path dir) throws IOException {
        Cli.Result r = Cli.test("define " + domain(dir) + "; start d1; domifstat d1 52:54:00:11:22:33; domifstat d1 vnet0");
        assertEquals(0, r.status(), r.err());
        String out = r.out();
        assertTrue(Pattern.compile("^52:54:00:11:22:33 rx_bytes \\d+\\n52:54:00:11:22:33 rx_packets \\d+\\n"
                + "52:54:00:11:22:33 rx_errs \\d+\\n52:54:00:11:22:33 rx_drop \\d+\\n52:54:00:11:22:33 tx_bytes \\d+\\n"
                + "52:54:00:11:22:33 tx_packets \\d+\\n52:54:00:11:22:33 tx_errs \\d+\\n52:54:00:11:22:33 tx_drop \\d+\\n",
                Pattern.MULTILINE).matcher(out).find(), out);
        long rxBytes = value(out, "^vnet0 rx_bytes (\\d+)$");
        long rxPackets = value(out, "^vnet0 rx_packets (\\d+)$");
        long rxErrs = value(out, "^vnet0 rx_errs (\\d+)$");
        assertEquals(rxBytes / 10, rxPackets, 1);
        assertEquals(rxBytes / 100_000, rxErrs, 1);
        assertEquals("error: Failed to get interface stats test vnet0\n"
                + "error: invalid argument: 'vnet0' is not a known interface\n", Cli.test("domifstat", "test", "vnet0").err());
    }

    @Test
    void nodecpustatsPrintsTheTestDriversTimes() {
        String expected = "user:                     9797400000\n"
                + "system:               34678723400000\n"
                + "idle:                    87264900000\n"
                + "iowait:                    763600000\n\n";
        assertEquals(expected, Cli.test("nodecpustats").out());
        assertEquals(expected, Cli.test("nodecpustats", "--cpu", "1").out());
        assertEquals("error: Unable to get number of cpu stats\n"
                + "error: invalid argument: cpuNum in virNodeGetCPUStats only accepts -1 as a negative value\n",
                Cli.test("nodecpustats", "--cpu", "-2").err());
    }

    @Test
    void nodecpustatsPercentOfConstantTimesIsNanLikeVirsh() {
        // the test driver's times do not move, so virsh divides 0 by 0
        assertEquals("usage:           -nan%\nuser:            -nan%\nsystem:          -nan%\n"
                + "idle:            -nan%\niowait:          -nan%\n\n", Cli.test("nodecpustats", "--percent").out());
    }

    @Test
    void nodememstatsPrintsTotalAndFree() {
        // virsh's format ("%-7s: %20llu KiB"); libvirt's test driver has no nodememstats, jvirt's
        // reports the test node's memory (nodeinfo: 3145728 KiB) and what running domains leave
        // free (test: 2 GiB); a cell (of 2) holds half
        assertEquals("total  :              3145728 KiB\nfree   :              1048576 KiB\n\n",
                Cli.test("nodememstats").out());
        assertEquals("total  :              1572864 KiB\nfree   :               524288 KiB\n\n",
                Cli.test("nodememstats", "--cell", "1").out());
        assertEquals("error: Unable to get number of memory stats\n"
                + "error: invalid argument: cell number 2 is out of range: the test node has cells 0 to 1\n",
                Cli.test("nodememstats", "--cell", "2").err());
    }
}
