package io.jvirt.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.jvirt.vim25.VirtualMachinePowerState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code GET /screen?id=<vm id>} with HTTP Basic credentials: a PNG of a powered-on VM's console
 * (a fixed 1x1 image), 404 for an unknown or powered-off VM, 401 without valid credentials.
 */
final class ScreenHandler implements HttpHandler {

    /** A valid 1x1 grey PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==");

    private final Inventory inventory;
    private final RequestCounter counter;
    private final String expectedAuthorization;

    ScreenHandler(Inventory inventory, RequestCounter counter, String username, String password) {
        this.inventory = inventory;
        this.counter = counter;
        this.expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            counter.count(exchange.getRequestMethod() + " /screen");
            if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"VMware HTTP server\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String id = idOf(exchange.getRequestURI().getRawQuery());
            boolean poweredOn = inventory.read(() -> id != null && inventory.find(Refs.of("VirtualMachine", id))
                    .map(vm -> VmLifecycle.runtime(vm).getPowerState() == VirtualMachinePowerState.POWERED_ON)
                    .orElse(false));
            if (!poweredOn) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, PNG.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(PNG);
            }
        }
    }

    private static String idOf(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && kv[0].equals("id")) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
