package io.jvirt.esx.domain;

import io.jvirt.esx.EsxConnection;
import io.jvirt.fixtures.vsphere.SimulatorModel;
import io.jvirt.fixtures.vsphere.VsphereSimulator;
import io.jvirt.spi.ErrorCode;
import io.jvirt.spi.HypervisorException;
import io.jvirt.spi.auth.Authenticator;
import io.jvirt.spi.uri.ConnectionUri;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Opens driver connections to an in-JVM simulator on loopback (plain HTTP). */
final class SimConnections {
    private SimConnections() {
    }

    static VsphereSimulator start(SimulatorModel model, int vms) {
        try {
            return VsphereSimulator.builder().model(model).vms(vms).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code esx://127.0.0.1:<port>/?transport=http<query>}. */
    static EsxConnection esx(VsphereSimulator sim, String query) {
        return open(sim, "esx://127.0.0.1:" + sim.port() + "/?transport=http" + query, Map.of());
    }

    /** {@code vpx://127.0.0.1:<port>/<path>?transport=http<query>}. */
    static EsxConnection vpx(VsphereSimulator sim, String path, String query) {
        return open(sim, "vpx://127.0.0.1:" + sim.port() + "/" + path + "?transport=http" + query, Map.of());
    }

    static EsxConnection open(VsphereSimulator sim, String uri, Map<String, ?> env) {
        return EsxConnection.open(ConnectionUri.parse(uri),
                Authenticator.fixed(sim.username(), sim.password().toCharArray()), env);
    }

    /** Asserts the call fails with this code and exactly this message. */
    static HypervisorException fails(ErrorCode code, String message, Executable call) {
        HypervisorException e = assertThrows(HypervisorException.class, call);
        assertEquals(message, e.getMessage());
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }
}
