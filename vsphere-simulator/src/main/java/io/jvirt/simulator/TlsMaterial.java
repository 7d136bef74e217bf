package io.jvirt.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS identity for the simulator, made in memory when asked for (nothing is read from files,
 * so no private key or password ships with the simulator): a self-signed server certificate, or
 * a server certificate signed by a certificate authority made with it. Both name
 * {@code localhost} and {@code 127.0.0.1}. Gives the server's SSLContext and, for clients, the
 * certificate to trust, a trust store and a client SSLContext.
 */
public final class TlsMaterial {

    private final KeyStore keyStore;
    private final char[] keyPassword;
    private final X509Certificate serverCertificate;
    private final X509Certificate trustAnchor;

    private TlsMaterial(CertificateMaker.Issued server, CertificateMaker.Issued authority) throws GeneralSecurityException {
        this.serverCertificate = server.certificate();
        this.trustAnchor = authority == null ? serverCertificate : authority.certificate();
        // the key store exists only in this object; its password is random and never shown
        this.keyPassword = randomPassword();
        this.keyStore = KeyStore.getInstance("PKCS12");
        try {
            keyStore.load(null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Certificate[] chain = authority == null
                ? new Certificate[] {serverCertificate}
                : new Certificate[] {serverCertificate, authority.certificate()};
        keyStore.setKeyEntry("server", server.keys().getPrivate(), keyPassword, chain);
    }

    /** A new self-signed server certificate; clients trust the certificate itself. */
    public static TlsMaterial selfSigned() {
        try {
            return new TlsMaterial(CertificateMaker.server(null), null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a self-signed certificate: " + e.getMessage(), e);
        }
    }

    /**
     * A new server certificate signed by a new certificate authority; clients trust the
     * authority ({@link #trustAnchor()}).
     */
    public static TlsMaterial caSigned() {
        try {
            CertificateMaker.Issued authority = CertificateMaker.certificateAuthority("jvirt vSphere simulator test CA");
            return new TlsMaterial(CertificateMaker.server(authority), authority);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a CA-signed certificate: " + e.getMessage(), e);
        }
    }

    public X509Certificate serverCertificate() {
        return serverCertificate;
    }

    /** What a client must trust: the self-signed certificate, or the certificate authority. */
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
            keys.init(keyStore, keyPassword);
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

    private static char[] randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).toCharArray();
    }
}
