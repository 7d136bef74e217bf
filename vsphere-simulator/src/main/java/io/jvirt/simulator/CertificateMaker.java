package io.jvirt.simulator;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Makes X.509 certificates in memory with public JDK API only (the JDK has no public certificate
 * builder, so the few DER structures of RFC 5280 are written here): EC P-256 keys, ECDSA with
 * SHA-256, valid from an hour ago for a year. Server certificates name {@code localhost} and
 * {@code 127.0.0.1} (the simulator listens on loopback only), so clients can verify host names.
 */
final class CertificateMaker {

    /** A key pair and the certificate of its public key. */
    record Issued(KeyPair keys, X509Certificate certificate) {
    }

    private static final byte[] ECDSA_WITH_SHA256 = oid(1, 2, 840, 10045, 4, 3, 2);
    private static final byte[] COMMON_NAME = oid(2, 5, 4, 3);
    private static final byte[] BASIC_CONSTRAINTS = oid(2, 5, 29, 19);
    private static final byte[] KEY_USAGE = oid(2, 5, 29, 15);
    private static final byte[] EXTENDED_KEY_USAGE = oid(2, 5, 29, 37);
    private static final byte[] SUBJECT_ALT_NAME = oid(2, 5, 29, 17);
    private static final byte[] SERVER_AUTH = oid(1, 3, 6, 1, 5, 5, 7, 3, 1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateMaker() {
    }

    /** A certificate authority: self-signed, may sign certificates. */
    static Issued certificateAuthority(String commonName) throws GeneralSecurityException {
        KeyPair keys = keyPair();
        byte[] extensions = sequence(
                extension(BASIC_CONSTRAINTS, true, sequence(tlv(0x01, new byte[] {(byte) 0xFF}))),
                // keyCertSign and cRLSign
                extension(KEY_USAGE, true, tlv(0x03, new byte[] {1, 0x06})));
        return new Issued(keys, sign(name(commonName), name(commonName), keys, keys.getPrivate(), extensions));
    }

    /** A server certificate for localhost / 127.0.0.1, signed by {@code issuer} or, if null, by itself. */
    static Issued server(Issued issuer) throws GeneralSecurityException {
        KeyPair keys = keyPair();
        byte[] altNames = sequence(
                tlv(0x82, "localhost".getBytes(StandardCharsets.US_ASCII)), // dNSName
                tlv(0x87, new byte[] {127, 0, 0, 1})); // iPAddress
        byte[] extensions = sequence(
                extension(BASIC_CONSTRAINTS, true, sequence()),
                // digitalSignature
                extension(KEY_USAGE, true, tlv(0x03, new byte[] {7, (byte) 0x80})),
                extension(EXTENDED_KEY_USAGE, false, sequence(SERVER_AUTH)),
                extension(SUBJECT_ALT_NAME, false, altNames));
        byte[] subject = name("localhost");
        return issuer == null
                ? new Issued(keys, sign(subject, subject, keys, keys.getPrivate(), extensions))
                : new Issued(keys, sign(subject, issuerName(issuer), keys, issuer.keys().getPrivate(), extensions));
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static byte[] issuerName(Issued issuer) {
        return issuer.certificate().getSubjectX500Principal().getEncoded();
    }

    private static X509Certificate sign(byte[] subject, byte[] issuer, KeyPair keys, PrivateKey signer,
            byte[] extensions) throws GeneralSecurityException {
        Instant now = Instant.now();
        byte[] algorithm = sequence(ECDSA_WITH_SHA256);
        byte[] tbs = sequence(
                tlv(0xA0, integer(BigInteger.valueOf(2))), // v3
                integer(new BigInteger(63, RANDOM).add(BigInteger.ONE)),
                algorithm,
                issuer,
                sequence(time(now.minus(Duration.ofHours(1))), time(now.plus(Duration.ofDays(365)))),
                subject,
                keys.getPublic().getEncoded(), // SubjectPublicKeyInfo, already DER
                tlv(0xA3, extensions));
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(signer, RANDOM);
        signature.update(tbs);
        byte[] value = signature.sign();
        byte[] bits = new byte[value.length + 1]; // no unused bits
        System.arraycopy(value, 0, bits, 1, value.length);
        byte[] der = sequence(tbs, algorithm, tlv(0x03, bits));
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        return (X509Certificate) factory.generateCertificate(new java.io.ByteArrayInputStream(der));
    }

    // ----- DER

    private static byte[] name(String commonName) {
        byte[] attribute = sequence(COMMON_NAME, tlv(0x0C, commonName.getBytes(StandardCharsets.UTF_8)));
        return sequence(tlv(0x31, attribute)); // RDNSequence of one SET
    }

    private static byte[] extension(byte[] id, boolean critical, byte[] value) {
        return critical
                ? sequence(id, tlv(0x01, new byte[] {(byte) 0xFF}), tlv(0x04, value))
                : sequence(id, tlv(0x04, value));
    }

    private static byte[] time(Instant instant) {
        // UTCTime up to 2049, GeneralizedTime from 2050 on (RFC 5280 4.1.2.5)
        int year = instant.atZone(ZoneOffset.UTC).getYear();
        String pattern = year < 2050 ? "yyMMddHHmmss'Z'" : "yyyyMMddHHmmss'Z'";
        byte[] text = DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC).format(instant)
                .getBytes(StandardCharsets.US_ASCII);
        return tlv(year < 2050 ? 0x17 : 0x18, text);
    }

    private static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    private static byte[] oid(int... arcs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(arcs[0] * 40 + arcs[1]);
        for (int i = 2; i < arcs.length; i++) {
            int arc = arcs[i];
            int shift = 28;
            while (shift > 0 && (arc >>> shift) == 0) {
                shift -= 7;
            }
            for (; shift > 0; shift -= 7) {
                out.write(0x80 | ((arc >>> shift) & 0x7F));
            }
            out.write(arc & 0x7F);
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        return tlv(0x30, content.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
