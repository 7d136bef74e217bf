package io.jvirt.esx.vi;

import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cookie jar of one session, given to its port with {@code HttpConfigFeature}. Every request
 * carries the current session cookie; a {@code Set-Cookie} answer is taken only on the first
 * contact (no cookie yet) and from the answer to a Login ({@link #takeFromLogin}). Servers hand a fresh,
 * unauthenticated cookie to every request that comes without a valid one, so without this rule a
 * late answer to a request of an expired session could replace the cookie of the new login; with
 * it, no lock has to keep requests and a re-login apart.
 */
final class SessionCookies extends CookieHandler {
    /** name -> value of the cookies sent; replaced as a whole, never changed in place. */
    private volatile Map<String, String> cookies = Map.of();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
        String header = header();
        return header.isEmpty() ? Map.of() : Map.of("Cookie", List.of(header));
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) {
        if (cookies.isEmpty()) {
            store(responseHeaders);
        }
    }

    /** Takes the cookies of a Login answer: they identify the session just logged in. */
    void takeFromLogin(Map<String, List<String>> responseHeaders) {
        store(responseHeaders);
    }

    private synchronized void store(Map<String, List<String>> responseHeaders) {
        Map<String, String> updated = null;
        for (Map.Entry<String, List<String>> e : responseHeaders.entrySet()) {
            if (e.getKey() == null || !e.getKey().equalsIgnoreCase("Set-Cookie") || e.getValue() == null) {
                continue;
            }
            for (String value : e.getValue()) {
                List<HttpCookie> parsed;
                try {
                    parsed = HttpCookie.parse(value);
                } catch (IllegalArgumentException bad) {
                    continue; // a malformed cookie is ignored, as browsers do
                }
                for (HttpCookie c : parsed) {
                    if (updated == null) {
                        updated = new TreeMap<>(cookies);
                    }
                    updated.put(c.getName(), c.getValue());
                }
            }
        }
        if (updated != null) {
            cookies = Map.copyOf(updated);
        }
    }

    /** The {@code Cookie} header value for file transfers ({@code name=value; ...}), empty when none. */
    String header() {
        Map<String, String> current = cookies;
        StringBuilder sb = new StringBuilder();
        current.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(k).append('=').append(v);
        });
        return sb.toString();
    }
}
