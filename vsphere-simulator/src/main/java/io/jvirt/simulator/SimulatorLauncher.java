package io.jvirt.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The simulator as a program, like govmomi's vcsim:
 * {@code java -jar vsphere-simulator.jar [--model esx|vpx] [--vms N] [--hosts N] [--port N] [--http]
 * [--username U] [--password P]}. Prints the SDK URL on the first line, then the credentials, the
 * certificate's thumbprint and the jvirt connection URI, and serves on 127.0.0.1 until stopped
 * (Ctrl-C or a TERM signal). Wrong arguments get one line naming the problem and exit status 2;
 * a port it cannot listen on, exit status 1.
 */
public final class SimulatorLauncher {

    static final String USAGE = """
            usage: java -jar vsphere-simulator.jar [options]
              --model esx|vpx   an ESX host (default) or a vCenter with a standalone host and a cluster
              --vms N           VMs per host group (default 2)
              --hosts N         hosts in the vCenter's cluster DC0_C0 (default 2)
              --port N          listen on 127.0.0.1:N (default: a free port)
              --http            plain HTTP instead of HTTPS with a certificate made at start-up
              --username U      the user to accept (default root)
              --password P      the password to accept (default %s)
              --help            this text
            """.formatted(VsphereSimulator.DEFAULT_PASSWORD);

    private SimulatorLauncher() {
    }

    /** Wrong command-line arguments, said in one line. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        VsphereSimulator sim;
        try {
            VsphereSimulator.Builder builder = parse(args);
            if (builder == null) {
                System.out.print(USAGE);
                return;
            }
            sim = builder.build().start();
        } catch (UsageException e) {
            System.err.println("vsphere-simulator: " + e.getMessage());
            System.err.println("(--help lists the options)");
            System.exit(2);
            return;
        } catch (IOException | RuntimeException e) {
            System.err.println("vsphere-simulator: cannot start: " + describe(e));
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "vsphere-simulator-stop"));
        describe(sim, System.out);
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The settings the arguments ask for, or null for {@code --help}. */
    static VsphereSimulator.Builder parse(String[] args) throws UsageException {
        VsphereSimulator.Builder builder = VsphereSimulator.builder().tls(true);
        String username = "root";
        String password = VsphereSimulator.DEFAULT_PASSWORD;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--model" -> builder.model(switch (value(args, ++i).toLowerCase(Locale.ROOT)) {
                    case "esx" -> SimulatorModel.ESX;
                    case "vpx", "vcenter" -> SimulatorModel.VPX;
                    default -> throw new UsageException("--model must be esx or vpx, not '" + args[i] + "'");
                });
                case "--vms" -> builder.vms(number(args, ++i, 0, 10_000));
                case "--hosts" -> builder.clusterHosts(number(args, ++i, 0, 1_000));
                case "--port" -> builder.port(number(args, ++i, 0, 65_535));
                case "--http" -> builder.tls(false);
                case "--tls" -> builder.tls(true);
                case "--username" -> username = nonEmpty(args, ++i);
                case "--password" -> password = nonEmpty(args, ++i);
                default -> throw new UsageException("unknown option '" + arg + "'");
            }
        }
        return builder.credentials(username, password);
    }

    /** What a user needs to connect; the first line is the SDK URL alone, for scripts. */
    static void describe(VsphereSimulator sim, PrintStream out) {
        String dc = sim.datacenterName();
        String query = sim.tls() ? "?no_verify=1" : "?transport=http";
        String jvirtUri = sim.model() == SimulatorModel.VPX
                ? "vpx://127.0.0.1:" + sim.port() + "/" + dc + "/" + dc + "_H0" + query
                : "esx://127.0.0.1:" + sim.port() + "/" + query;
        out.println(sim.sdkUrl());
        out.println("model:      " + (sim.model() == SimulatorModel.VPX ? "vCenter (vpx)" : "ESX host (esx)")
                + ", VMs " + sim.vmNames().size());
        out.println("username:   " + sim.username());
        // the built-in test password is shown (it is no secret); one given with --password is not echoed
        out.println("password:   " + (sim.password().equals(VsphereSimulator.DEFAULT_PASSWORD)
                ? sim.password() : "(as given with --password)"));
        if (sim.tls()) {
            out.println("thumbprint: SHA-256 " + sim.tlsMaterial().thumbprint("SHA-256")
                    + " (a certificate made at start-up)");
        }
        out.println("jvirt URI:  " + jvirtUri);
        out.println("Serving on 127.0.0.1 until stopped (Ctrl-C).");
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        if (e instanceof java.net.BindException) {
            return "the port is in use or not allowed (" + message + ")";
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String value(String[] args, int index) throws UsageException {
        if (index >= args.length) {
            throw new UsageException(args[index - 1] + " needs a value");
        }
        return args[index];
    }

    private static String nonEmpty(String[] args, int index) throws UsageException {
        String value = value(args, index);
        if (value.isEmpty()) {
            throw new UsageException(args[index - 1] + " must not be empty");
        }
        return value;
    }

    private static int number(String[] args, int index, int min, int max) throws UsageException {
        String value = value(args, index);
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new UsageException(args[index - 1] + " must be between " + min + " and " + max + ", not " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(args[index - 1] + " needs a number, not '" + value + "'");
        }
    }
}
