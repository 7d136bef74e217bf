package io.jvirt.esx.testing;

import io.jvirt.esx.EsxConnection;
import io.jvirt.esx.EsxOptions;
import io.jvirt.fixtures.vsphere.SimulatorModel;
import io.jvirt.fixtures.vsphere.VsphereSimulator;
import io.jvirt.spi.ConnectionFactory;
import io.jvirt.spi.auth.Authenticator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/**
 * An in-JVM vSphere simulator on loopback plus an {@link EsxConnection} to it: {@code esx://} for
 * the ESX model, {@code vpx://.../DC0/DC0_H0} (the standalone host) for the vCenter model.
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
        VsphereSimulator sim;
        try {
            sim = builder.build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            String uri = sim.model() == SimulatorModel.ESX
                    ? "esx://127.0.0.1:" + sim.port() + "/?transport=http"
                    : "vpx://127.0.0.1:" + sim.port() + "/DC0/DC0_H0?transport=http";
            EsxConnection c = (EsxConnection) ConnectionFactory.open(uri,
                    Authenticator.fixed(sim.username(), sim.password().toCharArray()),
                    Map.of(EsxOptions.KEEPALIVE_INTERVAL, Duration.ZERO));
            return new SimulatedConnection(sim, c);
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
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
