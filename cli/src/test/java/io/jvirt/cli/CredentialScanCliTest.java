package io.jvirt.cli;

import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9.7: every jvirsh command of the catalog, run with debug logging to the terminal and to
 * a log file against the in-JVM simulator with a known password (and once more with a wrong
 * one), prints neither password anywhere: standard output, standard error (messages, debug
 * lines, SOAP traces) or the log file.
 */
class CredentialScanCliTest {
    private static final String PASSWORD = "Known-Pw-4d1e9b!x";
    private static final String WRONG = "Wrong-Pw-77c2a0?q";

    @Test
    void noCommandPrintsOrLogsThePassword(@TempDir Path dir) throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().model(SimulatorModel.ESX).tls(true)
                .credentials("root", PASSWORD).build().start()) {
            String uri = "esx://127.0.0.1:" + sim.port() + "/?no_verify=1";
            Path good = auth(dir, "good.conf", PASSWORD);
            Path bad = auth(dir, "bad.conf", WRONG);
            Path log = dir.resolve("jvirsh.log");
            TreeSet<String> commands = new TreeSet<>(CommandCatalog.commandLine().getSubcommands().keySet());
            List<String> leaks = new ArrayList<>();
            int runs = 0;
            StringBuilder seen = new StringBuilder();
            for (String command : commands) {
                for (List<String> args : argumentsFor(command)) {
                    for (Path authFile : List.of(good, bad)) {
                        List<String> all = new ArrayList<>(List.of("-d", "0", "-l", log.toString(), "-c", uri,
                                "--auth-file", authFile.toString(), command));
                        all.addAll(args);
                        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                                // edit runs $VISUAL: `true` leaves the file as it is (no terminal editor to wait for)
                                () -> Cli.cli().env("VISUAL", "true").run(all.toArray(String[]::new)), () -> "jvirsh " + all);
                        runs++;
                        String logged = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
                        if (seen.length() < 1_000_000) {
                            seen.append(r.err()).append(logged);
                        }
                        for (String secret : List.of(PASSWORD, WRONG)) {
                            if (r.out().contains(secret) || r.err().contains(secret) || logged.contains(secret)) {
                                leaks.add(String.join(" ", all));
                            }
                        }
                    }
                }
            }
            assertTrue(runs >= 4 * commands.size(), "every command ran");
            assertTrue(seen.toString().contains("RetrievePropertiesEx"), "the scanned text holds the SOAP trace");
            assertTrue(sim.logins() > 0, "the known password logged in");
            assertTrue(sim.failedLogins() > 0, "the wrong one was refused");
            assertEquals(List.of(), leaks, "commands whose output or log holds a password");
        }
    }

    /** Without arguments, and with the simulator's first VM (or what the command needs so as not to wait). */
    private static List<List<String>> argumentsFor(String command) {
        if (command.equals("event")) {
            return List.of(List.of("--all", "--timeout", "1"), List.of("--list"));
        }
        return List.of(List.of(), List.of("ha-host_VM0"));
    }

    private static Path auth(Path dir, String name, String password) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, "[credentials-sim]\nusername=root\npassword=" + password
                + "\n\n[auth-esx-127.0.0.1]\ncredentials=sim\n");
        return f;
    }
}
