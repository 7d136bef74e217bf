package io.jvirt.esx.testing;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.shared.EsxOptions;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.auth.Authenticator;
import io.jvirt.spi.uri.ConnectionUri;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/**
 * An in-JVM vSphere simulator on loopback plus an {@link EsxConnection} to it: {@code esx://} for
 * the ESX model, {@code vpx://.../DC0/DC0_H0} (the standalone host) for the vCenter model.
 * The static methods serve tests that start one simulator and open several connections to it.
 */
public final class SimulatedConnection implements AutoCloseable {
    private final VsphereSimulator simulator;
    private final EsxConnection connection;

    private SimulatedConnection(VsphereSimulator simulator, EsxConnection connection) {
        this.simulator = simulator;
        this.connection = connection;
    }

    public static SimulatedConnection start(SimulatorModel model) {
        return start(VsphereSimulator.builder().model(model).vms(1));
    }

    public static SimulatedConnection start(VsphereSimulator.Builder builder) {
        VsphereSimulator sim = started(builder);
        try {
            String uri = sim.model() == SimulatorModel.ESX ? esxUri(sim, "") : vpxUri(sim, "DC0/DC0_H0", "");
            EsxConnection c = (EsxConnection) ConnectionFactory.open(uri, authenticator(sim),
                    Map.of(EsxOptions.KEEPALIVE_INTERVAL, Duration.ZERO));
            return new SimulatedConnection(sim, c);
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
    }

    /** A started simulator of this model with this many VMs, for tests that open their own connections. */
    public static VsphereSimulator startSimulator(SimulatorModel model, int vms) {
        return started(VsphereSimulator.builder().model(model).vms(vms));
    }

    /** {@code esx://127.0.0.1:<port>/?transport=http<query>}, opened with the driver directly. */
    public static EsxConnection esx(VsphereSimulator sim, String query) {
        return open(sim, esxUri(sim, query), Map.of());
    }

    /** {@code vpx://127.0.0.1:<port>/<path>?transport=http<query>}, opened with the driver directly. */
    public static EsxConnection vpx(VsphereSimulator sim, String path, String query) {
        return open(sim, vpxUri(sim, path, query), Map.of());
    }

    /** Opens this URI with the simulator's credentials and these options, with the driver directly. */
    public static EsxConnection open(VsphereSimulator sim, String uri, Map<String, ?> env) {
        return EsxConnection.open(ConnectionUri.parse(uri), authenticator(sim), env);
    }

    private static VsphereSimulator started(VsphereSimulator.Builder builder) {
        try {
            return builder.build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String esxUri(VsphereSimulator sim, String query) {
        return "esx://127.0.0.1:" + sim.port() + "/?transport=http" + query;
    }

    private static String vpxUri(VsphereSimulator sim, String path, String query) {
        return "vpx://127.0.0.1:" + sim.port() + "/" + path + "?transport=http" + query;
    }

    private static Authenticator authenticator(VsphereSimulator sim) {
        return Authenticator.fixed(sim.username(), sim.password().toCharArray());
    }

    public VsphereSimulator simulator() {
        return simulator;
    }

    public EsxConnection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            simulator.close();
        }
    }
}
