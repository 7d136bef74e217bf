package io.jvirt.simulator;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;

/**
 * Gives every request a session cookie, as ESX does: a known {@code vmware_soap_session} cookie
 * is kept, otherwise a new one is issued with {@code Set-Cookie}. {@link #cookie(HttpExchange)}
 * tells the SOAP endpoint and the file service which one a request has. (Not an exchange
 * attribute: the JDK server keeps those per context, shared by concurrent requests.)
 */
final class SessionCookieFilter extends Filter {

    private final Sessions sessions;
    private final boolean secure;

    SessionCookieFilter(Sessions sessions, boolean secure) {
        this.sessions = sessions;
        this.secure = secure;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String cookie = cookieOf(exchange.getRequestHeaders().get("Cookie"));
        if (!sessions.known(cookie)) {
            cookie = sessions.issue();
            exchange.getResponseHeaders().add("Set-Cookie", Sessions.COOKIE_NAME + "=\"" + cookie + "\"; Path=/; HttpOnly"
                    + (secure ? "; Secure" : ""));
        }
        chain.doFilter(exchange);
    }

    @Override
    public String description() {
        return "vmware_soap_session cookies";
    }

    /** The session cookie of a request that went through this filter: issued with it, or sent by the client. */
    static String cookie(HttpExchange exchange) {
        List<String> issued = exchange.getResponseHeaders().get("Set-Cookie");
        String fresh = issued == null ? null : cookieOf(issued);
        return fresh != null ? fresh : cookieOf(exchange.getRequestHeaders().get("Cookie"));
    }

    static String cookieOf(List<String> headers) {
        if (headers == null) {
            return null;
        }
        for (String header : headers) {
            for (String part : header.split(";")) {
                String[] pair = part.trim().split("=", 2);
                if (pair.length == 2 && pair[0].trim().equals(Sessions.COOKIE_NAME)) {
                    String value = pair[1].trim();
                    return value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2
                            ? value.substring(1, value.length() - 1) : value;
                }
            }
        }
        return null;
    }
}
