package io.jvirt.simulator;

import io.jvirt.vim25.InvalidLogin;
import io.jvirt.vim25.NotAuthenticated;
import io.jvirt.vim25.UserSession;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Session cookies and logins. Like ESX, the server hands out a {@code vmware_soap_session} cookie
 * on first contact; Login authenticates the session behind that cookie. Expiring sessions forgets
 * their cookies, so each affected client's next call fails with NotAuthenticated. Logins, failed
 * logins, logouts and expiries are counted for tests that check a client's session handling.
 */
final class Sessions {

    static final String COOKIE_NAME = "vmware_soap_session";

    private final String username;
    private final String password;
    private final Map<String, Optional<Session>> byCookie = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong logins = new AtomicLong();
    private final AtomicLong failedLogins = new AtomicLong();
    private final AtomicLong logouts = new AtomicLong();
    private final AtomicLong expiries = new AtomicLong();
    /** Per-request expiry chance and its random source; null when off. */
    private volatile RandomExpiry randomExpiry;
    /** Told about every session that ends (logout or expiry), e.g. to drop its pending pages. */
    private volatile Consumer<Session> onEnd = s -> { };

    private record RandomExpiry(double probability, SplittableRandom random) {
    }

    Sessions(String username, String password) {
        this.username = username;
        this.password = password;
    }

    void onEnd(Consumer<Session> listener) {
        this.onEnd = listener;
    }

    /** A new, not yet authenticated cookie value. */
    String issue() {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        String cookie = HexFormat.of().formatHex(bytes);
        byCookie.put(cookie, Optional.empty());
        return cookie;
    }

    boolean known(String cookie) {
        return cookie != null && byCookie.containsKey(cookie);
    }

    Session login(String cookie, String user, String pass, String locale, String ipAddress) {
        if (!username.equals(user) || !password.equals(pass)) {
            failedLogins.incrementAndGet();
            throw new VimFaultException(new InvalidLogin(), "Cannot complete login due to an incorrect user name or password.");
        }
        UserSession info = new UserSession();
        info.setKey(UUID.randomUUID().toString());
        info.setUserName(user);
        info.setFullName(user);
        info.setLoginTime(Xml.dateTime(Instant.now()));
        info.setLastActiveTime(Xml.dateTime(Instant.now()));
        info.setLocale(locale == null ? "en" : locale);
        info.setMessageLocale(locale == null ? "en" : locale);
        info.setExtensionSession(false);
        info.setIpAddress(ipAddress);
        info.setUserAgent("jvirt");
        info.setCallCount(0L);
        Session session = new Session(cookie, info);
        Optional<Session> previous = byCookie.put(cookie, Optional.of(session));
        if (previous != null && previous.isPresent() && previous.get().active()) {
            end(previous.get()); // a second Login on one cookie replaces the session (not counted as a logout)
        }
        logins.incrementAndGet();
        return session;
    }

    Optional<Session> find(String cookie) {
        return cookie == null ? Optional.empty() : byCookie.getOrDefault(cookie, Optional.empty()).filter(Session::active);
    }

    /**
     * The session of a SOAP request; with random expiry on, the session may expire right here
     * (the request then runs unauthenticated, as after a server-side timeout).
     */
    Optional<Session> findForRequest(String cookie) {
        Optional<Session> found = find(cookie);
        RandomExpiry r = randomExpiry;
        if (found.isPresent() && r != null) {
            boolean expire;
            synchronized (r.random()) {
                expire = r.random().nextDouble() < r.probability();
            }
            if (expire && expire(found.get())) {
                return Optional.empty();
            }
        }
        return found;
    }

    boolean isActive(String sessionKey, String user) {
        return byCookie.values().stream().flatMap(Optional::stream)
                .anyMatch(s -> s.active() && s.userSession().getKey().equals(sessionKey)
                        && s.userSession().getUserName().equals(user));
    }

    void logout(Session session) {
        if (session.endOnce()) {
            logouts.incrementAndGet();
            onEnd.accept(session);
        }
        byCookie.remove(session.cookie());
    }

    /** Ends every session: the next call of each client fails with NotAuthenticated. Returns how many ended. */
    int expireAll() {
        int n = 0;
        for (Optional<Session> s : List.copyOf(byCookie.values())) {
            if (s.isPresent() && expire(s.get())) {
                n++;
            }
        }
        byCookie.clear();
        return n;
    }

    /** Ends the session of one logged-in user session key; false when it is not active. */
    boolean expire(Session session) {
        if (!session.endOnce()) {
            return false;
        }
        expiries.incrementAndGet();
        byCookie.remove(session.cookie());
        onEnd.accept(session);
        return true;
    }

    private void end(Session session) {
        if (session.endOnce()) {
            onEnd.accept(session);
        }
    }

    /** Expires each authenticated request's session with this probability (0 turns it off). */
    void expireAtRandom(double probability, long seed) {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be within [0, 1]: " + probability);
        }
        randomExpiry = probability == 0 ? null : new RandomExpiry(probability, new SplittableRandom(seed));
    }

    int activeCount() {
        return (int) byCookie.values().stream().flatMap(Optional::stream).filter(Session::active).count();
    }

    long logins() {
        return logins.get();
    }

    long failedLogins() {
        return failedLogins.get();
    }

    long logouts() {
        return logouts.get();
    }

    long expiries() {
        return expiries.get();
    }

    static VimFaultException notAuthenticated() {
        return new VimFaultException(new NotAuthenticated(), "The session is not authenticated.");
    }
}
