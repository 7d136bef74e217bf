package io.jvirt.conformance.targets;

import io.jvirt.conformance.contract.ConformanceTarget;
import io.jvirt.conformance.contract.ConformanceTargets;
import io.jvirt.conformance.contract.Feature;
import io.jvirt.spi.error.ErrorCode;
import io.jvirt.spi.auth.Authenticator;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The in-memory {@code test:///default} driver: it claims every feature. */
public final class TestDriverTargets implements ConformanceTargets {

    @Override
    public List<String> schemes() {
        return List.of("test");
    }

    @Override
    public List<ConformanceTarget> start() {
        return List.of(new ConformanceTarget() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public String scheme() {
                return "test";
            }

            @Override
            public String uri() {
                return "test:///default";
            }

            @Override
            public Authenticator authenticator() {
                return Authenticator.none();
            }

            @Override
            public long expectedVersion() {
                return 2; // libvirt's test driver reports 0.0.2
            }

            @Override
            public boolean connectionsShareState() {
                return false; // every test:///default connection gets a fresh in-memory host
            }

            @Override
            public Set<Feature> supported() {
                return EnumSet.allOf(Feature.class);
            }

            @Override
            public BadCredentials badCredentials() {
                return new BadCredentials("test:///default?auth=1",
                        Authenticator.fixed("test", "wrong-secret".toCharArray()), "wrong-secret");
            }

            @Override
            public Map<String, ErrorCode> badUris() {
                return Map.of(
                        "test://somehost/default", ErrorCode.INVALID_ARG,
                        "test:///nonexistent", ErrorCode.NO_CONNECT,
                        "test:///default?auth=2", ErrorCode.INVALID_ARG);
            }

            @Override
            public String lifecycleDomain() {
                return "test";
            }

            @Override
            public String domainXmlToDefine() {
                return """
                        <domain type='test'>
                          <name>conformance-new</name>
                          <memory unit='MiB'>512</memory>
                          <vcpu>1</vcpu>
                          <os><type arch='x86_64'>hvm</type></os>
                        </domain>
                        """;
            }
        });
    }
}
