package io.jvirt.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The test TLS identities shipped with the simulator (made with keytool, SAN
 * {@code ip:127.0.0.1,dns:localhost}): a self-signed server certificate, or a server certificate
 * signed by a test CA. Gives the server's SSLContext and trust stores for clients.
 */
public final class TlsMaterial {

    private static final String BASE = "/io/jvirt/simulator/tls/";
    private static final char[] PASSWORD = "changeit".toCharArray();

    private final KeyStore keyStore;
    private final X509Certificate serverCertificate;
    private final X509Certificate trustAnchor;

    private TlsMaterial(KeyStore keyStore, X509Certificate trustAnchor) throws GeneralSecurityException {
        this.keyStore = keyStore;
        this.serverCertificate = (X509Certificate) keyStore.getCertificate("server");
        this.trustAnchor = trustAnchor == null ? serverCertificate : trustAnchor;
    }

    /** A self-signed server certificate; clients trust the certificate itself. */
    public static TlsMaterial selfSigned() {
        try {
            return new TlsMaterial(load("self-signed-server.p12"), null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server certificate signed by the test CA; clients trust {@link #caCertificate()}. */
    public static TlsMaterial caSigned() {
        try {
            return new TlsMaterial(load("ca-signed-server.p12"), caCertificate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test CA's certificate. */
    public static X509Certificate caCertificate() {
        try (InputStream in = resource("ca.pem")) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public X509Certificate serverCertificate() {
        return serverCertificate;
    }

    /** What a client must trust: the self-signed certificate, or the CA. */
    public X509Certificate trustAnchor() {
        return trustAnchor;
    }

    /** A PKCS12 trust store holding {@link #trustAnchor()}. */
    public KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("trusted", trustAnchor);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client SSLContext trusting only {@link #trustAnchor()}. */
    public SSLContext clientContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's SSLContext. */
    public SSLContext serverContext() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server certificate's thumbprint, upper-case hex pairs joined by ':' ("SHA-1" or "SHA-256"). */
    public String thumbprint(String algorithm) {
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(serverCertificate.getEncoded());
            return HexFormat.ofDelimiter(":").formatHex(digest).toUpperCase(Locale.ROOT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(String name) throws GeneralSecurityException {
        try (InputStream in = resource(name)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = TlsMaterial.class.getResourceAsStream(BASE + name);
        if (in == null) {
            throw new IOException("missing test TLS resource " + BASE + name);
        }
        return in;
    }
}
