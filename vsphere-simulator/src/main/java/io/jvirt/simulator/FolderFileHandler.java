package io.jvirt.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The datastore file service: {@code GET|PUT /folder/<path>?dcPath=<datacenter>&dsName=<datastore>},
 * authorised by the session cookie (as on ESX and vCenter). GET answers 200 or 404; PUT answers
 * 201 for a new file, 200 for a replaced one, 404 when the directory does not exist.
 */
final class FolderFileHandler implements HttpHandler {

    private final Inventory inventory;
    private final Sessions sessions;
    private final RequestCounter counter;
    private final boolean requireSession;

    FolderFileHandler(Inventory inventory, Sessions sessions, RequestCounter counter, boolean requireSession) {
        this.inventory = inventory;
        this.sessions = sessions;
        this.counter = counter;
        this.requireSession = requireSession;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String verb = exchange.getRequestMethod();
            counter.count(verb + " /folder");
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (requireSession && sessions.find(SessionCookieFilter.cookie(exchange)).isEmpty()) {
                send(exchange, 401, "Unauthorized");
                return;
            }
            String rawPath = exchange.getRequestURI().getRawPath();
            String path = URLDecoder.decode(rawPath.substring("/folder".length()).replace("+", "%2B"), StandardCharsets.UTF_8);
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            Optional<DatastoreFiles> files = inventory.read(() -> datastore(query));
            if (files.isEmpty()) {
                send(exchange, 404, "No such datacenter or datastore");
                return;
            }
            switch (verb) {
                case "GET" -> get(exchange, files.get(), path);
                case "PUT" -> put(exchange, files.get(), path, body);
                default -> send(exchange, 405, "Method not allowed");
            }
        }
    }

    private void get(HttpExchange exchange, DatastoreFiles files, String path) throws IOException {
        Optional<DatastoreFiles.StoredFile> file = inventory.read(() -> files.read(path));
        if (file.isEmpty()) {
            send(exchange, 404, "Not found");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        byte[] content = file.get().content();
        String range = exchange.getRequestHeaders().getFirst("Range");
        if (range != null) {
            sendRange(exchange, content, range);
            return;
        }
        exchange.sendResponseHeaders(200, content.length == 0 ? -1 : content.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(content);
        }
    }

    /** A single {@code bytes=first-[last]} range as 206 (416 when it starts beyond the end). */
    private static void sendRange(HttpExchange exchange, byte[] content, String range) throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("bytes=(\\d+)-(\\d*)").matcher(range.trim());
        if (!m.matches()) {
            send(exchange, 400, "Unsupported Range header");
            return;
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? content.length - 1L : Math.min(Long.parseLong(m.group(2)), content.length - 1L);
        if (first >= content.length || last < first) {
            exchange.getResponseHeaders().set("Content-Range", "bytes */" + content.length);
            send(exchange, 416, "Range not satisfiable");
            return;
        }
        int length = (int) (last - first + 1);
        exchange.getResponseHeaders().set("Content-Range", "bytes " + first + "-" + last + "/" + content.length);
        exchange.sendResponseHeaders(206, length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(content, (int) first, length);
        }
    }

    private void put(HttpExchange exchange, DatastoreFiles files, String path, byte[] body) throws IOException {
        int status = inventory.write(() -> {
            boolean existed = files.isFile(path);
            if (!files.write(path, body)) {
                return 404;
            }
            return existed ? 200 : 201;
        });
        send(exchange, status, status == 404 ? "Directory not found" : "");
    }

    private Optional<DatastoreFiles> datastore(Map<String, String> query) {
        String dcPath = query.get("dcPath");
        String dsName = query.get("dsName");
        if (dsName == null) {
            return Optional.empty();
        }
        if (dcPath != null) {
            String datacenterName = dcPath.substring(dcPath.lastIndexOf('/') + 1);
            if (inventory.byName("Datacenter", datacenterName).isEmpty()) {
                return Optional.empty();
            }
        }
        return inventory.byName("Datastore", dsName).map(ds -> ds.internal("files", DatastoreFiles.class));
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery == null) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
