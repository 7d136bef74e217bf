package io.jvirt.cli;

import io.jvirt.cli.session.CommandContext;
import io.jvirt.cli.session.ConnectionOpener;
import io.jvirt.cli.session.ReadOnlyCommand;
import io.jvirt.cli.session.VirshCommand;
import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.lang.annotation.Inherited;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9.1: {@code jvirsh -r} is default-deny. Every command of the catalog is listed here with
 * what {@code -r} must do with it (a command added to the catalog fails this test until it is
 * listed); under {@code -r} the connection itself is read-only, so the API refuses too.
 */
class ReadOnlyCommandsTest {
    private static final boolean WRITES = true;
    private static final boolean READS = false;

    private record Use(String words, boolean modifies) {
    }

    private static List<Use> uses(Object... wordsAndModifies) {
        List<Use> out = new ArrayList<>();
        for (int i = 0; i < wordsAndModifies.length; i += 2) {
            out.add(new Use((String) wordsAndModifies[i], (Boolean) wordsAndModifies[i + 1]));
        }
        return out;
    }

    /** Every command with sample uses and whether each changes something on the hypervisor. */
    private static final Map<String, List<Use>> CATALOG = Map.ofEntries(
            entry("help", uses("help", READS)),
            entry("uri", uses("uri", READS)),
            entry("version", uses("version", READS)),
            entry("hostname", uses("hostname", READS)),
            entry("nodeinfo", uses("nodeinfo", READS)),
            entry("capabilities", uses("capabilities", READS)),
            entry("list", uses("list --all", READS, "list --title", READS)),
            entry("dominfo", uses("dominfo test", READS)),
            entry("domstate", uses("domstate test", READS)),
            entry("domid", uses("domid test", READS)),
            entry("domname", uses("domname 1", READS)),
            entry("domuuid", uses("domuuid test", READS)),
            entry("dumpxml", uses("dumpxml test", READS, "dumpxml test --security-info", READS)),
            entry("domhostname", uses("domhostname test", READS)),
            entry("domifaddr", uses("domifaddr test", READS)),
            entry("define", uses("define f.xml", WRITES)),
            entry("undefine", uses("undefine test", WRITES)),
            entry("start", uses("start test", WRITES)),
            entry("shutdown", uses("shutdown test", WRITES)),
            entry("reboot", uses("reboot test", WRITES)),
            entry("reset", uses("reset test", WRITES)),
            entry("destroy", uses("destroy test", WRITES)),
            entry("suspend", uses("suspend test", WRITES)),
            entry("resume", uses("resume test", WRITES)),
            entry("managedsave-remove", uses("managedsave-remove test", WRITES)),
            entry("setmem", uses("setmem test 1024", WRITES)),
            entry("setmaxmem", uses("setmaxmem test 1024", WRITES)),
            entry("setvcpus", uses("setvcpus test 1", WRITES)),
            entry("memtune", uses("memtune test", READS, "memtune test --hard-limit 1024", WRITES,
                    "memtune test --min-guarantee 1024", WRITES)),
            entry("schedinfo", uses("schedinfo test", READS, "schedinfo test --set weight=10", WRITES)),
            entry("autostart", uses("autostart test", WRITES, "autostart test --disable", WRITES)),
            entry("migrate", uses("migrate test test:///default", WRITES)),
            entry("domxml-from-native", uses("domxml-from-native vmware-vmx f.vmx", READS)),
            entry("domxml-to-native", uses("domxml-to-native vmware-vmx f.xml", READS)),
            entry("snapshot-create-as", uses("snapshot-create-as test s1", WRITES,
                    "snapshot-create-as test s1 --print-xml", READS)),
            entry("snapshot-list", uses("snapshot-list test", READS)),
            entry("snapshot-current", uses("snapshot-current test", READS, "snapshot-current test s1", WRITES)),
            entry("snapshot-parent", uses("snapshot-parent test s1", READS)),
            entry("snapshot-dumpxml", uses("snapshot-dumpxml test s1", READS)),
            entry("snapshot-revert", uses("snapshot-revert test s1", WRITES)),
            entry("snapshot-delete", uses("snapshot-delete test s1", WRITES)),
            entry("pool-list", uses("pool-list", READS)),
            entry("pool-info", uses("pool-info default-pool", READS)),
            entry("pool-dumpxml", uses("pool-dumpxml default-pool", READS)),
            entry("pool-refresh", uses("pool-refresh default-pool", WRITES)),
            entry("vol-list", uses("vol-list default-pool", READS, "vol-list default-pool --details", READS)),
            entry("vol-info", uses("vol-info v --pool default-pool", READS)),
            entry("vol-dumpxml", uses("vol-dumpxml v --pool default-pool", READS)),
            entry("vol-create-as", uses("vol-create-as default-pool v 1M", WRITES,
                    "vol-create-as default-pool v 1M --print-xml", READS)),
            entry("vol-clone", uses("vol-clone v v2 --pool default-pool", WRITES)),
            entry("vol-delete", uses("vol-delete v --pool default-pool", WRITES)),
            entry("vol-wipe", uses("vol-wipe v --pool default-pool", WRITES)),
            entry("vol-upload", uses("vol-upload v f --pool default-pool", WRITES)),
            entry("vol-download", uses("vol-download v f --pool default-pool", READS)),
            entry("net-list", uses("net-list", READS)),
            entry("net-info", uses("net-info default", READS)),
            entry("net-dumpxml", uses("net-dumpxml default", READS)),
            entry("net-define", uses("net-define f.xml", WRITES)),
            entry("net-undefine", uses("net-undefine default", WRITES)),
            entry("iface-list", uses("iface-list", READS)),
            entry("iface-dumpxml", uses("iface-dumpxml eth1", READS)),
            entry("event", uses("event --all --loop", READS, "event --list", READS)),
            entry("domstats", uses("domstats", READS, "domstats test --state", READS)),
            entry("dommemstat", uses("dommemstat test", READS)),
            entry("domblklist", uses("domblklist test", READS)),
            entry("domiflist", uses("domiflist test", READS)),
            entry("clone", uses("clone test t2", WRITES, "clone test t2 --snapshot s1 --linked --pool p", WRITES)),
            entry("screenshot", uses("screenshot test", WRITES, "screenshot test f.png --screen 0", WRITES)),
            entry("send-key", uses("send-key test KEY_A", WRITES)),
            // a console ticket grants access to the console: not for read-only connections
            entry("domdisplay", uses("domdisplay test", WRITES)),
            entry("domjobinfo", uses("domjobinfo test", READS)),
            entry("domjobabort", uses("domjobabort test", WRITES)),
            entry("sysinfo", uses("sysinfo", READS)),
            entry("domblkstat", uses("domblkstat test hda --human", READS)),
            entry("domifstat", uses("domifstat test vnet0", READS)),
            entry("nodecpustats", uses("nodecpustats --cpu 0", READS, "nodecpustats --percent", READS)),
            entry("nodememstats", uses("nodememstats", READS)),
            entry("complete", uses("complete -- dominfo", READS)),
            entry("edit", uses("edit test", WRITES)),
            entry("attach-device", uses("attach-device test f.xml", WRITES, "attach-device test f.xml --config", WRITES)),
            entry("detach-device", uses("detach-device test f.xml", WRITES)),
            entry("update-device", uses("update-device test f.xml --live", WRITES)),
            entry("attach-disk", uses("attach-disk test /f.img vdb", WRITES, "attach-disk test /f.img vdb --print-xml", READS)),
            entry("detach-disk", uses("detach-disk test vdb", WRITES, "detach-disk test vdb --print-xml", READS)),
            entry("attach-interface", uses("attach-interface test network default", WRITES,
                    "attach-interface test network default --print-xml", READS)),
            entry("detach-interface", uses("detach-interface test network", WRITES,
                    "detach-interface test network --print-xml", READS)),
            entry("change-media", uses("change-media test hdc --eject", WRITES,
                    "change-media test hdc --eject --print-xml", READS)));

