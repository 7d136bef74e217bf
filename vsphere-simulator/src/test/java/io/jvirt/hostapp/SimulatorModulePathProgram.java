package io.jvirt.hostapp;

import io.jvirt.simulator.junit.VsphereSimulatorExtension;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.PrintWriter;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A host application in the unnamed module that runs its test ({@link HostApplicationSample})
 * through the JUnit Platform launcher while the simulator and JUnit are named modules on the
 * module path (started by the simulator's ModulePathIT). Prints what the IT checks.
 */
public final class SimulatorModulePathProgram {

    private SimulatorModulePathProgram() {
    }

    public static void main(String[] args) {
        Module simulator = VsphereSimulatorExtension.class.getModule();
        System.out.println("extension in module " + simulator.getName());
        System.out.println("junit in module " + Launcher.class.getModule().getName());
        for (String p : new String[] {"io.jvirt.simulator", "io.jvirt.simulator.junit"}) {
            System.out.println(p + " exported: " + simulator.isExported(p));
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(HostApplicationSample.class)).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        System.out.println("tests found " + summary.getTestsFoundCount() + ", succeeded "
                + summary.getTestsSucceededCount() + ", failed " + summary.getTestsFailedCount());
        PrintWriter out = new PrintWriter(System.out, true);
        summary.printFailuresTo(out, 30);
        out.flush();
    }
}
