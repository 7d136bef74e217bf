package io.jvirt.esx.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP(S) server that answers every request with one fixed response, optionally
 * after a delay: for the failures a real server can produce before any vSphere logic runs
 * (HTTP errors, garbage instead of SOAP, slow answers, TLS problems).
 */
public final class CannedServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "canned-server");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String lastRequest = "";

    private CannedServer(HttpServer server, int status, String contentType, String body, Duration delay) {
        this.server = server;
        server.setExecutor(executor);
        server.createContext("/", exchange -> answer(exchange, status, contentType, body, delay));
        server.start();
    }

    public static CannedServer http(int status, String contentType, String body, Duration delay) throws IOException {
        return new CannedServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0),
                status, contentType, body, delay);
    }

    public static CannedServer https(SSLContext tls, int status, String contentType, String body) throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new CannedServer(s, status, contentType, body, Duration.ZERO);
    }

    private void answer(HttpExchange exchange, int status, String contentType, String body, Duration delay) throws IOException {
        requests.incrementAndGet();
        StringBuilder request = new StringBuilder();
        exchange.getRequestHeaders().forEach((k, values) -> values.forEach(v -> request.append(k).append(": ").append(v).append('\n')));
        request.append('\n').append(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        lastRequest = request.toString();
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public int requests() {
        return requests.get();
    }

    /** The headers ("Name: value" lines) and body of the last request received. */
    public String lastRequest() {
        return lastRequest;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