    private static VirshCommand parse(String words) {
        CommandLine root = CommandCatalog.commandLine();
        CommandLine.ParseResult parsed = root.parseArgs(words.split(" "));
        return (VirshCommand) parsed.subcommand().commandSpec().userObject();
    }

    @Test
    void everyCommandOfTheCatalogDeclaresWhetherItChangesSomething() {
        assertEquals(new TreeSet<>(CATALOG.keySet()), new TreeSet<>(CommandCatalog.commandLine().getSubcommands().keySet()),
                "commands of the catalog; list a new one here with what -r must do");
        Map<String, Boolean> wrong = new TreeMap<>();
        for (List<Use> uses : CATALOG.values()) {
            for (Use u : uses) {
                if (parse(u.words()).modifies() != u.modifies()) {
                    wrong.put(u.words(), u.modifies());
                }
            }
        }
        assertEquals(Map.of(), wrong, "uses whose declaration differs (value: must modify)");
        assertFalse(ReadOnlyCommand.class.isAnnotationPresent(Inherited.class),
                "a subclass must not become read-only by inheritance");
    }

    @Test
    void aCommandWithoutDeclarationIsModifying() {
        VirshCommand undeclared = new VirshCommand() {
            @Override
            public void run(CommandContext ctx) {
            }
        };
        assertTrue(undeclared.modifies());
    }

