package io.jvirt.cli;

import io.jvirt.cli.session.CliFailure;
import io.jvirt.simulator.SimulatorModel;
import io.jvirt.simulator.VsphereSimulator;
import java.io.IOException;
/**
 * {@code --sim}: starts the in-JVM vSphere simulator (artifact io.jvirt:vsphere-simulator) as an
 * ESX host or a vCenter and says how to reach it: {@code esx://127.0.0.1:PORT/?no_verify=1}, or for
 * a vCenter the standalone host's inventory path {@code vpx://127.0.0.1:PORT/DC0/DC0_H0?no_verify=1}.
 * The simulator is not part of jvirsh.jar: the {@code ./jvirsh} launcher puts it on the class path
 * when it is built; without it {@code --sim} says what is missing.
 */
final class VsphereSimulatorLauncher implements SimulatorLauncher {

    /** The simulator's entry point, looked up by name so that jvirsh runs without the simulator. */
    static final String ENTRY_POINT = "io.jvirt.simulator.VsphereSimulator";

    @Override
    public Running start(String kind) {
        if (!simulatorPresent()) {
            throw new CliFailure("--sim needs io.jvirt:vsphere-simulator on the class path");
        }
        return EmbeddedVsphereSimulator.start(kind);
    }

    static boolean simulatorPresent() {
        try {
            Class.forName(ENTRY_POINT, false, VsphereSimulatorLauncher.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
