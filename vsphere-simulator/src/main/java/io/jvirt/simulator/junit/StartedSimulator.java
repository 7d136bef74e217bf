package io.jvirt.simulator.junit;

import io.jvirt.simulator.SimulatorModel;

import java.net.URI;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * A running simulator as a test sees it: where it listens, whom it lets in, and how to trust it.
 *
 * @param simulator the simulator itself, to inspect or steer it (request counts, faults, questions,
 *                  power states, datastore files)
 */
public record StartedSimulator(io.jvirt.simulator.VsphereSimulator simulator) {

    public StartedSimulator {
        Objects.requireNonNull(simulator, "simulator");
    }

    /** The vim25 SOAP endpoint, {@code https://127.0.0.1:<port>/sdk} (http without TLS). */
    public URI sdkUrl() {
        return simulator.sdkUrl();
    }

    /** The user a client logs in with. */
    public String username() {
        return simulator.username();
    }

    /** The user's password (fixed test credentials of this simulator, not a secret). */
    public String password() {
        return simulator.password();
    }

    public SimulatorModel model() {
        return simulator.model();
    }

    public int port() {
        return simulator.port();
    }

    /**
     * A client TLS context that trusts exactly this simulator's certificate, for clients that
     * verify certificates (as they should).
     */
    public SSLContext sslContext() {
        return simulator.tlsMaterial().clientContext();
    }

    /**
     * The server certificate's SHA-256 thumbprint, upper-case hex pairs joined by ':' (what
     * vSphere clients pin instead of a CA).
     */
    public String thumbprint() {
        return simulator.tlsMaterial().thumbprint("SHA-256");
    }

    /**
     * The jvirt (libvirt-style) connection URI of this simulator: {@code esx://127.0.0.1:<port>/}
     * for an ESX host, {@code vpx://127.0.0.1:<port>/DC0/DC0_H0} (the standalone host) for a
     * vCenter; with {@code no_verify=1} (the certificate is made at start-up and not trusted by the
     * JVM) or {@code transport=http} without TLS.
     */
    public String connectionUri() {
        String query = simulator.tls() ? "?no_verify=1" : "?transport=http";
        String dc = simulator.datacenterName();
        return model() == SimulatorModel.VPX
                ? "vpx://127.0.0.1:" + port() + "/" + dc + "/" + dc + "_H0" + query
                : "esx://127.0.0.1:" + port() + "/" + query;
    }
}
