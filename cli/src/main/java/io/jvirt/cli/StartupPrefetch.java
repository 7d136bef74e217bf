package io.jvirt.cli;

import io.jvirt.esx.EsxDriver;

import javax.net.ssl.HttpsURLConnection;
import java.util.Locale;
import java.util.Map;

/**
 * Start-up plumbing: when the command line will talk to a vSphere server, the SOAP client model
 * (WSDL and JAXB context, about half of a short run's work) and the JDK's default TLS context
 * are built on two more threads while the main thread parses options and reads credentials. The decision reads the
 * arguments and environment the same way {@link Jvirsh} does, without parsing them; a wrong
 * guess costs only work, never a different result: the connection builds the model itself when
 * it was not prepared, and reports every error itself.
 */
final class StartupPrefetch {
    private static final System.Logger LOG = System.getLogger(StartupPrefetch.class.getName());

    private StartupPrefetch() {
    }

    /** Starts preparing on a daemon thread when a vSphere connection is likely; returns at once. */
    static void startIfUseful(String[] args, Map<String, String> env) {
        if (!likelyVsphere(args, env)) {
            return;
        }
        start("jvirsh-prefetch-soap", EsxDriver::prepare);
        // Every HttpsURLConnection starts with the JDK's default TLS context (the connection
        // then replaces it with its own), and creating that default reads the JDK's CA
        // certificates: done here, it is ready when the first request is made.
        start("jvirsh-prefetch-tls", HttpsURLConnection::getDefaultSSLSocketFactory);
    }

    private static void start(String name, Runnable work) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException | LinkageError e) {
                // the connection does this work again itself and reports what is wrong
                LOG.log(System.Logger.Level.DEBUG, "Start-up preparation " + name + " failed", e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    /** True when the global options (before the command) name an esx/gsx/vpx URI or --sim. */
    static boolean likelyVsphere(String[] args, Map<String, String> env) {
        String uri = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--sim") || a.startsWith("--sim=")) {
                return true;
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
        return scheme.startsWith("esx:") || scheme.startsWith("gsx:") || scheme.startsWith("vpx:");
    }
}
