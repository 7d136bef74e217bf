package io.jvirt.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Runs a {@link VsphereSimulator} until stdin closes: prints the SDK URL, user and password.
 * Arguments: {@code [--model esx|vpx] [--vms N] [--tls] [--port P]}.
 */
public final class SimulatorLauncher {

    private SimulatorLauncher() {
    }

    public static void main(String[] args) throws IOException {
        VsphereSimulator.Builder builder = VsphereSimulator.builder();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--model" -> builder.model(SimulatorModel.valueOf(value(args, ++i).toUpperCase(Locale.ROOT)));
                case "--vms" -> builder.vms(Integer.parseInt(value(args, ++i)));
                case "--tls" -> builder.tls(true);
                case "--port" -> builder.port(Integer.parseInt(value(args, ++i)));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --model esx|vpx, --vms N, --tls, --port P)");
            }
        }
        try (VsphereSimulator sim = builder.build().start()) {
            System.out.println(sim.sdkUrl());
            System.out.println("user " + sim.username() + " password " + sim.password());
            System.out.flush();
            InputStream in = System.in;
            while (in.read() >= 0) {
                // run until stdin closes
            }
        }
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }
}
