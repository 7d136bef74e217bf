package io.jvirt.esx;

import io.jvirt.esx.shared.EsxOptions;
import io.jvirt.esx.testing.SecretLeakGuard;
import io.jvirt.esx.vi.VimSession;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.Domain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.auth.Authenticator;
import io.jvirt.spi.auth.Secret;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the driver's operations (reads, writes, failures, expired sessions, a connection nobody
 * closed, a wrong password) with known passwords and searches every log record (SOAP traces at
 * DEBUG included), every exception text and the {@code toString} of every object handed out.
 * {@link SecretLeakGuard} does the same for the logs of every other test of this module.
 */
class CredentialLeakTest {
    private static final String PASSWORD = "Kn0wn-Pw-for-leak-test";
    private static final String WRONG = "Wr0ng-Pw-for-leak-test";

    private final StringBuilder texts = new StringBuilder();

    private void record(Object o) {
        texts.append(o).append('\n');
    }

    private void attempt(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            record(SecretLeakGuard.fullText(e));
            if (e instanceof HypervisorException h) {
                record(h.code() + " " + h.domain());
            }
        }
    }

    private <T> T keep(Supplier<T> s) {
        T value = s.get();
        record(value);
        return value;
    }

    @Test
    void noOutputShowsThePassword() throws Exception {
        Logger root = Logger.getLogger("");
        Logger jvirt = Logger.getLogger("io.jvirt");
        StringBuilder logged = new StringBuilder();
        List<String> soap = new ArrayList<>();
        Handler capture = new Handler() {
            private final SimpleFormatter f = new SimpleFormatter();

            @Override
            public synchronized void publish(LogRecord r) {
                String thread = Thread.currentThread().getName();
                if (thread.startsWith("vsphere-sim") || thread.startsWith("HTTP-Dispatcher")) {
                    return; // the in-JVM server's own logs (its Metro endpoint dumps requests at FINER)
                }
                String s = f.format(r);
                logged.append(s);
                if (r.getLoggerName().equals("io.jvirt.esx.soap")) {
                    soap.add(s);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Level before = jvirt.getLevel();
        Level rootBefore = root.getLevel();
        jvirt.setLevel(Level.ALL);
        root.setLevel(Level.ALL); // Metro's, JAXB's and the JDK HTTP client's debug logging too
        root.addHandler(capture);
        try {
            for (SimulatorModel model : SimulatorModel.values()) {
                exercise(model);
            }
        } finally {
            root.removeHandler(capture);
            jvirt.setLevel(before);
            root.setLevel(rootBefore);
        }
        String all = logged + "\n" + texts;
        assertTrue(soap.stream().anyMatch(s -> s.contains("Login") && s.contains("***")),
                "the SOAP trace was on and showed the (masked) Login");
        assertTrue(logged.toString().contains("expired, logging in again"), "re-logins were logged");
        assertTrue(logged.toString().contains("was not closed"), "the lost connection was cleaned up");
        assertTrue(texts.toString().contains("AUTH_FAILED"), "the wrong password was tried");
        assertFalse(all.contains(PASSWORD), () -> "the password appears in the output:\n" + around(all, PASSWORD));
        assertFalse(all.contains(WRONG), "the wrong password appears in the output");
    }

    private void exercise(SimulatorModel model) throws Exception {
        try (VsphereSimulator sim = VsphereSimulator.builder().model(model).vms(2).credentials("root", PASSWORD)
                .build().start()) {
            String uri = model == SimulatorModel.ESX
                    ? "esx://127.0.0.1:" + sim.port() + "/?transport=http"
                    : "vpx://127.0.0.1:" + sim.port() + "/DC0/DC0_H0?transport=http";
            Authenticator auth = Authenticator.fixed("root", PASSWORD.toCharArray());
            record(auth);
            record(new VimSession.Credentials("root", Secret.of(PASSWORD)));
            record(Secret.of(PASSWORD));

            attempt(() -> ConnectionFactory.open(uri, Authenticator.fixed("root", WRONG.toCharArray()), Map.of()).close());
            attempt(() -> ConnectionFactory.open(uri.replace("root", "nobody"),
                    Authenticator.fixed("nobody", PASSWORD.toCharArray()), Map.of()).close());
            attempt(() -> ConnectionFactory.open(uri + "&no_verify=maybe", auth, Map.of()).close());

            try (Connection c = keep(() -> ConnectionFactory.open(uri, auth,
                    Map.of(EsxOptions.KEEPALIVE_INTERVAL, Duration.ofMillis(100), EsxOptions.PAGE_SIZE, 1)))) {
                record(c.uri());
                record(c.nodeInfo());
                record(c.capabilities());
                for (Domain d : keep(c::listAllDomains)) {
                    record(d);
                    record(d.xmlDesc());
                    record(d.info());
                    attempt(d::create);
                    attempt(d::suspend);
                    attempt(d::resume);
                    attempt(d::destroy);
                }
                attempt(() -> c.lookupDomainByName("no-such-vm"));
                attempt(() -> c.lookupDomainByUuid(UUID.randomUUID()));
                attempt(() -> c.defineDomain("<domain type='vmware'><name>x</name></domain>", null));
                attempt(() -> c.defineDomain("<domain", null));
                attempt(() -> keep(c::listAllStoragePools).forEach(p -> attempt(() -> record(p.xmlDesc()))));
                attempt(() -> keep(c::listAllNetworks).forEach(n -> attempt(() -> record(n.xmlDesc()))));
                attempt(() -> keep(c::listAllInterfaces));
                sim.expireSessions();
                record(c.listAllDomains());
                sim.expireSessions();
                Thread.sleep(400); // the keepalive logs in again by itself
                sim.faults().httpStatus("RetrievePropertiesEx", 503, 1);
                attempt(c::listAllDomains);
                sim.faults().malformedResponse("RetrievePropertiesEx", 1);
                attempt(c::listAllDomains);
                sim.faults().closeConnection("RetrievePropertiesEx", 1);
                attempt(c::listAllDomains);
                sim.expireSessionsAtRandom(0.3, 42);
                for (int i = 0; i < 10; i++) {
                    attempt(c::listAllDomains);
                }
                sim.expireSessionsAtRandom(0, 0);
            }
            long logoutsBefore = sim.logouts();
            openAndDrop(uri, auth);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (sim.logouts() == logoutsBefore && System.nanoTime() < deadline) {
                System.gc();
                Thread.sleep(100);
            }
            assertEquals(logoutsBefore + 1, sim.logouts(), "the dropped connection was logged out");
        }
    }

    private static String around(String text, String secret) {
        StringBuilder out = new StringBuilder();
        for (int i = text.indexOf(secret); i >= 0 && out.length() < 20_000; i = text.indexOf(secret, i + 1)) {
            out.append("...").append(text, Math.max(0, i - 1500), Math.min(text.length(), i + 200)).append("...\n");
        }
        return out.toString().replace(secret, "<PASSWORD>");
    }

    private void openAndDrop(String uri, Authenticator auth) {
        ConnectionFactory.open(uri, auth, Map.of()).listAllDomains();
    }
}
