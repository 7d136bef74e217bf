package io.jvirt.cli;


import io.jvirt.cli.session.NativeConverters;
/**
 * The production wiring of jvirsh's embedded parts: the vSphere simulator ({@code --sim}) and
 * the offline VMX converter ({@code --offline}).
 */
final class Wiring {
    private Wiring() {
    }

    static SimulatorLauncher simulators() {
        return new VsphereSimulatorLauncher();
    }

    static NativeConverters converters() {
        return new VmxOfflineConverters();
    }
}
