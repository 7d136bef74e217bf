package io.jvirt.cli.completion;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Tab offers, with fixed names (the names from a connection: CompleteCommandTest). */
class CompletionsTest {
    private static final Names NAMES = new Names() {
        @Override
        public List<String> domains() {
            return List.of("web1", "db1", "web2");
        }

        @Override
        public List<String> pools() {
            return List.of("default-pool", "iso");
        }

        @Override
        public List<String> networks() {
            return List.of("default", "isolated");
        }
    };
    private final Completions completions = new Completions(NAMES, io.jvirt.cli.CommandCatalog.grammar());

    private List<String> command(String... words) {
        return completions.forCommand(List.of(words));
    }

    @Test
    void commandNamesByPrefixWithoutTheHiddenOne() {
        assertEquals(List.of("domblklist", "domblkstat", "domdisplay", "domhostname", "domid", "domifaddr", "domiflist",
                "domifstat", "dominfo", "domjobabort", "domjobinfo", "dommemstat", "domname", "domstate", "domstats",
                "domuuid", "domxml-from-native", "domxml-to-native"), command("dom"));
        assertEquals(List.of("pool-dumpxml", "pool-info", "pool-list", "pool-refresh"), command("pool-"));
        assertFalse(command("").contains("complete"), "the hidden command is never offered");
        assertTrue(command("").containsAll(List.of("list", "dominfo", "net-list", "help")), command("").toString());
        assertEquals(io.jvirt.cli.CommandCatalog.commandLine().getSubcommands().size() - 1, command("").size(),
                "every command but 'complete'");
        assertEquals(List.of(), command("nosuchcommand"));
    }

    @Test
    void namesWhereTheCommandTakesThem() {
        assertEquals(List.of("web1", "web2"), command("dominfo", "we"));
        assertEquals(List.of("db1", "web1", "web2"), command("dominfo", ""));
        assertEquals(List.of("default-pool", "iso"), command("pool-info", ""));
        assertEquals(List.of("isolated"), command("net-dumpxml", "is"));
        // the value of an option naming one: vol-list has no domain, vol-info --pool P
        assertEquals(List.of("iso"), command("vol-info", "v1", "--pool", "i"));
        assertEquals(List.of("db1"), command("dominfo", "--domain", "d"));
        // help completes command names
        assertEquals(List.of("net-define", "net-dumpxml", "net-info", "net-list", "net-undefine"), command("help", "net-"));
    }

    @Test
    void optionsOfTheCommandNotYetGiven() {
        assertEquals(List.of("--all", "--inactive", "--name", "--state-paused", "--state-running", "--state-shutoff",
                "--table", "--title", "--uuid"), command("list", "--"));
        assertEquals(List.of("--inactive"), command("list", "--all", "--in"));
        assertEquals(List.of(), command("list", "--all", "--al"), "--all was given already");
        // a command without names to offer: its options
        assertEquals(command("list", "--"), command("list", ""));
        // the second positional of dominfo: nothing (dominfo takes one domain)
        assertEquals(List.of(), command("dominfo", "web1", "w"));
    }

    @Test
    void theLastOfSeveralCommandsOnALine() {
        assertEquals(List.of("web1", "web2"), command("list", ";", "dominfo", "w"));
        assertEquals(List.of("domstate", "domstats"), command("list;", "domst"));
    }

    @Test
    void aWholeCommandLineSkipsJvirshsOwnOptions() {
        assertEquals(List.of("web1", "web2"), completions.forCommandLine(List.of("-c", "test:///default", "-r", "dominfo", "w")));
        assertEquals(List.of("dominfo"), completions.forCommandLine(List.of("-c", "test:///default", "domin")));
        assertTrue(completions.forCommandLine(List.of("--re")).contains("--readonly"));
        assertTrue(completions.forCommandLine(List.of("-")).containsAll(List.of("-c", "--connect", "-r", "--sim")));
        // the URI after -c: nothing to offer
        assertEquals(List.of(), completions.forCommandLine(List.of("-c", "te")));
        assertEquals(List.of("domstate", "domstats"), completions.forCommandLine(List.of("domst")));
    }
}
