package io.jvirt.esx.transport;

import io.jvirt.esx.shared.EsxOptions;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.error.ErrorDomain;
import io.jvirt.spi.error.HypervisorException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Map;

/** TLS socket factories for one connection; never touches JVM-wide defaults. */
final class Tls {
    private Tls() {
    }

    /** Verifies the chain against {@code trustStore} (null = the JDK's CA certificates). */
    static SSLSocketFactory verifyingSocketFactory(KeyStore trustStore) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "Cannot set up TLS certificate verification: " + e.getMessage(), e);
        }
    }

    /**
     * Accepts any certificate and host name ({@code no_verify=1}). It must be an
     * {@link X509ExtendedTrustManager}: the JDK wraps a plain X509TrustManager and re-adds the
     * host-name check.
     */
    static SSLSocketFactory trustAllSocketFactory() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new TrustAll()}, null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "Cannot set up TLS without certificate verification: " + e.getMessage(), e);
        }
    }

    /**
     * Makes the JDK's TLS engine ready for a first connection, without connecting anywhere: reads
     * the JDK's CA certificates when {@code verifying} (the JDK keeps them for the connection's own
     * check) and initialises a throwaway context (the JSSE provider, its cipher suites and
     * algorithm constraints). Running a ClientHello and the handshake's key agreements here as well
     * cost more CPU than it saved: 0.465 against 0.450 s for a jvirsh {@code list --all} of 10 VMs,
     * 0.570 against 0.560 s at 1,000 (benchmarks/STARTUP.md, sixth round).
     */
    static void warmUp(boolean verifying) throws GeneralSecurityException {
        if (verifying) {
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm()).init((KeyStore) null);
        }
        SSLContext.getInstance("TLS").init(null, new TrustManager[] {new TrustAll()}, null); // never meets a server
    }

    /**
     * Accepts exactly the certificate with this SHA-1 (40 hex digits) or SHA-256 (64) thumbprint.
     */
    static SSLSocketFactory pinnedSocketFactory(String thumbprint) {
        String hex = thumbprint.replace(":", "").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        String algorithm = switch (hex.length()) {
            case 40 -> "SHA-1";
            case 64 -> "SHA-256";
            default -> null;
        };
        if (algorithm == null || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX, "Option '" + EsxOptions.THUMBPRINT
                    + "' has unexpected value '" + thumbprint + "' (should be a SHA-1 or SHA-256 thumbprint in hex)");
        }
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new Pinned(algorithm, java.util.HexFormat.of().parseHex(hex))}, null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new HypervisorException(ErrorCode.INTERNAL_ERROR, ErrorDomain.ESX,
                    "Cannot set up TLS with a pinned certificate: " + e.getMessage(), e);
        }
    }

    /** Accepts a server whose leaf certificate has the expected digest. */
    private static final class Pinned extends X509ExtendedTrustManager {
        private final String algorithm;
        private final byte[] expected;

        Pinned(String algorithm, byte[] expected) {
            this.algorithm = algorithm;
            this.expected = expected;
        }

        private void check(X509Certificate[] chain) throws java.security.cert.CertificateException {
            if (chain == null || chain.length == 0) {
                throw new java.security.cert.CertificateException("the server sent no certificate");
            }
            try {
                byte[] actual = java.security.MessageDigest.getInstance(algorithm).digest(chain[0].getEncoded());
                if (!java.security.MessageDigest.isEqual(actual, expected)) {
                    throw new java.security.cert.CertificateException("the server certificate's " + algorithm
                            + " thumbprint " + java.util.HexFormat.ofDelimiter(":").withUpperCase().formatHex(actual)
                            + " differs from the pinned one (" + EsxOptions.THUMBPRINT + ")");
                }
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new java.security.cert.CertificateException(e);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws java.security.cert.CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws java.security.cert.CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** The trust store named by the env options, or null for the JDK default. */
    static KeyStore trustStore(Map<String, ?> env) {
        Object value = env.get(EsxOptions.TRUST_STORE);
        if (value == null) {
            return null;
        }
        if (value instanceof KeyStore ks) {
            return ks;
        }
        Path path = value instanceof Path p ? p : Path.of(value.toString());
        Object pw = env.get(EsxOptions.TRUST_STORE_PASSWORD);
        char[] password = pw == null ? null : pw instanceof char[] c ? c : pw.toString().toCharArray();
        if (!Files.isReadable(path)) {
            throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                    "Cannot read trust store '" + path + "' (option " + EsxOptions.TRUST_STORE + ")");
        }
        for (String type : new String[] {"PKCS12", "JKS"}) {
            try (InputStream in = Files.newInputStream(path)) {
                KeyStore ks = KeyStore.getInstance(type);
                ks.load(in, password);
                return ks;
            } catch (IOException | GeneralSecurityException e) {
                // try the next type
            }
        }
        throw new HypervisorException(ErrorCode.INVALID_ARG, ErrorDomain.ESX,
                "Trust store '" + path + "' (option " + EsxOptions.TRUST_STORE
                        + ") is neither a PKCS#12 nor a JKS key store, or its password is wrong");
    }

    /** Trusts everything; used only when the user asked for {@code no_verify=1}. */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
