package io.jvirt.cli;

import io.jvirt.cli.session.CliFailure;
import io.jvirt.cli.session.ConnectionOpener;
import io.jvirt.cli.session.NativeConverters;
import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batch mode, credentials, progress, --sim and --offline wiring. */
class SessionTest {

    @Test
    void batchModeSharesOneConnection() {
        AtomicInteger opened = new AtomicInteger();
        ConnectionOpener counting = (uri, auth, env) -> {
            opened.incrementAndGet();
            return ConnectionFactory.open(uri, auth, env);
        };
        // the test driver gives every connection a fresh host: the snapshot is only listed
        // because both commands run on the same connection
        Cli.Result r = Cli.cli().opener(counting)
                .stdin("snapshot-create-as test s1\nsnapshot-list test --name\n\n# a comment\nquit\nlist\n")
                .run("-c", "test:///default");
        assertEquals(0, r.status(), r.err());
        assertEquals("Domain snapshot s1 created\ns1\n\n", r.out());
        assertEquals(1, opened.get());
    }

    @Test
    void batchModeKeepsGoingAfterErrors() {
        Cli.Result r = Cli.cli().stdin("dominfo nope\ndomstate test\n").run("-c", "test:///default", "-q");
        assertEquals(0, r.status());
        assertEquals("running\n", r.out());
        assertEquals("error: failed to get domain 'nope'\n", r.err());
    }

    @Test
    void commandsSeparatedBySemicolonWords() {
        Cli.Result r = Cli.test("-q", "domstate", "test", ";", "domid", "test");
        assertEquals("running\n1\n", r.out());
    }

    @Test
    void promptsForCredentialsWithoutEchoingThePassword() {
        Cli.Result r = Cli.cli().stdin("\ntest\n").run("-c", "test:///default?auth=1", "-q", "domstate", "test");
        assertEquals(0, r.status(), r.err());
        assertEquals("Enter username for localhost [test]: Enter test password for localhost: \nrunning\n", r.out());
        assertFalse(r.err().contains("test"), r.err());
    }

    @Test
    void wrongPassword() {
        Cli.Result r = Cli.cli().stdin("test\nwrong-secret\n").run("-c", "test:///default?auth=1", "list");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("error: failed to connect to the hypervisor\nerror: "), r.err());
        assertFalse(r.err().contains("wrong-secret") || r.out().contains("wrong-secret"));
    }

    @Test
    void authFileAnswersWithoutPrompts(@TempDir Path dir) throws IOException {
        Path conf = dir.resolve("auth.conf");
        Files.writeString(conf, "[credentials-t]\nusername=test\npassword=test\n\n[auth-test-default]\ncredentials=t\n");
        Cli.Result r = Cli.cli().run("-c", "test:///default?auth=1", "--auth-file", conf.toString(), "-q", "domstate", "test");
        assertEquals(0, r.status(), r.err());
        assertEquals("running\n", r.out());
        r = Cli.cli().env("LIBVIRT_AUTH_FILE", conf.toString()).run("-c", "test:///default?auth=1", "-q", "domid", "test");
        assertEquals("1\n", r.out(), r.err());
    }

    @Test
    void progressOnlyOnATerminal() {
        String cmds = "snapshot-create-as test s1; snapshot-revert test s1";
        Cli.Result pipe = Cli.test(cmds);
        assertEquals("", pipe.err());
        Cli.Result tty = Cli.cli().terminal().run("-c", "test:///default", cmds);
        assertEquals(pipe.out(), tty.out());
        assertTrue(tty.err().contains("Revert: [") && tty.err().contains("100 %"), tty.err());
    }

    @Test
    void simulatorStartedConnectedAndStopped() {
        AtomicInteger stopped = new AtomicInteger();
        SimulatorLauncher fake = kind -> new SimulatorLauncher.Running("test:///default", "root", "pw",
                stopped::incrementAndGet);
        Cli.Result r = Cli.cli().simulators(fake).run("--sim", "-q", "list", "--name");
        assertEquals(0, r.status(), r.err());
        assertEquals("test\n", r.out());
        assertEquals(1, stopped.get());
        r = Cli.cli().simulators(fake).run("--sim=mars", "list");
        assertEquals("error: --sim: unknown simulator 'mars', expected 'esx' or 'vpx'\n", r.err());
    }

    @Test
    void simulatorThatCannotStartIsAClearError() {
        SimulatorLauncher failing = kind -> {
            throw new CliFailure("--sim: cannot start the embedded vSphere simulator: java.net.BindException");
        };
        Cli.Result r = Cli.cli().simulators(failing).run("--sim", "list", "--all");
        assertEquals(1, r.status());
        assertEquals("error: --sim: cannot start the embedded vSphere simulator: java.net.BindException\n", r.err());
    }

    @Test
    void offlineConversionNeedsNoConnection(@TempDir Path dir) throws IOException {
        Path vmx = dir.resolve("a.vmx");
        Files.writeString(vmx, "displayName = \"a\"\n");
        NativeConverters upper = new NativeConverters() {
            @Override
            public String fromNative(String format, String config, Path directory) {
                return "<domain>" + format + "</domain>";
            }

            @Override
            public String toNative(String format, String xml) {
                return "vmx";
            }
        };
        Cli.Result r = Cli.cli().converters(upper).run("domxml-from-native", "vmware-vmx", vmx.toString(), "--offline");
        assertEquals(0, r.status(), r.err());
        assertEquals("<domain>vmware-vmx</domain>\n\n", r.out());
        r = Cli.cli().run("domxml-from-native", "qemu-argv", vmx.toString(), "--offline");
        assertEquals(1, r.status());
        assertEquals("error: invalid argument: unsupported config type qemu-argv (offline conversion knows vmware-vmx)\n",
                r.err());
    }

    @Test
    void debugLoggingGoesToStderrOrFile(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("jvirsh.log");
        Cli.Result r = Cli.cli().run("-c", "test:///default", "-d", "0", "-l", log.toString(), "-q", "uri");
        assertEquals(0, r.status(), r.err());
        assertEquals("test:///default\n", r.out());
        assertTrue(Files.exists(log));
        r = Cli.cli().run("-c", "test:///default", "-d", "9", "uri");
        assertEquals(1, r.status());
        assertEquals("error: ignoring debug level 9 to set; must be in range [0-4]\n", r.err());
    }

    @Test
    void connectionIsClosedAtTheEnd() {
        Connection[] seen = new Connection[1];
        ConnectionOpener keep = (uri, auth, env) -> seen[0] = ConnectionFactory.open(uri, auth, env);
        Cli.cli().opener(keep).run("-c", "test:///default", "uri");
        assertFalse(seen[0].isAlive());
    }
}
