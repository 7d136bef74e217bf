package io.jvirt.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code --sim}: starts test-fixtures' {@code io.jvirt.fixtures.vsphere.VsphereSimulator} (HTTPS,
 * self-signed, free loopback port) as an ESX host or a vCenter and says how to reach it:
 * {@code esx://127.0.0.1:PORT/?no_verify=1}, or for a vCenter the standalone host's inventory
 * path {@code vpx://127.0.0.1:PORT/DC0/DC0_H0?no_verify=1}.
 *
 * <p>Bound by name because the simulator lived on another branch when this was written; once
 * it is on main this can call the builder directly.
 */
final class VsphereSimulatorLauncher implements SimulatorLauncher {
    private final Class<?> simulator;
    private final Class<?> model;

    private VsphereSimulatorLauncher(Class<?> simulator, Class<?> model) {
        this.simulator = simulator;
        this.model = model;
    }

    static Optional<SimulatorLauncher> find() {
        try {
            ClassLoader cl = VsphereSimulatorLauncher.class.getClassLoader();
            return Optional.of(new VsphereSimulatorLauncher(
                    Class.forName("io.jvirt.fixtures.vsphere.VsphereSimulator", false, cl),
                    Class.forName("io.jvirt.fixtures.vsphere.SimulatorModel", false, cl)));
        } catch (ReflectiveOperationException | LinkageError e) {
            return Optional.empty();
        }
    }

    @Override
    public Running start(String kind) {
        try {
            Object builder = simulator.getMethod("builder").invoke(null);
            Class<?> b = builder.getClass();
            @SuppressWarnings({"unchecked", "rawtypes"})
            Object m = Enum.valueOf((Class) model, kind.toUpperCase(Locale.ROOT));
            builder = b.getMethod("model", model).invoke(builder, m);
            builder = b.getMethod("tls", boolean.class).invoke(builder, true);
            Object sim = b.getMethod("build").invoke(builder);
            sim = simulator.getMethod("start").invoke(sim);
            int port = (Integer) call(sim, "port");
            String user = (String) call(sim, "username");
            String password = (String) call(sim, "password");
            String dc = (String) call(sim, "datacenterName");
            String uri = kind.equals("vpx")
                    ? "vpx://127.0.0.1:" + port + "/" + dc + "/" + dc + "_H0?no_verify=1"
                    : "esx://127.0.0.1:" + port + "/?no_verify=1";
            return new Running(uri, user, password, (AutoCloseable) sim);
        } catch (InvocationTargetException e) {
            throw new CliFailure("--sim: cannot start the embedded vSphere simulator: " + e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new CliFailure("--sim: cannot start the embedded vSphere simulator: " + e);
        }
    }

    private Object call(Object sim, String method) throws ReflectiveOperationException {
        Method m = simulator.getMethod(method);
        return m.invoke(sim);
    }
}
