package io.jvirt.cli;

/**
 * Binds the optional parts of the build: the embedded simulator ({@code --sim}) and the offline
 * VMX converter ({@code --offline}). Each stays "not available" until its module provides it.
 */
final class Wiring {
    private Wiring() {
    }

    static SimulatorLauncher simulators() {
        return VsphereSimulatorLauncher.find().orElseGet(SimulatorLauncher::unavailable);
    }

    static NativeConverters converters() {
        return VmxOfflineConverters.find().orElseGet(NativeConverters::unavailable);
    }
}
