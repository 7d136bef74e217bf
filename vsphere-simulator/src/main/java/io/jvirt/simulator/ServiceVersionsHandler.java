package io.jvirt.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /sdk/vimServiceVersions.xml}: the namespace/version document other vSphere clients
 * (govc, pyvmomi) read before their first call, so they can be pointed at the simulator too.
 */
final class ServiceVersionsHandler implements HttpHandler {

    private final byte[] document;

    ServiceVersionsHandler(String apiVersion) {
        document = ("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<namespaces version=\"1.0\">\n <namespace>\n"
                + "  <name>urn:vim25</name>\n  <version>" + apiVersion + "</version>\n  <priorVersions>\n"
                + "   <version>6.7</version>\n   <version>6.5</version>\n  </priorVersions>\n </namespace>\n</namespaces>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, document.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(document);
            }
        }
    }
}
