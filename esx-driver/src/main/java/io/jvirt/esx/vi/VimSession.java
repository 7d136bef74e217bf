package io.jvirt.esx.vi;

import com.sun.xml.ws.developer.HttpConfigFeature;
import io.jvirt.esx.transport.TransportConfig;
import io.jvirt.spi.ErrorCode;
import io.jvirt.spi.ErrorDomain;
import io.jvirt.spi.HypervisorException;
import io.jvirt.spi.auth.Secret;
import io.jvirt.vim25.AboutInfo;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.ServiceContent;
import io.jvirt.vim25.VimPortType;
import jakarta.xml.ws.BindingProvider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * One logged-in vSphere session (libvirt's "context"): a JAX-WS port with its own cookie store,
 * TLS, proxy and timeouts; the server's {@link ServiceContent}; the credentials for a transparent
 * re-login; and an idle keepalive. Safe for concurrent callers: the port's request context is
 * set up once before any call, the cookie store is thread-safe, and a re-login happens once per
 * expired session however many threads notice it.
 */
public final class VimSession implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(VimSession.class.getName());
    private static final String SOAPACTION_USE = BindingProvider.SOAPACTION_USE_PROPERTY;
    private static final String SOAPACTION_URI = BindingProvider.SOAPACTION_URI_PROPERTY;

    private final String host;
    private final URL sdkUrl;
    private final TransportConfig transport;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final VimPortType port;
    private final ServiceContent content;
    private final ProductLine productLine;
    private final long apiVersion;
    private final long productVersion;
    private final String username;
    private final Secret password;
    private final AtomicLong loginGeneration = new AtomicLong();
    /**
     * Calls hold the read side (they run concurrently); a re-login holds the write side, so it
     * starts only when no request is in flight: no late answer to a request of the expired
     * session can then replace the new session cookie with a fresh unauthenticated one (servers
     * hand one out with every request that lacks a valid cookie).
     */
    private final ReentrantReadWriteLock sessionLock = new ReentrantReadWriteLock(true);
    private final Map<String, LongAdder> requestCounts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService keepalive;
    private final int pageSize;
    /** A call is tried this often when the session turns out to be gone (one re-login each). */
    private static final int MAX_ATTEMPTS = 3;
    private volatile long lastUseNanos = System.nanoTime();
    private volatile boolean closed;

    private VimSession(String host, URL sdkUrl, TransportConfig transport, String username, Secret password,
                       Settings settings) {
        Duration keepaliveInterval = settings.keepalive();
        this.pageSize = settings.pageSize();
        this.host = host;
        this.sdkUrl = sdkUrl;
        this.transport = transport;
        this.username = username;
        this.password = password;
        this.port = VimServiceHolder.service().getVimPort(new HttpConfigFeature(cookies));
        Map<String, Object> rc = ((BindingProvider) port).getRequestContext();
        rc.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, sdkUrl.toString());
        rc.put(BindingProvider.SESSION_MAINTAIN_PROPERTY, Boolean.TRUE);
        rc.put(SOAPACTION_USE, Boolean.TRUE);
        rc.put(SOAPACTION_URI, "urn:vim25");
        transport.applyTo(rc);
        if (SoapTrace.enabled()) {
            ((BindingProvider) port).getBinding().setHandlerChain(List.of(new SoapTrace(host)));
        }

        ServiceContent sc = invoke("RetrieveServiceContent", p -> p.retrieveServiceContent(serviceInstance()));
        AboutInfo about = sc.getAbout();
        if (about == null) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "Server '" + host + "' returned a ServiceContent without 'about' information");
        }
        this.productLine = ProductLine.check(about.getApiType(), about.getApiVersion(), about.getProductLineId(),
                about.getVersion());
        this.apiVersion = VersionNumber.parse(about.getApiVersion()).orElseThrow();
        this.productVersion = VersionNumber.parse(about.getVersion()).orElseThrow();
        this.content = sc;
        // Real vCenters choose the API version by SOAPAction; set before any concurrent use.
        rc.put(SOAPACTION_URI, "urn:vim25/" + about.getApiVersion());
        login();
        if (keepaliveInterval.isZero()) {
            this.keepalive = null;
        } else {
            this.keepalive = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "esx-keepalive-" + host);
                t.setDaemon(true);
                return t;
            });
            long ms = Math.max(1, keepaliveInterval.toMillis());
            keepalive.scheduleWithFixedDelay(() -> keepaliveTick(keepaliveInterval), ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Connects and logs in (two requests: RetrieveServiceContent, Login).
     *
     * @param host        the server name, for messages
     * @param sdkUrl      {@code <transport>://<host>:<port>/sdk}
     * @param transport   TLS, proxy and timeouts
     * @param credentials asked for user name and password before the first request, like libvirt
     */
    public static VimSession connect(String host, URL sdkUrl, TransportConfig transport,
                                     Supplier<Credentials> credentials, Settings settings) {
        Credentials c = null;
        try {
            c = credentials.get();
            return new VimSession(host, sdkUrl, transport, c.username(), c.password(), settings);
        } catch (RuntimeException e) {
            if (c != null) {
                c.password().clear();
            }
            throw e;
        }
    }

    /**
     * Session behaviour.
     *
     * @param keepalive idle time after which a keepalive request is sent; zero disables it
     * @param pageSize  objects per property-collector page asked from the server
     */
    public record Settings(Duration keepalive, int pageSize) {
        public Settings {
            if (pageSize < 1) {
                throw new IllegalArgumentException("pageSize must be positive: " + pageSize);
            }
        }
    }

    /** Objects per property-collector page. */
    public int pageSize() {
        return pageSize;
    }

    /** A user name and password; the password is owned (and wiped) by the session. */
    public record Credentials(String username, Secret password) {
        @Override
        public String toString() {
            return "Credentials[" + username + ", ****]";
        }
    }

    // ---- accessors -------------------------------------------------------------------------

    public String host() {
        return host;
    }

    public URL sdkUrl() {
        return sdkUrl;
    }

    public ServiceContent content() {
        return content;
    }

    public ProductLine productLine() {
        return productLine;
    }

    public long apiVersion() {
        return apiVersion;
    }

    public long productVersion() {
        return productVersion;
    }

    public String username() {
        return username;
    }

    public TransportConfig transport() {
        return transport;
    }

    /**
     * Counts logins: it changes whenever the session was renewed, so server-side objects bound to
     * the old session (property filters, collectors) are gone (used by the event watcher).
     */
    public long loginGeneration() {
        return loginGeneration.get();
    }

    /** Requests made so far, per SOAP method (and {@code GET} for file downloads). */
    public Map<String, Long> requestCounts() {
        Map<String, Long> copy = new TreeMap<>();
        requestCounts.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /** Total requests made so far. */
    public long requestCount() {
        return requestCounts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    // ---- calls -----------------------------------------------------------------------------

    /**
     * Runs one request. A {@code NotAuthenticated} answer (expired session) triggers one
     * re-login and one retry; everything else is mapped by {@link VimFaults}.
     */
    public <T> T call(String method, VimCall<T> call) {
        ensureOpen();
        NotAuthenticatedSignal last = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            sessionLock.readLock().lock();
            long generation = loginGeneration.get();
            try {
                return invoke(method, call);
            } catch (NotAuthenticatedSignal e) {
                last = e;
            } finally {
                sessionLock.readLock().unlock();
            }
            relogin(generation);
        }
        throw new HypervisorException(ErrorCode.AUTH_FAILED, ErrorDomain.ESX,
                "Call to '" + method + "' on '" + host + "' was refused as not authenticated even after"
                        + " logging in again as '" + username + "'", last.getCause());
    }

    /** Thrown inside a call to say "the session is gone": {@link #call} logs in again once. */
    public static final class NotAuthenticatedSignal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NotAuthenticatedSignal(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    private <T> T invoke(String method, VimCall<T> call) {
        requestCounts.computeIfAbsent(method, k -> new LongAdder()).increment();
        lastUseNanos = System.nanoTime();
        try {
            return call.call(port);
        } catch (NotAuthenticatedSignal | HypervisorException e) {
            throw e;
        } catch (Exception e) {
            if (VimFaults.isNotAuthenticated(e) && !"Login".equals(method)) {
                throw new NotAuthenticatedSignal(method, e);
            }
            throw VimFaults.map(host, method, e);
        }
    }

    private void login() {
        try {
            invoke("Login", p -> p.login(content.getSessionManager(), username, password.reveal(), null));
        } catch (HypervisorException e) {
            if (e.code() == ErrorCode.AUTH_FAILED) {
                throw new HypervisorException(ErrorCode.AUTH_FAILED, ErrorDomain.ESX,
                        "Cannot log in to '" + host + "' as '" + username
                                + "': the server rejected the user name or password");
            }
            throw e;
        }
        loginGeneration.incrementAndGet();
    }

    /**
     * Logs in again unless another thread already did since {@code seenGeneration}; waits until
     * no request is in flight (see {@link #sessionLock}).
     */
    private void relogin(long seenGeneration) {
        sessionLock.writeLock().lock();
        try {
            ensureOpen();
            if (loginGeneration.get() == seenGeneration) {
                LOG.log(System.Logger.Level.INFO, "Session on ''{0}'' expired, logging in again as ''{1}''", host, username);
                login();
            }
        } finally {
            sessionLock.writeLock().unlock();
        }
    }

    /**
     * When idle, reads {@code SessionManager.currentSession} (a request that touches the session,
     * like libvirt's EnsureSession); if the server says there is none, logs in again now rather
     * than on the caller's next request.
     */
    private void keepaliveTick(Duration interval) {
        if (closed || System.nanoTime() - lastUseNanos < interval.toNanos() * 9 / 10) {
            return;
        }
        try {
            long generation = loginGeneration.get();
            ManagedObjectReference sessionManager = content.getSessionManager();
            List<ObjectProps> result = PropertyReader.retrieve(this, Specs.filter(Specs.from(sessionManager, false),
                    Specs.props(sessionManager.getType(), "currentSession")));
            boolean active = !result.isEmpty() && result.get(0).get("currentSession").isPresent();
            if (!active && !closed) {
                relogin(generation);
            }
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.log(System.Logger.Level.WARNING, "Keepalive request to ''{0}'' failed: {1}", host, e.getMessage());
            }
        }
    }

    // ---- file transfer ---------------------------------------------------------------------

    /**
     * Downloads a file over HTTP(S) with the session cookie (e.g. a {@code .vmx} from
     * {@code /folder}); 200 and 206 are success. Re-logs in once on 401/403.
     */
    public byte[] download(URL url) {
        ensureOpen();
        Object result = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            sessionLock.readLock().lock();
            long generation = loginGeneration.get();
            try {
                result = get(url);
            } finally {
                sessionLock.readLock().unlock();
            }
            if (!(result instanceof Integer status && (status == 401 || status == 403))) {
                break;
            }
            relogin(generation);
        }
        if (result instanceof Integer status) {
            throw new HypervisorException(ErrorCode.HTTP_ERROR, ErrorDomain.ESX,
                    "HTTP response code " + status + " for download from '" + url + "'");
        }
        return (byte[]) result;
    }

    /** The body, or the HTTP status when it is not 200/206. */
    private Object get(URL url) {
        requestCounts.computeIfAbsent("GET", k -> new LongAdder()).increment();
        lastUseNanos = System.nanoTime();
        HttpURLConnection c = null;
        try {
            c = transport.open(url);
            c.setRequestProperty("Cookie", cookieHeader());
            c.setRequestProperty("User-Agent", "jvirt-esx");
            int status = c.getResponseCode();
            if (status != 200 && status != 206) {
                return status;
            }
            try (InputStream in = c.getInputStream()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw VimFaults.map(host, "GET " + url.getPath(), e);
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    /**
     * An HTTP(S) connection to a file URL of this server (e.g. {@code /folder}) carrying the
     * session cookie, with this session's TLS, proxy and timeouts; counted under {@code method}.
     * The caller sends the request and disconnects. Used for streamed volume transfers.
     */
    public HttpURLConnection openFileConnection(URL url, String method) throws IOException {
        ensureOpen();
        requestCounts.computeIfAbsent(method, k -> new LongAdder()).increment();
        lastUseNanos = System.nanoTime();
        HttpURLConnection c = transport.open(url);
        c.setRequestMethod(method);
        c.setRequestProperty("Cookie", cookieHeader());
        c.setRequestProperty("User-Agent", "jvirt-esx");
        return c;
    }

    /**
     * Logs in again if the session expired: one read of {@code SessionManager.currentSession},
     * which servers answer without a session (null when not logged in). Used before a streamed
     * upload, whose body cannot be sent twice, and after a file request was refused with 401/403.
     */
    public void ensureLoggedIn() {
        long generation = loginGeneration.get();
        java.util.List<ObjectProps> result = PropertyReader.retrieve(this, Specs.filter(
                Specs.from(content.getSessionManager(), false), Specs.props("SessionManager", "currentSession")));
        if (result.isEmpty() || result.get(0).get("currentSession").isEmpty()) {
            relogin(generation);
        }
    }

    /**
     * Uploads a file over HTTP(S) with the session cookie (HTTP PUT, e.g. a {@code .vmx} to
     * {@code /folder}); 200 and 201 are success. Re-logs in once on 401/403.
     */
    public void upload(URL url, byte[] body) {
        ensureOpen();
        int status = 0;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            sessionLock.readLock().lock();
            long generation = loginGeneration.get();
            try {
                status = put(url, body);
            } finally {
                sessionLock.readLock().unlock();
            }
            if (status != 401 && status != 403) {
                break;
            }
            relogin(generation);
        }
        if (status != 200 && status != 201) {
            throw new HypervisorException(ErrorCode.HTTP_ERROR, ErrorDomain.ESX,
                    "HTTP response code " + status + " for upload to '" + url + "'");
        }
    }

    private int put(URL url, byte[] body) {
        requestCounts.computeIfAbsent("PUT", k -> new LongAdder()).increment();
        lastUseNanos = System.nanoTime();
        HttpURLConnection c = null;
        try {
            c = transport.open(url);
            c.setRequestMethod("PUT");
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(body.length);
            c.setRequestProperty("Cookie", cookieHeader());
            c.setRequestProperty("User-Agent", "jvirt-esx");
            c.setRequestProperty("Content-Type", "application/octet-stream");
            try (var out = c.getOutputStream()) {
                out.write(body);
            }
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                if (in != null) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            return status;
        } catch (IOException e) {
            throw VimFaults.map(host, "PUT " + url.getPath(), e);
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    private String cookieHeader() {
        StringBuilder sb = new StringBuilder();
        for (HttpCookie cookie : cookies.getCookieStore().get(URI.create(sdkUrl.getProtocol() + "://" + sdkUrl.getHost()))) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(cookie.getName()).append('=').append(cookie.getValue());
        }
        if (sb.length() == 0) {
            for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append(cookie.getName()).append('=').append(cookie.getValue());
            }
        }
        return sb.toString();
    }

    // ---- lifecycle -------------------------------------------------------------------------

    public boolean isOpen() {
        return !closed;
    }

    private void ensureOpen() {
        if (closed) {
            throw new HypervisorException(ErrorCode.CONNECTION_CLOSED, ErrorDomain.ESX,
                    "The connection to '" + host + "' is closed");
        }
    }

    /**
     * Stops the keepalive, logs out (best effort) and wipes the password. Calls made after (or
     * racing with) close fail with {@code CONNECTION_CLOSED}; none of them can log in again.
     */
    @Override
    public void close() {
        sessionLock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            sessionLock.writeLock().unlock();
        }
        if (keepalive != null) {
            keepalive.shutdownNow();
        }
        try {
            invoke("Logout", p -> {
                p.logout(content.getSessionManager());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Logout from ''{0}'' failed: {1}", host, e.getMessage());
        } finally {
            password.clear();
            if (keepalive != null) {
                try {
                    if (!keepalive.awaitTermination(5, TimeUnit.SECONDS)) {
                        LOG.log(System.Logger.Level.WARNING, "Keepalive of ''{0}'' did not stop within 5 s", host);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    static ManagedObjectReference serviceInstance() {
        return Mor.of("ServiceInstance", "ServiceInstance");
    }

    @Override
    public String toString() {
        return "VimSession[" + sdkUrl + ", user=" + username + ", " + productLine + "]";
    }
}
