package io.jvirt.esx.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jvirt.esx.uri.EsxScheme;
import io.jvirt.esx.uri.EsxUriParameters;
import io.jvirt.spi.error.HypervisorException;
import io.jvirt.spi.uri.ConnectionUri;

import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the ESX driver's URI handling before any request: the generic parser, the scheme and
 * the ESX query parameters (transport, vcenter, no_verify, auto_answer, proxy). Only
 * {@link HypervisorException} may come out, always with a message.
 */
class EsxUriFuzzTest {

    @FuzzTest(maxDuration = "45s")
    void parse(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            ConnectionUri uri = ConnectionUri.parse(text);
            EsxScheme scheme = EsxScheme.of(uri.scheme());
            EsxUriParameters params = EsxUriParameters.parse(uri);
            if (params.transport() == null || scheme.defaultPort(params.transport()) <= 0) {
                throw new AssertionError("no transport or port for " + text);
            }
            params.proxySpec().ifPresent(p -> {
                if (p.port() < 1 || p.port() > 65535 || p.host() == null || p.host().isEmpty()) {
                    throw new AssertionError("an invalid proxy accepted: " + p + " from " + text);
                }
            });
        } catch (HypervisorException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("an error without a message for " + text, e);
            }
        }
    }
}
