package io.jvirt.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Snapshot commands, including virsh's --tree drawing. */
class SnapshotCommandsTest {

    @Test
    void createListAndTree() {
        Cli.Result r = Cli.test("snapshot-create-as test s1; snapshot-create-as test s2; snapshot-list test --tree");
        assertEquals(0, r.status(), r.err());
        assertEquals("""
                Domain snapshot s1 created
                Domain snapshot s2 created
                s1
                  |
                  +- s2
                   \s

                """, r.out());
    }

    @Test
    void branchyTree() {
        Cli.Result r = Cli.test("snapshot-create-as test s1; snapshot-create-as test s2; snapshot-create-as test s3;"
                + " snapshot-revert test s1; snapshot-create-as test s4; snapshot-create-as test s5;"
                + " snapshot-revert test s2; snapshot-create-as test s6; snapshot-list test --tree");
        assertEquals(0, r.status(), r.err());
        String tree = r.out().substring(r.out().lastIndexOf("created\n") + "created\n".length());
        assertEquals("""
                s1
                  |
                  +- s2
                  |   |
                  |   +- s3
                  |   +- s6
                  |    \s
                  +- s4
                      |
                      +- s5
                       \s

                """, tree);
    }

    @Test
    void tableWithParentColumn() {
        Cli.Result r = Cli.test("-q", "snapshot-create-as test s1; snapshot-create-as test s2; snapshot-list test --parent");
        String[] lines = r.out().split("\n");
        // -q silences "Domain snapshot sN created" as virsh -q does (vshPrintExtra)
        assertEquals(2, lines.length, r.out());
        assertTrue(lines[0].matches(" s1   \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}   running   "), lines[0]);
        assertTrue(lines[1].matches(" s2   .{25}   running   s1"), lines[1]);
    }

    @Test
    void currentParentRevertDelete() {
        Cli.Result r = Cli.test("snapshot-create-as test s1; snapshot-create-as test s2; snapshot-current test --name;"
                + " snapshot-parent test s2; snapshot-revert test s1; snapshot-delete test s2; snapshot-list test --name");
        assertEquals(0, r.status(), r.err());
        assertEquals("""
                Domain snapshot s1 created
                Domain snapshot s2 created
                s2

                s1

                Domain snapshot s1 reverted

                Domain snapshot s2 deleted

                s1

                """, r.out());
    }

    @Test
    void errors() {
        Cli.Result r = Cli.test("snapshot-current", "test");
        assertEquals(1, r.status());
        assertEquals("error: domain 'test' has no current snapshot\n", r.err());
        r = Cli.test("snapshot-create-as test s1; snapshot-parent test s1");
        assertEquals("error: snapshot 's1' has no parent\n", r.err());
        r = Cli.test("snapshot-dumpxml", "test", "nope");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("error: "), r.err());
    }

    @Test
    void printXml() {
        assertEquals("<domainsnapshot>\n  <name>a&amp;b</name>\n  <description>d</description>\n</domainsnapshot>\n\n",
                Cli.test("snapshot-create-as", "test", "a&b", "d", "--print-xml").out());
    }
}
