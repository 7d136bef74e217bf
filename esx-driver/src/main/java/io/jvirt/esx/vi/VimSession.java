package io.jvirt.esx.vi;

import io.jvirt.esx.transport.TransportConfig;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.auth.Secret;
import io.jvirt.vim25.AboutInfo;
import io.jvirt.vim25.ManagedObjectReference;
import io.jvirt.vim25.ObjectContent;
import io.jvirt.vim25.RetrieveOptions;
import io.jvirt.vim25.RetrieveResult;
import io.jvirt.vim25.ServiceContent;
import io.jvirt.vim25.VimPortType;
import io.jvirt.vim25.typing.XsiTypeFallback;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.handler.MessageContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One logged-in vSphere session (libvirt's "context"): a JAX-WS port with its own cookie jar,
 * TLS, proxy and timeouts; the server's {@link ServiceContent}; the credentials for a transparent
 * re-login; and an idle keepalive on the {@link SharedScheduler shared thread}.
 *
 * <p>Concurrency: no lock is held across a network call, so any number of threads run requests
 * on one session in parallel. When a request finds the session expired, one thread logs in again
 * while the others wait for that login (at most the connect plus request timeout) and then retry;
 * the cookie jar ({@link SessionCookies}) takes a new cookie only from the login, so late answers
 * to requests of the expired session cannot undo it. Reads made of several requests whose state
 * lives in the session (paged property reads) run through {@link #inOneSession} and restart
 * after a re-login.
 *
 * <p>A session that is never closed is logged out once it is unreachable (see
 * {@link SharedScheduler}); closing it is still the caller's job.
 */
public final class VimSession implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(VimSession.class.getName());
    /** A call is tried this often when the session turns out to be gone (one re-login each). */
    private static final int MAX_ATTEMPTS = 3;

    private final Core core;
    private final SharedScheduler.Registration registration;

    private VimSession(Core core, Duration keepaliveInterval) {
        this.core = core;
        this.registration = SharedScheduler.register(this, core::cleanUnreachable);
        if (!keepaliveInterval.isZero()) {
            long ms = Math.max(1, keepaliveInterval.toMillis());
            core.keepalive = registration.every(ms, () -> core.keepaliveTick(keepaliveInterval));
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
            Core core = new Core(host, sdkUrl, transport, c.username(), c.password(), settings.pageSize());
            return new VimSession(core, settings.keepalive());
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

    /** A user name and password; the password is owned (and wiped) by the session. */
    public record Credentials(String username, Secret password) {
        @Override
        public String toString() {
            return "Credentials[" + username + ", ****]";
        }
    }

    // ---- accessors -------------------------------------------------------------------------

    /** Objects per property-collector page. */
    public int pageSize() {
        return core.pageSize;
    }

    public String host() {
        return core.host;
    }

    public URL sdkUrl() {
        return core.sdkUrl;
    }

    public ServiceContent content() {
        return core.content;
    }

    public ProductLine productLine() {
        return core.productLine;
    }

    public long apiVersion() {
        return core.apiVersion;
    }

    public long productVersion() {
        return core.productVersion;
    }

    public String username() {
        return core.username;
    }

    public TransportConfig transport() {
        return core.transport;
    }

    /**
     * Counts logins: it changes whenever the session was renewed, so server-side objects bound to
     * the old session (property filters, collectors) are gone (used by the event watcher).
     */
    public long loginGeneration() {
        return core.generation;
    }

    /** Requests made so far, per SOAP method (and {@code GET} for file downloads). */
    public Map<String, Long> requestCounts() {
        Map<String, Long> copy = new TreeMap<>();
        core.requestCounts.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /**
     * True once this session made a call that the read client does not carry, so it also has a
     * port with every operation ({@link VimServiceHolder}); read-only work never needs one.
     */
    public boolean usesFullPort() {
        return core.ports.fullPortMade();
    }

    /** Total requests made so far. */
    public long requestCount() {
        return core.requestCounts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    // ---- calls -----------------------------------------------------------------------------

    /**
     * Runs one request. A {@code NotAuthenticated} answer (expired session) leads to one re-login
     * (shared with every other thread that noticed) and a retry; everything else is mapped by
     * {@link VimFaults}.
     */
    public <T> T call(String method, VimCall<T> call) {
        core.ensureOpen();
        NotAuthenticatedSignal last = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            long generation = core.awaitLogin();
            try {
                return core.invoke(method, call);
            } catch (NotAuthenticatedSignal e) {
                last = e;
            }
            core.relogin(generation);
        }
        throw core.stillNotAuthenticated(method, last);
    }

    /**
     * Runs several requests that must happen in one login session, such as a paged read whose
     * continuation tokens belong to the session that issued them. When the session expires
     * midway (a request is refused as not authenticated, or another thread logged in again), the
     * whole {@code body} runs again after the re-login; it must therefore not have effects outside
     * its result.
     */
    public <T> T inOneSession(Function<Requests, T> body) {
        core.ensureOpen();
        NotAuthenticatedSignal last = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            long generation = core.awaitLogin();
            try {
                return body.apply(new Requests(core, generation));
            } catch (NotAuthenticatedSignal e) {
                last = e;
            }
            core.relogin(generation);
        }
        throw core.stillNotAuthenticated("a paged read", last);
    }

    /** The requests of one {@link #inOneSession} attempt: each fails if the login changed. */
    public static final class Requests {
        private final Core core;
        private final long generation;

        private Requests(Core core, long generation) {
            this.core = core;
            this.generation = generation;
        }

        /** Runs one request of this login session (no re-login here: the whole body restarts). */
        public <T> T call(String method, VimCall<T> call) {
            core.ensureOpen();
            if (core.generation != generation) {
                throw new NotAuthenticatedSignal("logged in again since the first request of '" + method + "'", null);
            }
            return core.invoke(method, call);
        }

        /** True while the session these requests belong to is still the current one. */
        public boolean current() {
            return core.generation == generation && !core.closed;
        }
    }

    /** Thrown inside a call to say "the session is gone": {@link #call} logs in again once. */
    public static final class NotAuthenticatedSignal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NotAuthenticatedSignal(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    // ---- file transfer ---------------------------------------------------------------------

    /**
     * Downloads a file over HTTP(S) with the session cookie (e.g. a {@code .vmx} from
     * {@code /folder}); 200 and 206 are success. Re-logs in once on 401/403.
     */
    public byte[] download(URL url) {
        core.ensureOpen();
        Object result = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            long generation = core.awaitLogin();
            result = core.get(url);
            if (!(result instanceof Integer status && (status == 401 || status == 403))) {
                break;
            }
            core.relogin(generation);
        }
        if (result instanceof Integer status) {
            throw new HypervisorException(ErrorCode.HTTP_ERROR, ErrorDomain.ESX,
                    "HTTP response code " + status + " for download from '" + url + "'");
        }
        return (byte[]) result;
    }

    /**
     * An HTTP(S) connection to a file URL of this server (e.g. {@code /folder}) carrying the
     * session cookie, with this session's TLS, proxy and timeouts; counted under {@code method}.
     * The caller sends the request and disconnects. Used for streamed volume transfers.
     */
    public HttpURLConnection openFileConnection(URL url, String method) throws IOException {
        core.ensureOpen();
        core.awaitLogin();
        core.count(method);
        HttpURLConnection c = core.transport.open(url);
        c.setRequestMethod(method);
        c.setRequestProperty("Cookie", core.cookies.header());
        c.setRequestProperty("User-Agent", "jvirt-esx");
        return c;
    }

    /**
     * Logs in again if the session expired: one read of {@code SessionManager.currentSession},
     * which servers answer without a session (null when not logged in). Used before a streamed
     * upload, whose body cannot be sent twice, and after a file request was refused with 401/403.
     */
    public void ensureLoggedIn() {
        long generation = core.awaitLogin();
        if (!core.sessionActive()) {
            core.relogin(generation);
        }
    }

    /**
     * Uploads a file over HTTP(S) with the session cookie (HTTP PUT, e.g. a {@code .vmx} to
     * {@code /folder}); 200 and 201 are success. Re-logs in once on 401/403.
     */
    public void upload(URL url, byte[] body) {
        core.ensureOpen();
        int status = 0;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            long generation = core.awaitLogin();
            status = core.put(url, body);
            if (status != 401 && status != 403) {
                break;
            }
            core.relogin(generation);
        }
        if (status != 200 && status != 201) {
            throw new HypervisorException(ErrorCode.HTTP_ERROR, ErrorDomain.ESX,
                    "HTTP response code " + status + " for upload to '" + url + "'");
        }
    }

    // ---- lifecycle -------------------------------------------------------------------------

    public boolean isOpen() {
        return !core.closed;
    }

    /**
     * Stops the keepalive, logs out (best effort) and wipes the password; the last session to
     * close ends the shared scheduler thread. Calls made after (or racing with) close fail with
     * {@code CONNECTION_CLOSED}; none of them can log in again. Never waits for another thread's
     * request or login: a login still running logs itself out when it returns.
     */
    @Override
    public void close() {
        core.shutdown();
        registration.release();
    }

    static ManagedObjectReference serviceInstance() {
        return Mor.of("ServiceInstance", "ServiceInstance");
    }

    @Override
    public String toString() {
        return "VimSession[" + core.sdkUrl + ", user=" + core.username + ", " + core.productLine + "]";
    }

    /**
     * Everything a session needs to make requests and to be logged out. It never references the
     * {@link VimSession} that owns it, so the shared thread's keepalive and clean-up, which hold
     * the core, do not keep an abandoned session reachable.
     */
    static final class Core {
        private final String host;
        private final URL sdkUrl;
        private final TransportConfig transport;
        private final SessionCookies cookies = new SessionCookies();
        private final VimPorts ports;
        private final VimPortType port;
        private final ServiceContent content;
        private final ProductLine productLine;
        private final long apiVersion;
        private final long productVersion;
        private final String username;
        private final Secret password;
        private final int pageSize;
        private final Duration loginWait;
        private final String soapAction;
        private final Map<String, LongAdder> requestCounts = new ConcurrentHashMap<>();
        private final AtomicBoolean loggedOut = new AtomicBoolean();
        /** Guards {@link #loginInProgress}, {@link #generation} changes and {@link #closed}; never held across a request. */
        private final Object monitor = new Object();
        private CompletableFuture<Void> loginInProgress;
        private volatile long generation;
        private volatile boolean closed;
        private volatile long lastUseNanos = System.nanoTime();
        private volatile ScheduledFuture<?> keepalive;

        Core(String host, URL sdkUrl, TransportConfig transport, String username, Secret password, int pageSize) {
            this.host = host;
            this.sdkUrl = sdkUrl;
            this.transport = transport;
            this.username = username;
            this.password = password;
            this.pageSize = pageSize;
            this.loginWait = transport.connectTimeout().plus(transport.requestTimeout()).plusSeconds(5);
            this.ports = new VimPorts(host, sdkUrl, transport, cookies, XsiTypeFallback.create());
            this.port = ports.port();
            ports.put(BindingProvider.SOAPACTION_URI_PROPERTY, "urn:vim25");
            if (SoapTrace.enabled()) {
                ports.handlers(List.of(new SoapTrace(host)));
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
            this.soapAction = "urn:vim25/" + about.getApiVersion();
            ports.put(BindingProvider.SOAPACTION_URI_PROPERTY, soapAction);
            login();
        }

        void ensureOpen() {
            if (closed) {
                throw new HypervisorException(ErrorCode.CONNECTION_CLOSED, ErrorDomain.ESX,
                        "The connection to '" + host + "' is closed");
            }
        }

        void count(String method) {
            requestCounts.computeIfAbsent(method, k -> new LongAdder()).increment();
            lastUseNanos = System.nanoTime();
        }

        <T> T invoke(String method, VimCall<T> call) {
            count(method);
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

        HypervisorException stillNotAuthenticated(String what, NotAuthenticatedSignal last) {
            return new HypervisorException(ErrorCode.AUTH_FAILED, ErrorDomain.ESX,
                    "Call to '" + what + "' on '" + host + "' was refused as not authenticated even after"
                            + " logging in again as '" + username + "'", last == null ? null : last.getCause());
        }

        private void login() {
            count("Login");
            try {
                SoapLogin.login(host, sdkUrl, soapAction, transport, cookies, content.getSessionManager(), username, password);
            } catch (HypervisorException e) {
                if (e.code() == ErrorCode.AUTH_FAILED) {
                    throw new HypervisorException(ErrorCode.AUTH_FAILED, ErrorDomain.ESX,
                            "Cannot log in to '" + host + "' as '" + username
                                    + "': the server rejected the user name or password");
                }
                throw e;
            }
            synchronized (monitor) {
                generation++;
            }
        }

        /** The login generation to retry under, after waiting for a re-login in progress. */
        long awaitLogin() {
            CompletableFuture<Void> f;
            synchronized (monitor) {
                f = loginInProgress;
            }
            if (f != null) {
                await(f);
            }
            return generation;
        }

        /**
         * Logs in again unless another thread already did since {@code seenGeneration}. One
         * thread sends the Login; the others wait for it, at most {@link #loginWait}.
         */
        void relogin(long seenGeneration) {
            CompletableFuture<Void> f;
            boolean mine = false;
            synchronized (monitor) {
                ensureOpen();
                if (generation != seenGeneration) {
                    return;
                }
                f = loginInProgress;
                if (f == null) {
                    f = new CompletableFuture<>();
                    loginInProgress = f;
                    mine = true;
                }
            }
            if (!mine) {
                await(f);
                return;
            }
            RuntimeException failure = null;
            try {
                LOG.log(System.Logger.Level.INFO, "Session on ''{0}'' expired, logging in again as ''{1}''", host, username);
                login();
            } catch (RuntimeException e) {
                failure = e;
            }
            boolean closedMeanwhile;
            synchronized (monitor) {
                loginInProgress = null;
                closedMeanwhile = closed;
            }
            if (failure != null) {
                f.completeExceptionally(failure);
                throw failure;
            }
            if (closedMeanwhile) {
                logout(); // close() saw this login running and left the logout to it
                f.completeExceptionally(closedException());
                throw closedException();
            }
            f.complete(null);
        }

        private void await(CompletableFuture<Void> f) {
            try {
                f.get(loginWait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new HypervisorException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.ESX,
                        "Waited " + loginWait.toSeconds() + " s for the login to '" + host + "' to finish");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HypervisorException(ErrorCode.OPERATION_FAILED, ErrorDomain.ESX,
                        "Interrupted while waiting for the login to '" + host + "'");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof HypervisorException h) {
                    throw new HypervisorException(h.code(), h.domain(), h.getMessage(), h);
                }
                throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                        "The login to '" + host + "' failed: " + e.getCause(), e.getCause());
            }
        }

        private HypervisorException closedException() {
            return new HypervisorException(ErrorCode.CONNECTION_CLOSED, ErrorDomain.ESX,
                    "The connection to '" + host + "' is closed");
        }

        /** Whether the server still knows this session ({@code SessionManager.currentSession}). */
        boolean sessionActive() {
            ManagedObjectReference sessionManager = content.getSessionManager();
            RetrieveOptions options = new RetrieveOptions();
            options.setMaxObjects(1);
            try {
                RetrieveResult r = invoke("RetrievePropertiesEx", p -> p.retrievePropertiesEx(content.getPropertyCollector(),
                        List.of(Specs.filter(Specs.from(sessionManager, false),
                                Specs.props(sessionManager.getType(), "currentSession"))), options));
                if (r == null || r.getObjects().isEmpty()) {
                    return false;
                }
                ObjectContent oc = r.getObjects().get(0);
                if (VimFaults.notAuthenticated(oc.getMissingSet()).isPresent()) {
                    return false;
                }
                return PropertyReader.toProps(oc).get("currentSession").isPresent();
            } catch (NotAuthenticatedSignal e) {
                return false;
            }
        }

        /**
         * When idle, reads {@code SessionManager.currentSession} (a request that touches the
         * session, like libvirt's EnsureSession); if the server says there is none, logs in
         * again now rather than on the caller's next request.
         */
        void keepaliveTick(Duration interval) {
            if (closed || System.nanoTime() - lastUseNanos < interval.toNanos() * 9 / 10) {
                return;
            }
            try {
                long seen = awaitLogin();
                if (!sessionActive() && !closed) {
                    relogin(seen);
                }
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "Keepalive request to ''{0}'' failed: {1}", host, e.getMessage());
                }
            }
        }

        /** Closes: no new requests or logins, keepalive stopped, logged out, password wiped. */
        void shutdown() {
            CompletableFuture<Void> running;
            synchronized (monitor) {
                if (closed) {
                    return;
                }
                closed = true;
                running = loginInProgress;
            }
            ScheduledFuture<?> k = keepalive;
            if (k != null) {
                k.cancel(false);
            }
            if (running == null) {
                logout();
            }
            password.clear();
        }

        /** The clean-up of a session nobody closed (runs on the shared thread). */
        void cleanUnreachable() {
            if (!closed) {
                LOG.log(System.Logger.Level.WARNING,
                        "A connection to ''{0}'' was not closed before it became unreachable; logging out", host);
                shutdown();
            }
        }

        private void logout() {
            if (!loggedOut.compareAndSet(false, true)) {
                return;
            }
            try {
                // The last request of the session: the server closes the socket after answering,
                // instead of the JDK keeping it idle in its keep-alive cache for 5 more seconds
                // (a closed connection leaves no socket open). Set on the port's request context,
                // which only a request started during close() could share.
                ports.put(MessageContext.HTTP_REQUEST_HEADERS, Map.of("Connection", List.of("close")));
                invoke("Logout", p -> {
                    p.logout(content.getSessionManager());
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Logout from ''{0}'' failed: {1}", host, e.getMessage());
            }
        }

        /** The body, or the HTTP status when it is not 200/206. */
        Object get(URL url) {
            count("GET");
            HttpURLConnection c = null;
            try {
                c = transport.open(url);
                c.setRequestProperty("Cookie", cookies.header());
                c.setRequestProperty("User-Agent", "jvirt-esx");
                int status = c.getResponseCode();
                if (status != 200 && status != 206) {
                    return status;
                }
                try (InputStream in = c.getInputStream()) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    in.transferTo(out);
                    long expected = c.getContentLengthLong();
                    if (expected >= 0 && out.size() != expected) {
                        // the JDK ends a cut fixed-length body quietly: a short .vmx must not pass as whole
                        throw new HypervisorException(ErrorCode.RPC_FAILED, ErrorDomain.ESX, "Download of '"
                                + url.getPath() + "' from '" + host + "' ended after " + out.size() + " of "
                                + expected + " bytes");
                    }
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

        int put(URL url, byte[] body) {
            count("PUT");
            HttpURLConnection c = null;
            try {
                c = transport.open(url);
                c.setRequestMethod("PUT");
                c.setDoOutput(true);
                c.setFixedLengthStreamingMode(body.length);
                c.setRequestProperty("Cookie", cookies.header());
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
    }
}
