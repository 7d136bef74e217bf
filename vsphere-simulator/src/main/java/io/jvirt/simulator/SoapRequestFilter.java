package io.jvirt.simulator;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In front of the SOAP endpoint: reads the request, names its method (the first element inside
 * the SOAP Body), counts it, and applies injected faults before Metro sees the request.
 */
final class SoapRequestFilter extends Filter {

    private static final Pattern BODY_METHOD = Pattern.compile(
            "<(?:[\\w.-]+:)?Body[^>]*>\\s*<(?:[\\w.-]+:)?([\\w.-]+)", Pattern.DOTALL);

    private final RequestCounter counter;
    private final FaultInjector faults;
    private final Sessions sessions;

    SoapRequestFilter(RequestCounter counter, FaultInjector faults, Sessions sessions) {
        this.counter = counter;
        this.faults = faults;
        this.sessions = sessions;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String method = methodOf(body);
        counter.count(method);
        Optional<FaultInjector.Rule> rule = faults.take(method);
        if (rule.isPresent() && apply(rule.get(), exchange)) {
            return;
        }
        exchange.setStreams(new ByteArrayInputStream(body), null);
        chain.doFilter(exchange);
    }

    /** True if the rule answered the request itself. */
    private boolean apply(FaultInjector.Rule rule, HttpExchange exchange) throws IOException {
        switch (rule.kind()) {
            case DELAY -> {
                try {
                    Thread.sleep(rule.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
            case HTTP_STATUS -> {
                respond(exchange, rule.httpStatus(), "text/html", "<html><body>HTTP " + rule.httpStatus() + "</body></html>");
                return true;
            }
            case SOAP_FAULT -> {
                respond(exchange, 500, "text/xml; charset=utf-8", SoapFaults.envelope(rule.fault(), rule.message()));
                return true;
            }
            case MALFORMED_RESPONSE -> {
                respond(exchange, 200, "text/xml; charset=utf-8", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body><broken");
                return true;
            }
            case CLOSE_CONNECTION -> {
                exchange.close();
                return true;
            }
            case EXPIRE_SESSION -> {
                sessions.find(SessionCookieFilter.cookie(exchange)).ifPresent(sessions::expire);
                return false;
            }
            default -> throw new IllegalStateException("unknown fault kind " + rule.kind());
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String methodOf(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8);
        Matcher m = BODY_METHOD.matcher(head);
        return m.find() ? m.group(1) : "unknown";
    }

    @Override
    public String description() {
        return "SOAP request counting and fault injection";
    }
}
