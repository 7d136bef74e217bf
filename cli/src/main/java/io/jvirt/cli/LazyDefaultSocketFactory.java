package io.jvirt.cli;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.NoSuchAlgorithmException;
import java.util.function.Supplier;

/**
 * jvirsh's default for {@link HttpsURLConnection}: the JDK's default TLS socket factory, made
 * only when something uses it. Every {@code HttpsURLConnection} starts with the default factory
 * (a field initialiser), and making the JDK's default reads and parses the JDK's CA
 * certificates: the largest CPU cost of a short jvirsh run after the C1 compiler (196 of 283
 * CPU samples of the TLS start-up thread, benchmarks/STARTUP.md, fifth round). The ESX driver
 * gives each of its connections a factory of its own (verifying with the trust store, pinned or
 * trusting all for {@code no_verify=1}) before connecting, so in jvirsh the default is never used
 * and, with this, never made. Installed by jvirsh's {@code main} for its own process only; the
 * library sets no JVM-wide default.
 */
final class LazyDefaultSocketFactory extends SSLSocketFactory {
    private final Supplier<SSLSocketFactory> maker;
    private volatile SSLSocketFactory made;

    LazyDefaultSocketFactory(Supplier<SSLSocketFactory> maker) {
        this.maker = maker;
    }

    /** Makes this the default of {@link HttpsURLConnection} in this process. */
    static void install() {
        HttpsURLConnection.setDefaultSSLSocketFactory(new LazyDefaultSocketFactory(LazyDefaultSocketFactory::jdkDefault));
    }

    private static SSLSocketFactory jdkDefault() {
        try {
            return SSLContext.getDefault().getSocketFactory();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no default TLS context", e);
        }
    }

    private SSLSocketFactory factory() {
        SSLSocketFactory f = made;
        if (f == null) {
            synchronized (this) {
                f = made;
                if (f == null) {
                    f = maker.get();
                    made = f;
                }
            }
        }
        return f;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return factory().getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return factory().getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
        return factory().createSocket();
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return factory().createSocket(s, host, port, autoClose);
    }

    @Override
    public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
        return factory().createSocket(s, consumed, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return factory().createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return factory().createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return factory().createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return factory().createSocket(address, port, localAddress, localPort);
    }
}
