package io.jvirt.esx.fuzz;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jvirt.esx.shared.EsxOptions;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.Connection;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.Domain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.auth.Authenticator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the driver's handling of server answers (Metro/JAXB decoding, fault mapping, property
 * reads, the {@code .vmx} download and its conversion): a {@link HostileServer} answers one
 * request of a connect, list, lookup, info, dumpxml, nodeinfo, close sequence with the fuzzed
 * bytes; every other request reaches the in-JVM simulator. Only {@link HypervisorException} may
 * come out; a sequence may not take longer than {@link #BOUND}; the JVM's heap is bounded
 * ({@code -Xmx} in the pom) so an answer that makes the driver hoard memory fails the run.
 *
 * <p>Input layout: byte 0 picks the request (0 = RetrieveServiceContent, 1 = Login, then the
 * reads), byte 1 the form of the answer ({@link #shape}), the rest is the body.
 */
class SoapResponseFuzzTest {
    static final Duration BOUND = Duration.ofSeconds(20);
    private static final java.util.Set<String> LOOPBACK = java.util.Set.of("127.0.0.1", "localhost");
    private static VsphereSimulator sim;
    private static HostileServer server;

    @BeforeAll
    static void start() throws Exception {
        sim = VsphereSimulator.builder().model(SimulatorModel.ESX).vms(2).build().start();
        server = new HostileServer(sim.port());
    }

    @AfterAll
    static void stop() {
        server.close();
        sim.close();
    }

    static Map<String, Object> env() {
        return Map.of(EsxOptions.CONNECT_TIMEOUT, Duration.ofSeconds(5), EsxOptions.REQUEST_TIMEOUT, Duration.ofSeconds(5),
                EsxOptions.KEEPALIVE_INTERVAL, Duration.ZERO);
    }

    /** The sequence every input runs: each step reads answers the driver must survive. */
    static void use(VsphereSimulator simulator) {
        sim = simulator;
    }

    static void sequence(int port) {
        try (Connection c = ConnectionFactory.open("esx://127.0.0.1:" + port + "/?transport=http",
                Authenticator.fixed(sim.username(), sim.password().toCharArray()), env())) {
            List<Domain> all = c.listAllDomains();
            if (!all.isEmpty()) {
                Domain d = c.lookupDomainByName(all.get(0).name());
                d.info();
                d.xmlDesc();
            }
            c.nodeInfo();
        }
    }

    @FuzzTest(maxDuration = "60s")
    void hostileAnswer(byte[] input) {
        if (input.length < 2) {
            return;
        }
        int index = input[0] & 0x0f;
        byte[] body = Arrays.copyOfRange(input, 2, input.length);
        Shape shape = shape(input[1], body);
        server.arm(index, shape.status(), shape.contentType(), shape.body());
        long start = System.nanoTime();
        // the driver may talk to the hostile server on the loopback address, and nowhere else
        try (var loopbackOnly = BugDetectors.allowNetworkConnections((host, port) -> LOOPBACK.contains(host))) {
            sequence(server.port());
        } catch (HypervisorException expected) {
            String m = expected.getMessage();
            if (m == null || m.isBlank()) {
                throw new AssertionError("a HypervisorException without a message", expected);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (took.compareTo(BOUND) > 0) {
            throw new AssertionError("the sequence took " + took.toMillis() + " ms");
        }
    }

    /** The answer sent: status, content type and body. */
    record Shape(int status, String contentType, byte[] body) {
    }

    /**
     * Byte 1 of the input: 0 the body as it is (HTTP 200), 1 as a fault (HTTP 500), 2 nested
     * 100,000 elements deep inside a SOAP body, 3 behind a DOCTYPE with exponential and external
     * entities, 4 repeated to 16 MiB, 5 as text/html, 6 an empty HTTP 200, 7 a 200 with the
     * body cut in half.
     */
    static Shape shape(byte selector, byte[] body) {
        String xml = "text/xml; charset=utf-8";
        return switch (selector & 0x07) {
            case 0 -> new Shape(200, xml, body);
            case 1 -> new Shape(500, xml, body);
            case 2 -> new Shape(200, xml, nested(body));
            case 3 -> new Shape(200, xml, entities(body));
            case 4 -> new Shape(200, xml, oversized(body));
            case 5 -> new Shape(200, "text/html", body);
            case 6 -> new Shape(200, xml, new byte[0]);
            default -> new Shape(200, xml, Arrays.copyOf(body, body.length / 2));
        };
    }

    private static byte[] nested(byte[] body) {
        int depth = 100_000;
        ByteArrayOutputStream out = new ByteArrayOutputStream(depth * 8 + body.length + 200);
        out.writeBytes(("<?xml version=\"1.0\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soapenv:Body>").getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < depth; i++) {
            out.writeBytes("<a>".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(body);
        for (int i = 0; i < depth; i++) {
            out.writeBytes("</a>".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("</soapenv:Body></soapenv:Envelope>".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] entities(byte[] body) {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE soapenv:Envelope [");
        dtd.append("<!ENTITY e0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY e").append(i).append(" \"");
            dtd.append(("&e" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("<!ENTITY ext SYSTEM \"file:///etc/passwd\">]>");
        String text = new String(body, StandardCharsets.UTF_8);
        int decl = text.startsWith("<?xml") ? text.indexOf("?>") : -1;
        String rest = decl >= 0 ? text.substring(decl + 2) : text;
        // the entities are referenced inside the first element's content
        int firstClose = rest.indexOf('>');
        String withRefs = firstClose >= 0 ? rest.substring(0, firstClose + 1) + "&e9;&ext;" + rest.substring(firstClose + 1)
                : rest + "&e9;&ext;";
        return (dtd + withRefs).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] oversized(byte[] body) {
        int target = 16 << 20;
        byte[] unit = body.length == 0 ? new byte[] {' '} : body;
        ByteArrayOutputStream out = new ByteArrayOutputStream(target + unit.length);
        while (out.size() < target) {
            out.writeBytes(unit);
        }
        return out.toByteArray();
    }
}
