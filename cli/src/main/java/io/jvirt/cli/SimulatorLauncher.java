package io.jvirt.cli;

/**
 * Starts an embedded vSphere simulator for {@code --sim}: an ESX host ({@code esx}) or a
 * vCenter ({@code vpx}) on a free loopback port, and says how to connect to it.
 */
@FunctionalInterface
public interface SimulatorLauncher {

    /**
     * A running simulator.
     *
     * @param uri      the URI to connect with, e.g. {@code esx://127.0.0.1:PORT/?no_verify=1}
     * @param username the simulator's user
     * @param password the simulator's password (not secret: fixed test credentials)
     * @param server   stops the simulator
     */
    record Running(String uri, String username, String password, AutoCloseable server) {
    }

    Running start(String kind);
}
