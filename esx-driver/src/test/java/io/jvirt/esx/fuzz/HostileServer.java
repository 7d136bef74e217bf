package io.jvirt.esx.fuzz;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server in front of the in-JVM simulator that answers one chosen request (the
 * n-th since {@link #arm}) with a hostile answer and forwards every other request to the
 * simulator: so the driver reaches its deeper response handling (login, inventory, property
 * reads, {@code .vmx} downloads) and meets the hostile answer exactly there.
 */
final class HostileServer implements AutoCloseable {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
            "keep-alive", "date", "upgrade", "expect");
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "hostile-server");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient upstream;
    private final URI target;
    private final AtomicInteger seen = new AtomicInteger();
    /** Every answer forwarded from the simulator, when recording (to make seed inputs). */
    private final List<byte[]> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean recording;
    private volatile int hostileIndex = -1;
    private volatile int hostileStatus;
    private volatile byte[] hostileBody = new byte[0];
    private volatile String hostileContentType = "text/xml; charset=utf-8";

    HostileServer(int simulatorPort) throws IOException {
        this.target = URI.create("http://127.0.0.1:" + simulatorPort);
        this.upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(executor).build();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The {@code index}-th request from now (0 = the next) gets this answer instead of the simulator's. */
    void arm(int index, int status, String contentType, byte[] body) {
        seen.set(0);
        hostileIndex = index;
        hostileStatus = status;
        hostileContentType = contentType;
        hostileBody = body;
    }

    /** Starts keeping a copy of every forwarded answer. */
    void record() {
        recorded.clear();
        recording = true;
    }

    /** The answers forwarded since {@link #record()}, in order. */
    List<byte[]> recorded() {
        return List.copyOf(recorded);
    }

    /** Requests since {@link #arm}. */
    int requests() {
        return seen.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request;
            try (InputStream in = exchange.getRequestBody()) {
                request = in.readAllBytes();
            }
            if (seen.getAndIncrement() == hostileIndex) {
                exchange.getResponseHeaders().set("Content-Type", hostileContentType);
                byte[] body = hostileBody;
                exchange.sendResponseHeaders(hostileStatus, body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
                return;
            }
            forward(exchange, request);
        }
    }

    private void forward(HttpExchange exchange, byte[] request) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(30))
                .method(exchange.getRequestMethod(), request.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> b.header(name, v));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = upstream.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
            }
        });
        byte[] body = response.body();
        if (recording) {
            recorded.add(body);
        }
        exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
