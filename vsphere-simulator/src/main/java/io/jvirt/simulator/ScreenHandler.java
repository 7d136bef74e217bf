package io.jvirt.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.jvirt.vim25.VirtualMachinePowerState;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * {@code GET /screen?id=<vm id>} with HTTP Basic credentials or a session cookie (ESX accepts
 * both): a PNG of a powered-on VM's console (a 64x48 image in a colour of the VM's id, made with
 * javax.imageio), 404 for an unknown or powered-off VM, 401 without valid credentials.
 */
final class ScreenHandler implements HttpHandler {

    static final int WIDTH = 64;
    static final int HEIGHT = 48;

    private final Inventory inventory;
    private final RequestCounter counter;
    private final Sessions sessions;
    private final String expectedAuthorization;

    ScreenHandler(Inventory inventory, RequestCounter counter, Sessions sessions, String username, String password) {
        this.inventory = inventory;
        this.counter = counter;
        this.sessions = sessions;
        this.expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            counter.count(exchange.getRequestMethod() + " /screen");
            boolean basic = expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            String cookie = SessionCookieFilter.cookieOf(exchange.getRequestHeaders().get("Cookie"));
            boolean session = cookie != null && sessions.find(cookie).isPresent();
            if (!basic && !session) {
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
            byte[] png = png(id);
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, png.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(png);
            }
        }
    }

    /** A PNG of the console: a frame in a colour made from the VM's id, so that two VMs differ. */
    static byte[] png(String id) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        int colour = 0x204060 ^ (id.hashCode() & 0x7f7f7f);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                boolean border = x < 2 || y < 2 || x >= WIDTH - 2 || y >= HEIGHT - 2;
                image.setRGB(x, y, border ? 0xc0c0c0 : colour);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
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
