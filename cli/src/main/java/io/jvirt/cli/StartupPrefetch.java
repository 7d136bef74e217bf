package io.jvirt.cli;

import io.jvirt.esx.EsxDriver;

import java.util.Locale;
import java.util.Map;

/**
 * Start-up plumbing: when the command line will talk to a vSphere server, the SOAP client (the
 * vim25 type hierarchy, the XML parser and the classes of a typical answer) and, beside it, the
 * JDK's TLS engine (with the JDK's CA certificates when the connection will verify the server's)
 * are made ready on two more threads
 * while the main thread parses options and reads credentials. The decision reads the arguments
 * and environment the same way {@link Jvirsh} does, without parsing them; a wrong guess costs
 * only work, never a different result: the connection does the same work itself when it was not
 * done, and reports every error itself.
 */
final class StartupPrefetch {

    private StartupPrefetch() {
    }

    /**
     * Starts preparing on daemon threads when a vSphere connection is likely; returns at once.
     * Called first thing in {@code main}: nothing on this path uses a lambda, a method
     * reference, string concatenation or a logger, whose first use in a JVM sets up
     * {@code java.lang.invoke} or the logging back end (~0.1 s of interpreted start-up on the
     * main thread, benchmarks/STARTUP.md), so that the threads start before that work and the
     * two run side by side.
     */
    static void startIfUseful(String[] args, Map<String, String> env) {
        String uri = vsphereUri(args, env);
        if (uri == null) {
            return;
        }
        new Preparation(null).start();
        // The JDK's TLS engine, and the CA certificates when the connection will verify the
        // server's: ready when the first request is made. jvirsh's default TLS socket factory is
        // lazy (LazyDefaultSocketFactory), so the CA certificates are read only for such a connection.
        new Preparation(uri).start();
    }

    /** One piece of preparation on a daemon thread of its own: the SOAP model, or TLS for {@code uri}. */
    private static final class Preparation extends Thread {
        private final String uri;

        Preparation(String uri) {
            super(uri == null ? "jvirsh-prefetch-soap" : "jvirsh-prefetch-tls");
            this.uri = uri;
            setDaemon(true);
        }

        @Override
        public void run() {
            // each does its own error handling: the connection does this work again itself and
            // reports what is wrong
            if (uri == null) {
                EsxDriver.prepare();
            } else {
                EsxDriver.prepareTls(uri);
            }
        }
    }

    /**
     * The esx/gsx/vpx URI the global options (or the environment) name, the embedded
     * simulator's kind of URI for --sim, or null.
     */
    static String vsphereUri(String[] args, Map<String, String> env) {
        String uri = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--sim") || a.startsWith("--sim=")) {
                return "esx://127.0.0.1/?no_verify=1";
            } else if ((a.equals("-c") || a.equals("--connect")) && i + 1 < args.length) {
                uri = args[++i];
            } else if (a.startsWith("--connect=")) {
                uri = a.substring("--connect=".length());
            } else if (a.startsWith("-c") && a.length() > 2) {
                uri = a.substring(2);
            } else if (Jvirsh.WITH_VALUE.contains(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                break;
            }
        }
        if (uri == null) {
            uri = env.getOrDefault("VIRSH_DEFAULT_CONNECT_URI", "");
            if (uri.isEmpty()) {
                uri = env.getOrDefault("LIBVIRT_DEFAULT_URI", "");
            }
        }
        String scheme = uri.toLowerCase(Locale.ROOT);
        return scheme.startsWith("esx:") || scheme.startsWith("gsx:") || scheme.startsWith("vpx:") ? uri : null;
    }
}
