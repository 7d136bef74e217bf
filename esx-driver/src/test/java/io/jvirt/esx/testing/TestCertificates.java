package io.jvirt.esx.testing;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Self-signed server certificates made with the JDK's keytool, for TLS tests on loopback. */
public final class TestCertificates {
    public static final char[] PASSWORD = "changeit".toCharArray();

    private final Path keyStore;

    private TestCertificates(Path keyStore) {
        this.keyStore = keyStore;
    }

    /** A self-signed certificate with the given subjectAltName (e.g. {@code ip:127.0.0.1}). */
    public static TestCertificates selfSigned(Path dir, String san) throws IOException, InterruptedException {
        Path ks = dir.resolve("server-" + san.replaceAll("[^a-z0-9]", "_") + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=jvirt test server", "-ext", "san=" + san,
                "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", new String(PASSWORD),
                "-keypass", new String(PASSWORD))).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + out);
        }
        return new TestCertificates(ks);
    }

    /** Server-side TLS context. */
    public SSLContext serverContext() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    /** A trust store holding only this certificate (what a client would trust as "the CA"). */
    public KeyStore trustStore() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks.load(in, PASSWORD);
        }
        Certificate cert = ks.getCertificate("server");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", cert);
        return trust;
    }

    public Path keyStorePath() {
        return keyStore;
    }
}
