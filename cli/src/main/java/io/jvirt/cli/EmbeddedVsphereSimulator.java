package io.jvirt.cli;

import io.jvirt.cli.session.CliFailure;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;

import java.io.IOException;

/**
 * Starts io.jvirt:vsphere-simulator's {@link VsphereSimulator} (HTTPS, self-signed, free loopback
 * port) as an ESX host or a vCenter. Only {@link VsphereSimulatorLauncher} loads this class, after
 * it has checked that the simulator is on the class path (jvirsh.jar does not contain it).
 */
final class EmbeddedVsphereSimulator {
    private EmbeddedVsphereSimulator() {
    }

    static SimulatorLauncher.Running start(String kind) {
        SimulatorModel model = switch (kind) {
            case "esx" -> SimulatorModel.ESX;
            case "vpx" -> SimulatorModel.VPX;
            default -> throw new CliFailure("--sim: unknown simulator '" + kind + "', expected 'esx' or 'vpx'");
        };
        VsphereSimulator sim = null;
        try {
            sim = VsphereSimulator.builder().model(model).tls(true).build().start();
            String dc = sim.datacenterName();
            String uri = model == SimulatorModel.VPX
                    ? "vpx://127.0.0.1:" + sim.port() + "/" + dc + "/" + dc + "_H0?no_verify=1"
                    : "esx://127.0.0.1:" + sim.port() + "/?no_verify=1";
            return new SimulatorLauncher.Running(uri, sim.username(), sim.password(), sim);
        } catch (IOException | RuntimeException e) {
            if (sim != null) {
                sim.close();
            }
            throw new CliFailure("--sim: cannot start the embedded vSphere simulator: " + e);
        }
    }
}
