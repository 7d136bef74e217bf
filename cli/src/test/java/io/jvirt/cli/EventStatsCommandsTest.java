package io.jvirt.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * event, domstats, dommemstat, domblklist, domiflist against the test driver. Expected outputs
 * are virsh's (libvirt-clients, {@code virsh -c test:///default ...}) where virsh's test driver
 * has the same data, else written from libvirt's documented names.
 */
class EventStatsCommandsTest {

    @Test
    void eventListPrintsLibvirtsEventNamesInOrder() {
        Cli.Result r = Cli.test("event", "--list");
        assertEquals(0, r.status(), r.err());
        assertEquals(String.join("\n", "lifecycle", "reboot", "rtc-change", "watchdog", "io-error", "graphics",
                "io-error-reason", "control-error", "block-job", "disk-change", "tray-change", "pm-wakeup", "pm-suspend",
                "balloon-change", "pm-suspend-disk", "device-removed", "block-job-2", "tunable", "agent-lifecycle",
                "device-added", "migration-iteration", "job-completed", "device-removal-failed", "metadata-change",
                "block-threshold", "memory-failure", "memory-device-size-change") + "\n\n", r.out());
    }

    @Test
    void eventOptionErrorsAreVirshs() {
        assertEquals("error: one of --list, --all, or --event <type> is required\n", Cli.test("event").err());
        assertEquals("error: unknown event type foo\n", Cli.test("event", "--event", "foo").err());
        assertEquals("error: Options --all and --event are mutually exclusive\n",
                Cli.test("event", "--all", "--event", "lifecycle").err());
        assertEquals("error: Numeric value '0' for <timeout> option is malformed or out of range\n",
                Cli.test("event", "--all", "--timeout", "0").err());
        assertEquals("error: Numeric value 'x' for <timeout> option is malformed or out of range\n",
                Cli.test("event", "--all", "--timeout", "x").err());
        assertEquals(1, Cli.test("event", "--domain", "nosuch", "--all", "--timeout", "1").status());
    }

    @Test
    void eventTimesOutLikeVirsh() {
        Cli.Result r = Cli.test("event", "--all", "--loop", "--timeout", "1");
        assertEquals(0, r.status(), r.err());
        assertEquals("event loop timed out\nevents received: 0\n\n", r.out());
    }

    @Test
    void domstatsStateIsVirshsOutput() {
        Cli.Result r = Cli.test("domstats", "--state");
        assertEquals(0, r.status(), r.err());
        assertEquals("Domain: 'test'\n  state.state=1\n  state.reason=0\n\n", r.out());
        assertEquals("Domain: 'test'\n  state.state=1\n  state.reason=0\n\n", Cli.test("domstats", "--state", "test").out());
        assertEquals("", Cli.test("domstats", "--state", "--list-shutoff").out());
    }

    @Test
    void domstatsAllGroupsOfTheTestDomain() {
        Cli.Result r = Cli.test("domstats", "test");
        assertEquals(0, r.status(), r.err());
        // cpu-total: the test driver's cpu time (1 s per domain id), as virDomainGetInfo reports it
        assertEquals("Domain: 'test'\n  state.state=1\n  state.reason=0\n  cpu.time=1000000000\n"
                + "  cpu.user=1000000000\n  cpu.system=0\n  balloon.current=2097152\n"
                + "  balloon.maximum=8388608\n  vcpu.current=2\n  vcpu.maximum=2\n  net.count=0\n  block.count=0\n\n",
                r.out());
    }

    @Test
    void domblklistAndDomiflistOfADomainWithoutDevicesAreEmptyTables() {
        // jvirt's test domain has no disk and no interface (libvirt's has one of each); virsh prints
        // these tables for a domain without devices (virsh -c test:///default, "bare" domain)
        assertEquals(" Target   Source\n------------------\n\n", Cli.test("domblklist", "test").out());
        assertEquals(" Interface   Type   Source   Model   MAC\n"
                + "------------------------------------------\n\n", Cli.test("domiflist", "test").out());
    }

    @Test
    void dommemstatReportsTheBalloon() {
        Cli.Result r = Cli.test("dommemstat", "test");
        assertEquals(0, r.status(), r.err());
        assertEquals("actual 2097152\n\n", r.out());
    }
}
