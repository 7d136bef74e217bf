package io.jvirt.cli;

import io.jvirt.cli.session.CliFailure;
import io.jvirt.fixtures.vsphere.SimulatorModel;
import io.jvirt.fixtures.vsphere.VsphereSimulator;

import java.io.IOException;

/**
 * {@code --sim}: starts test-fixtures' {@link VsphereSimulator} (HTTPS, self-signed, free
 * loopback port) as an ESX host or a vCenter and says how to reach it:
 * {@code esx://127.0.0.1:PORT/?no_verify=1}, or for a vCenter the standalone host's inventory
 * path {@code vpx://127.0.0.1:PORT/DC0/DC0_H0?no_verify=1}.
 */
final class VsphereSimulatorLauncher implements SimulatorLauncher {

    @Override
    public Running start(String kind) {
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
            return new Running(uri, sim.username(), sim.password(), sim);
        } catch (IOException | RuntimeException e) {
            if (sim != null) {
                sim.close();
            }
            throw new CliFailure("--sim: cannot start the embedded vSphere simulator: " + e);
        }
    }
}
