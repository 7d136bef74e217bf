package io.jvirt.cli;

import io.jvirt.esx.EsxDriver;
import io.jvirt.spi.uri.ConnectionUri;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;
import java.util.Map;

/**
 * Start-up plumbing: when the command line will talk to a vSphere server, the SOAP client (the
 * vim25 type hierarchy, the XML parser and the classes of a typical answer) and, beside it, the
 * JDK's TLS engine (with the JDK's CA certificates when the connection will verify the server's)
 * and the handshake's cryptography are made ready on two more threads
 * while the main thread parses options and reads credentials. The decision reads the arguments
 * and environment the same way {@link Jvirsh} does, without parsing them; a wrong guess costs
 * only work, never a different result: the connection does the same work itself when it was not
 * done, and reports every error itself.
 */
final class StartupPrefetch {

    private StartupPrefetch() {
    }

    /**
     * Starts preparing on daemon threads when a vSphere connection is likely; returns at once.
     * Called first thing in {@code main}: nothing on this path uses a lambda, a method
     * reference, string concatenation or a logger, whose first use in a JVM sets up
     * {@code java.lang.invoke} or the logging back end (~0.1 s of interpreted start-up on the
     * main thread, benchmarks/STARTUP.md), so that the threads start before that work and the
     * two run side by side.
     */
    static void startIfUseful(String[] args, Map<String, String> env) {
        String uri = vsphereUri(args, env);
        if (uri == null) {
            return;
        }
        new Preparation(null).start();
        // The JDK's TLS engine, and the CA certificates when the connection will verify the
        // server's: ready when the first request is made. jvirsh's default TLS socket factory is
        // lazy (LazyDefaultSocketFactory), so the CA certificates are read only for such a connection.
        new Preparation(uri).start();
    }

    /** One piece of preparation on a daemon thread of its own: the SOAP model, or TLS for {@code uri}. */
    private static final class Preparation extends Thread {
        private final String uri;

        Preparation(String uri) {
            super(uri == null ? "jvirsh-prefetch-soap" : "jvirsh-prefetch-tls");
            this.uri = uri;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                if (uri == null) {
                    EsxDriver.prepare();
                } else {
                    if (verifiesServer(uri)) {
                        // the JDK's CA certificates, which the JDK then keeps for the connection's own check
                        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm()).init((KeyStore) null);
                    }
                    SSLContext engine = SSLContext.getInstance("TLS");
                    engine.init(null, new TrustManager[] {new NoTrust()}, null);
                    engine.createSSLEngine("localhost", 443).beginHandshake();
                    warmHandshakeCrypto();
                }
            } catch (RuntimeException | LinkageError | GeneralSecurityException | javax.net.ssl.SSLException e) {
                // the connection does this work again itself and reports what is wrong
                System.getLogger(StartupPrefetch.class.getName())
                        .log(System.Logger.Level.DEBUG, "Start-up preparation " + getName() + " failed", e);
            }
        }
    }

    /** A trust manager for the warm-up's throwaway context, which never meets a server. */
    private static final class NoTrust implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not for use");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not for use");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /**
     * Runs the cryptography of a TLS handshake once, so that the connection's own handshake finds
     * it compiled: a JDK client computes key shares for x25519 and secp256r1 in every TLS 1.3
     * ClientHello and agrees on one, and its first handshake in a fresh JVM ran that elliptic-curve
     * arithmetic in the interpreter (a quarter of the main thread's CPU samples in a
     * {@code list --all}, benchmarks/STARTUP.md). Keys made here are thrown away.
     */
    static void warmHandshakeCrypto() throws GeneralSecurityException {
        KeyPairGenerator x25519 = KeyPairGenerator.getInstance("X25519");
        KeyPair mine = x25519.generateKeyPair();
        KeyPair theirs = x25519.generateKeyPair();
        KeyAgreement agreement = KeyAgreement.getInstance("X25519");
        agreement.init(mine.getPrivate());
        agreement.doPhase(theirs.getPublic(), true);
        agreement.generateSecret();
        KeyPairGenerator p256 = KeyPairGenerator.getInstance("EC");
        p256.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ec = p256.generateKeyPair();
        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(ec.getPrivate());
        ecdh.doPhase(p256.generateKeyPair().getPublic(), true);
        ecdh.generateSecret();
        // record protection of TLS 1.3's usual cipher suite
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[16], "AES"), new GCMParameterSpec(128, new byte[12]));
        gcm.doFinal(new byte[8192]);
    }

    /**
     * True unless the URI asks not to verify the server's certificate ({@code no_verify=1}, the
     * parameter the driver reads), i.e. when the connection will need the JDK's CA certificates.
     */
    static boolean verifiesServer(String uri) {
        try {
            return !ConnectionUri.parse(uri).parameter("no_verify").map(v -> v.strip().equals("1")).orElse(false);
        } catch (RuntimeException e) {
            return true; // the connection reports what is wrong with the URI
        }
    }

    /**
     * The esx/gsx/vpx URI the global options (or the environment) name, the embedded
     * simulator's kind of URI for --sim, or null.
     */
    static String vsphereUri(String[] args, Map<String, String> env) {
        String uri = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--sim") || a.startsWith("--sim=")) {
                return "esx://127.0.0.1/?no_verify=1";
            } else if ((a.equals("-c") || a.equals("--connect")) && i + 1 < args.length) {
                uri = args[++i];
            } else if (a.startsWith("--connect=")) {
                uri = a.substring("--connect=".length());
            } else if (a.startsWith("-c") && a.length() > 2) {
                uri = a.substring(2);
            } else if (Jvirsh.WITH_VALUE.contains(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                break;
            }
        }
        if (uri == null) {
            uri = env.getOrDefault("VIRSH_DEFAULT_CONNECT_URI", "");
            if (uri.isEmpty()) {
                uri = env.getOrDefault("LIBVIRT_DEFAULT_URI", "");
            }
        }
        String scheme = uri.toLowerCase(Locale.ROOT);
        return scheme.startsWith("esx:") || scheme.startsWith("gsx:") || scheme.startsWith("vpx:") ? uri : null;
    }
}
