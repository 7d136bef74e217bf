package io.jvirt.cli;

import io.jvirt.fixtures.vcsim.Vcsim;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.Domain;
import io.jvirt.spi.auth.Authenticator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code jvirsh event --all --loop} against vcsim while another client changes power states: the
 * lines are virsh's ({@code event 'lifecycle' for domain 'NAME': Stopped Destroyed}); the delay
 * of each line after its change (from {@code --timestamp}) is printed, not asserted.
 */
class VcsimEventCliTest {
    private static final Pattern LINE = Pattern.compile(
            "(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3})\\+0000: (event 'lifecycle' for domain '[^']+': .+)");

    @Test
    void eventLoopPrintsVirshLinesForChangesByAnotherClientWithinASecond(@TempDir Path dir) throws Exception {
        Vcsim.require();
        try (Vcsim vcsim = Vcsim.start(SimulatorModel.ESX, 2, true)) {
            Path authFile = dir.resolve("auth.conf");
            Files.writeString(authFile, "[credentials-v]\nusername=" + vcsim.username() + "\npassword=" + vcsim.password()
                    + "\n\n[auth-esx-127.0.0.1]\ncredentials=v\n");
            String uri = "esx://127.0.0.1:" + vcsim.sdkUrl().getPort() + "/?no_verify=1";
            CompletableFuture<Cli.Result> jvirsh = CompletableFuture.supplyAsync(() -> Cli.cli().run("-c", uri,
                    "--auth-file", authFile.toString(), "event", "--all", "--loop", "--timeout", "10", "--timestamp"));
            Thread.sleep(4_000); // jvirsh connects and registers (well under a second on an idle machine)
            List<Instant> changed = new ArrayList<>();
            String name;
            try (Connection other = ConnectionFactory.open(uri, Authenticator.fixed(vcsim.username(), vcsim.password().toCharArray()))) {
                Domain vm = other.listAllDomains().get(0);
                name = vm.name();
                vm.destroy();
                changed.add(Instant.now());
                vm.create();
                changed.add(Instant.now());
                vm.suspend();
                changed.add(Instant.now());
                vm.resume();
                changed.add(Instant.now());
            }
            Cli.Result r = jvirsh.get(30, TimeUnit.SECONDS);
            assertEquals("", r.err());
            assertEquals(0, r.status());
            List<String> lines = r.out().lines().toList();
            List<String> events = new ArrayList<>();
            List<Long> delaysMs = new ArrayList<>();
            DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
            for (String l : lines) {
                Matcher m = LINE.matcher(l);
                if (m.matches()) {
                    events.add(m.group(2));
                    Instant printed = LocalDateTime.parse(m.group(1), f).toInstant(ZoneOffset.UTC);
                    delaysMs.add(Duration.between(changed.get(events.size() - 1), printed).toMillis());
                }
            }
            assertEquals(List.of("event 'lifecycle' for domain '" + name + "': Stopped Destroyed",
                    "event 'lifecycle' for domain '" + name + "': Started Booted",
                    "event 'lifecycle' for domain '" + name + "': Suspended Paused",
                    "event 'lifecycle' for domain '" + name + "': Resumed Unpaused"), events, r.out());
            assertEquals(List.of("event loop timed out", "events received: 4", ""), lines.subList(4, lines.size()));
            System.out.println("jvirsh event: delay from the end of each power operation to the printed line (ms): "
                    + delaysMs);
        }
    }
}
