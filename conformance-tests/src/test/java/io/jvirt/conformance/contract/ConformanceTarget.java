package io.jvirt.conformance.contract;

import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.auth.Authenticator;

import java.util.Map;
import java.util.Set;

/**
 * One running hypervisor the contract tests connect to: a driver's scheme plus everything the
 * harness needs to exercise it (URI, credentials, a domain it may start and stop, bad URIs).
 * Created by a {@link ConformanceTargets} provider; closed when the harness is done (stops any
 * simulator it started).
 */
public interface ConformanceTarget extends AutoCloseable {

    /** The feature-matrix column, e.g. {@code "test"}, {@code "esx (in-JVM simulator)"}. */
    String name();

    /** The URI scheme of the driver under test. */
    String scheme();

    /** A URI that opens a connection. */
    String uri();

    /** The credentials that work. */
    Authenticator authenticator();

    /**
     * The version {@code Connection.version()} must report ({@code major * 1,000,000 + minor * 1,000
     * + micro}), as the server under test defines it; every target declares it.
     */
    default long expectedVersion() {
        return -1;
    }

    /** Options passed to {@code ConnectionFactory.open}. */
    default Map<String, ?> env() {
        return Map.of();
    }

    /** What the driver claims to support; every other feature must report NO_SUPPORT. */
    Set<Feature> supported();

    /**
     * Features the driver supports but this server cannot exercise (e.g. vcsim lacks the
     * HostAutoStartManager), each with the reason. Such a gap is accepted only when another
     * target of the same driver checked the feature; otherwise the harness fails.
     */
    default Map<Feature, String> notTestable() {
        return Map.of();
    }

    /**
     * A URI and authenticator that must fail with {@link ErrorCode#AUTH_FAILED}. Every target
     * gives them: refusing wrong credentials is not optional.
     */
    default BadCredentials badCredentials() {
        return null;
    }

    /** URIs of this scheme that must be rejected, with the expected code. */
    default Map<String, ErrorCode> badUris() {
        return Map.of();
    }

    /** The name of a domain the lifecycle contract may start, suspend and stop. */
    default String lifecycleDomain() {
        return null;
    }

    /** Domain XML the define contract may define (and then undefine); {@code null} if unsupported. */
    default String domainXmlToDefine() {
        return null;
    }

    /**
     * True when two connections to {@link #uri()} see the same hypervisor (a change through one
     * shows through the other); false for the test driver, whose every connection gets a fresh
     * in-memory host.
     */
    default boolean connectionsShareState() {
        return true;
    }

    /**
     * Requests the server has received so far, when it can count them (the in-JVM simulators),
     * to prove that a read-only connection's denied calls send none.
     */
    default java.util.OptionalLong requestCount() {
        return java.util.OptionalLong.empty();
    }

    @Override
    default void close() throws Exception {
    }

    /** A URI and credentials that must be refused. */
    record BadCredentials(String uri, Authenticator authenticator, String secret) {
    }
}
