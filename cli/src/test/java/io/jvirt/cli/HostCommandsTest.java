package io.jvirt.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Host commands print what virsh prints against libvirt's test driver. */
class HostCommandsTest {

    @Test
    void version() {
        Cli.Result r = Cli.test("version");
        assertEquals(0, r.status());
        assertEquals("""
                Compiled against library: libvirt 9.0.0
                Using library: libvirt 9.0.0
                Using API: TEST 9.0.0
                Running hypervisor: TEST 0.0.2

                """, r.out());
        assertEquals("", r.err());
    }

    @Test
    void nodeinfoLayout() {
        assertEquals("""
                CPU model:           i686
                CPU(s):              16
                CPU frequency:       1400 MHz
                CPU socket(s):       2
                Core(s) per socket:  2
                Thread(s) per core:  2
                NUMA cell(s):        2
                Memory size:         3145728 KiB

                """, Cli.test("nodeinfo").out());
    }

    @Test
    void uriAndQuietMode() {
        assertEquals("test:///default\n\n", Cli.test("uri").out());
        assertEquals("test:///default\n", Cli.test("-q", "uri").out());
    }

    @Test
    void capabilitiesIsXml() {
        Cli.Result r = Cli.test("capabilities");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("<capabilities>"), r.out());
    }

    @Test
    void noUriIsAnErrorLikeVirsh() {
        Cli.Result r = Cli.cli().run("list");
        assertEquals(1, r.status());
        assertEquals("error: failed to connect to the hypervisor\n"
                + "error: no connection URI: use -c URI, set LIBVIRT_DEFAULT_URI, or try --sim\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void defaultUriFromEnvironment() {
        Cli.Result r = Cli.cli().env("LIBVIRT_DEFAULT_URI", "test:///default").run("uri");
        assertEquals("test:///default\n\n", r.out());
        r = Cli.cli().env("LIBVIRT_DEFAULT_URI", "bogus:///x").env("VIRSH_DEFAULT_CONNECT_URI", "test:///default").run("uri");
        assertEquals("test:///default\n\n", r.out(), "virsh's own variable wins");
    }

    @Test
    void badUriGivesErrorNotStackTrace() {
        Cli.Result r = Cli.cli().run("-c", "nosuch:///x", "list");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("error: failed to connect to the hypervisor\nerror: "), r.err());
        assertTrue(!r.err().contains("Exception"), r.err());
        r = Cli.cli().run("-c", "::not a uri", "list");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("error: failed to connect to the hypervisor\nerror: "), r.err());
    }

    @Test
    void unknownCommandAndOptions() {
        Cli.Result r = Cli.test("bogus");
        assertEquals(1, r.status());
        assertEquals("error: unknown command: 'bogus'\n", r.err());
        assertEquals("", r.out());
        r = Cli.test("list", "--bogus");
        assertEquals("error: command 'list' doesn't support option --bogus\n", r.err());
        assertEquals(1, r.status());
        r = Cli.test("dominfo");
        assertEquals("error: command 'dominfo' requires <domain> option\n", r.err());
        assertEquals(1, r.status());
        r = Cli.test("migrate", "test", "test:///default", "--bandwidth", "abc");
        assertEquals("error: Numeric value 'abc' for <bandwidth> option is malformed or out of range\n", r.err());
        r = Cli.test("list", "--all", "extra");
        assertEquals("error: unexpected data 'extra'\n", r.err());
        r = Cli.cli().run("--no-such-global");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("error: "), r.err());
    }

    @Test
    void helpAndVersion() {
        Cli.Result r = Cli.cli().run("help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("snapshot-create-as"), r.out());
        assertEquals("9.0.0\n", Cli.cli().run("-v").out());
        r = Cli.cli().run("help", "dominfo");
        assertTrue(r.out().contains("<domain>"), r.out());
    }
}
