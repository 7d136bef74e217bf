package io.jvirt.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain commands: virsh's tables, field layouts, messages and error lines. */
class DomainCommandsTest {
    private static final String UUID = "6695eb01-f6a4-8304-79aa-97f2502e193f";

    @Test
    void listTable() {
        Cli.Result r = Cli.test("list", "--all");
        assertEquals(0, r.status());
        assertEquals("""
                 Id   Name   State
                ----------------------
                 1    test   running

                """, r.out());
    }

    @Test
    void listEmptyInactiveTableAndQuiet() {
        assertEquals("""
                 Id   Name   State
                --------------------

                """, Cli.test("list", "--inactive").out());
        assertEquals(" 1   test   running\n", Cli.test("-q", "list").out());
    }

    @Test
    void listNamesAndUuids() {
        assertEquals("test\n\n", Cli.test("list", "--name").out());
        assertEquals(UUID + "\n\n", Cli.test("list", "--uuid", "--all").out());
        assertEquals(UUID + " test\n\n", Cli.test("list", "--uuid", "--name").out());
    }

    @Test
    void shutOffDomainShowsDashForId() {
        Cli.Result r = Cli.test("destroy test ; list --all ; domid test");
        assertEquals("""
                Domain 'test' destroyed

                 Id   Name   State
                -----------------------
                 -    test   shut off

                -

                """, r.out());
    }

    @Test
    void dominfoFieldOrder() {
        assertEquals("""
                Id:             1
                Name:           test
                UUID:           6695eb01-f6a4-8304-79aa-97f2502e193f
                OS Type:        hvm
                State:          running
                CPU(s):         2
                CPU time:       1.0s
                Max memory:     8388608 KiB
                Used memory:    2097152 KiB
                Persistent:     yes
                Autostart:      disable
                Managed save:   no

                """, Cli.test("dominfo", "test").out());
    }

    @Test
    void domainByIdNameOrUuid() {
        assertEquals("running\n\n", Cli.test("domstate", "1").out());
        assertEquals("running\n\n", Cli.test("domstate", UUID).out());
        assertEquals("running (unknown)\n\n", Cli.test("domstate", "--domain", "test", "--reason").out());
        assertEquals("1\n\n", Cli.test("domid", UUID).out());
        assertEquals("test\n\n", Cli.test("domname", "1").out());
        assertEquals(UUID + "\n\n", Cli.test("domuuid", "test").out());
    }

    @Test
    void domnameDoesNotTakeAName() {
        Cli.Result r = Cli.test("domname", "test");
        assertEquals(1, r.status());
        assertEquals("error: failed to get domain 'test'\n", r.err());
    }

    @Test
    void unknownDomain() {
        Cli.Result r = Cli.test("dominfo", "foo");
        assertEquals(1, r.status());
        assertEquals("error: failed to get domain 'foo'\n", r.err());
        assertEquals("\n", r.out());
    }

    @Test
    void lifecycleMessages() {
        Cli.Result r = Cli.test("suspend test; resume test; shutdown test; start test; reboot test; reset test; destroy test");
        assertEquals("""
                Domain 'test' suspended

                Domain 'test' resumed

                Domain 'test' is being shutdown

                Domain 'test' started

                Domain 'test' is being rebooted

                Domain 'test' was reset

                Domain 'test' destroyed

                """, r.out());
        assertEquals(0, r.status());
    }

    @Test
    void startingARunningDomainFails() {
        Cli.Result r = Cli.test("start", "test");
        assertEquals(1, r.status());
        assertEquals("error: Domain is already active\n", r.err());
    }

    @Test
    void driverFailureHasContextLine() {
        Cli.Result r = Cli.test("destroy test; resume test");
        assertEquals(1, r.status(), "status of the last command");
        assertTrue(r.err().startsWith("error: Failed to resume domain 'test'\nerror: "), r.err());
    }

    @Test
    void notSupportedByDriver() {
        Cli.Result r = Cli.test("domifaddr", "test");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("error: this function is not supported by the connection driver: "), r.err());
    }

    @Test
    void defineAndUndefine(@TempDir Path dir) throws IOException {
        String xml = Cli.test("dumpxml", "--inactive", "test").out().strip()
                .replace("<name>test</name>", "<name>copy</name>")
                .replaceAll("<uuid>[^<]*</uuid>", "");
        Path file = dir.resolve("copy.xml");
        Files.writeString(file, xml);
        Cli.Result r = Cli.test("define " + file + " ; list --all --name ; undefine copy ; list --all --name");
        assertEquals("Domain 'copy' defined from " + file + "\n\ntest\ncopy\n\nDomain 'copy' has been undefined\n\ntest\n\n",
                r.out(), r.err());
    }

    @Test
    void defineMissingFile() {
        Cli.Result r = Cli.test("define", "/no/such/file.xml");
        assertEquals(1, r.status());
        assertEquals("error: Failed to open file '/no/such/file.xml': No such file or directory\n", r.err());
    }

    @Test
    void memoryAndCpus() {
        Cli.Result r = Cli.test("setmem test 1G; dominfo test; setvcpus test 1; autostart test; autostart --disable test");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Used memory:    1048576 KiB"), r.out());
        assertTrue(r.out().contains("Domain 'test' marked as autostarted\n"), r.out());
        assertTrue(r.out().contains("Domain 'test' unmarked as autostarted\n"), r.out());
        r = Cli.test("setmem", "test", "lots");
        assertEquals(1, r.status());
        assertEquals("error: Scaled numeric value 'lots' for <size> option is malformed or out of range\n", r.err());
    }

    @Test
    void schedinfoAndMemtuneLayout() {
        Cli.Result r = Cli.test("schedinfo", "test");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("Scheduler      : "), r.out());
        r = Cli.test("memtune", "test");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().matches("(?s)([a-z_]{1,15} *: \\S+\n)+\n"), r.out());
    }

    @Test
    void managedSaveRemoveWithoutImage() {
        assertEquals("Domain 'test' has no manage save image; removal skipped\n",
                Cli.test("managedsave-remove", "test").out());
    }

}