    @Test
    void poolRefreshIsRefusedBeforeConnecting() {
        AtomicInteger opened = new AtomicInteger();
        ConnectionOpener counting = (uri, auth, env) -> {
            opened.incrementAndGet();
            return ConnectionFactory.open(uri, auth, env);
        };
        Cli.Result r = Cli.cli().opener(counting).run("-r", "-c", "test:///default", "pool-refresh", "default-pool");
        assertEquals(1, r.status());
        assertEquals("error: operation forbidden: read only access prevents pool-refresh\n", r.err());
        assertEquals("", r.out());
        assertEquals(0, opened.get(), "refused before any connection");
        Cli.Result destroy = Cli.test("-r", "destroy test; domstate test");
        assertEquals("error: operation forbidden: read only access prevents destroy\n", destroy.err());
        assertEquals("running\n\n", destroy.out(), "the domain kept running");
    }

    @Test
    void theSessionIsReadOnlyAndTheApiRefusesWhatTheCommandsLetThrough() {
        Connection[] seen = new Connection[1];
        ConnectionOpener keep = (uri, auth, env) -> seen[0] = ConnectionFactory.open(uri, auth, env);
        Cli.Result reads = Cli.cli().opener(keep).run("-r", "-q", "-c", "test:///default", "list --all --name; pool-list --name");
        assertEquals(0, reads.status(), reads.err());
        assertEquals("test\ndefault-pool\n", reads.out());
        assertTrue(seen[0].isReadOnly(), "-r opens a read-only connection");

        Cli.Result secure = Cli.test("-r", "dumpxml", "test", "--security-info");
        assertEquals(1, secure.status());
        // virsh: error: operation forbidden: virDomainGetXMLDesc with secure flag
        assertEquals("error: operation forbidden: Domain.xmlDesc with secure flag\n", secure.err());
        Cli.Result toNative = Cli.test("-r", "domxml-to-native", "vmware-vmx", "--domain", "test");
        assertEquals(1, toNative.status());
        // virsh: error: operation forbidden: read only access prevents virConnectDomainXMLToNative
        assertEquals("error: operation forbidden: read only access prevents Connection.domainXmlToNative\n", toNative.err());
        Cli.Result hostname = Cli.test("-r", "domhostname", "test");
        assertEquals(1, hostname.status());
        assertTrue(hostname.err().endsWith("error: operation forbidden: read only access prevents Domain.guestHostname\n"),
                hostname.err());
        assertEquals(0, Cli.test("-r", "dumpxml", "test").status());
    }
}
