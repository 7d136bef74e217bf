package io.jvirt.simulator;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code java -jar target/vsphere-simulator.jar}, as a user outside Maven runs it. */
class StandaloneJarIT {

    private static final Path JAR = Path.of("target", "vsphere-simulator.jar");

    private static Process start(String... args) throws Exception {
        assertTrue(Files.isRegularFile(JAR), "no " + JAR.toAbsolutePath());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** What the simulator prints before it serves: up to its "Serving on" line (or the end of its output). */
    private static List<String> banner(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            lines.add(line);
            if (line.startsWith("Serving on ")) {
                break;
            }
        }
        assertTrue(!lines.isEmpty() && lines.get(lines.size() - 1).startsWith("Serving on "), lines.toString());
        return lines;
    }

    @Test
    void servesOverHttpUntilStopped() throws Exception {
        Process p = start("--http", "--vms", "3");
        try {
            List<String> lines = banner(p);
            URI sdk = URI.create(lines.get(0));
            assertEquals("http", sdk.getScheme());
            assertEquals("127.0.0.1", sdk.getHost());
            assertTrue(lines.contains("model:      ESX host (esx), VMs 3"), lines.toString());
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(sdk.resolve("/sdk/vimServiceVersions.xml")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode());
            assertTrue(answer.body().contains("urn:vim25"), answer.body());
        } finally {
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the simulator stops on TERM");
        }
    }

    @Test
    void servesTheCertificateWhoseThumbprintItPrints() throws Exception {
        Process p = start();
        try {
            List<String> lines = banner(p);
            URI sdk = URI.create(lines.get(0));
            assertEquals("https", sdk.getScheme());
            String printed = lines.stream().filter(l -> l.startsWith("thumbprint: SHA-256 ")).findFirst().orElseThrow()
                    .substring("thumbprint: SHA-256 ".length()).split(" ")[0];
            SSLContext context = SSLContext.getInstance("TLS");
            X509Certificate[] seen = new X509Certificate[1];
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                    seen[0] = chain[0]; // recorded and compared with the printed thumbprint below
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(sdk.getHost(), sdk.getPort())) {
                socket.startHandshake();
            }
            String served = HexFormat.ofDelimiter(":")
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(seen[0].getEncoded())).toUpperCase(Locale.ROOT);
            assertEquals(printed, served);
        } finally {
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void aWrongOptionIsOneLineAndStatusTwo() throws Exception {
        Process p = start("--vms", "lots");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), out);
        assertEquals(List.of("vsphere-simulator: --vms needs a number, not 'lots'", "(--help lists the options)"),
                out.lines().toList());
        assertFalse(out.contains("Exception"), out);
    }
}
